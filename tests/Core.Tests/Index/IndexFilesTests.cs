using Help.Core.Index;
using Xunit;

namespace Help.Core.Tests.Index;

/// <summary>
/// The generation's manifest and seal as the next lookup reads them: written by the serializer, read back from the
/// JSON document field by field (<c>JsonFields</c>), so a field the writer gains and the reader misses shows here.
/// </summary>
public sealed class IndexFilesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pyhelp-indexfiles-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static readonly IndexManifest Full = new()
    {
        DefaultSources = true,
        Watch = "123|sources:none",
        DocTrees = ["/usr/share/doc/python3.11/html", "/usr/share/doc/python-flask-doc/html"],
        Sources =
        [
            new SourceFingerprint("/usr/share/doc/python3.11/html", "s:1:2:3"),
            new SourceFingerprint("/home/me/notes", "d:3:00ff", ["a", "a/b"]),
        ],
        DocSetRoots = new Dictionary<string, string> { ["python-3.11"] = "/usr/share/doc/python3.11/html" },
        TopicCount = 16430,
        TopicsByKind = new Dictionary<string, int> { ["function"] = 2000, ["module"] = 300 },
        Diagnostics = ["skipped: a.html: empty file"],
    };

    [Fact]
    public void ManifestTryRead_WhatWriteWrote_EveryField()
    {
        Full.Write(_dir);

        var read = IndexManifest.TryRead(_dir)!;

        Assert.Equal(
            (Full.Version, Full.DefaultSources, Full.Watch, Full.TopicCount),
            (read.Version, read.DefaultSources, read.Watch, read.TopicCount));
        Assert.Equal(Full.DocTrees, read.DocTrees);
        Assert.Equal(Full.Sources, read.Sources);
        Assert.Equal(Full.DocSetRoots, read.DocSetRoots);
        Assert.Equal(Full.TopicsByKind, read.TopicsByKind);
        Assert.Equal(Full.Diagnostics, read.Diagnostics);
    }

    [Fact]
    public void ManifestTryRead_NothingOptionalWritten_Defaults()
    {
        new IndexManifest().Write(_dir);

        var read = IndexManifest.TryRead(_dir)!;

        Assert.Equal((IndexManifest.CurrentVersion, false, null, 0), (read.Version, read.DefaultSources, read.Watch, read.TopicCount));
        Assert.Empty(read.Sources);
        Assert.Empty(read.DocTrees);
    }

    [Theory]
    [InlineData("""{"version": 8, "topicCount": 1, "sources": [{"path": "/x"}]}""")]
    [InlineData("""{"version": "8", "topicCount": 1}""")]
    [InlineData("""{"topicCount": 1}""")]
    [InlineData("""{"version": 8, "topicCount": 1, "docTrees": {"a": 1}}""")]
    [InlineData("""{"version": 8, "topicCount": 1""")]
    [InlineData("")]
    public void ManifestTryRead_MalformedOrIncomplete_Null(string json)
    {
        File.WriteAllText(Path.Combine(_dir, IndexFolder.ManifestFileName), json);

        Assert.Null(IndexManifest.TryRead(_dir));
    }

    [Fact]
    public void ManifestTryRead_AnotherFormat_OnlyItsVersion()
    {
        File.WriteAllText(Path.Combine(_dir, IndexFolder.ManifestFileName), """{"version": 3, "sources": "whatever it was then"}""");

        Assert.Equal(3, IndexManifest.TryRead(_dir)!.Version);
    }

    [Fact]
    public void SealTryRead_WhatWriteWrote_EveryFile()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "search"));
        File.WriteAllText(Path.Combine(_dir, "topics.tbl"), "table");
        File.WriteAllText(Path.Combine(_dir, "search", "_0.cfs"), "segment");
        var seal = IndexSeal.Create(_dir);
        seal.Write(_dir);

        var read = IndexSeal.TryRead(_dir)!;

        Assert.Equal(["search/_0.cfs", "topics.tbl"], read.Files.Select(f => f.Name));
        Assert.Equal(seal.Files, read.Files);
        Assert.Null(IndexIntegrity.QuickCheck(_dir));
    }

    [Theory]
    [InlineData("""{"version": 2, "files": []}""")]
    [InlineData("""{"version": 1, "files": [{"name": "topics.tbl", "length": 5}]}""")]
    [InlineData("""{"version": 1, "files": [{"name": "topics.tbl", "length": "5", "crc32C": "00000000"}]}""")]
    public void SealTryRead_AnotherVersionOrAFileIncomplete_Null(string json)
    {
        File.WriteAllText(Path.Combine(_dir, IndexSeal.FileName), json);

        Assert.Null(IndexSeal.TryRead(_dir));
    }
}
