using Help.Cli;
using Help.Core.Index;
using Xunit;

namespace Help.Reliability.Tests;

/// <summary>
/// The terminal tool over a missing, old, truncated or corrupted index: it says what is wrong, rebuilds,
/// answers (exit 0) and never shows a stack trace.
/// </summary>
public sealed class CliIntegrityTests : IDisposable
{
    private readonly FixtureIndex _fixture = new();

    public void Dispose() => _fixture.Dispose();

    private sealed record Run(int Code, string Out, string Err);

    private Run Pyhelp(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = HelpCommandLine.Run(_fixture.Args(args), new Terminal(stdout, stderr));
        return new Run(code, stdout.ToString(), stderr.ToString());
    }

    private string Table => Path.Combine(_fixture.Current, TopicsTableFormat.FileName);
    private string SearchFolder => Path.Combine(_fixture.Current, Help.Core.Search.SearchIndex.FolderName);

    public static TheoryData<string> TableDamages => new()
    {
        "truncated-to-0", "truncated-to-10", "truncated-to-header", "truncated-to-half", "truncated-by-1",
        "header-version-3", "header-count-flipped", "header-offset-flipped", "header-checksum-flipped",
        "key-index-flipped", "name-index-flipped", "key-string-flipped", "record-index-flipped",
        "record-flipped", "record-zeroed", "last-byte-flipped", "garbage-appended", "whole-file-garbage",
    };

    [Theory]
    [MemberData(nameof(TableDamages))]
    public void Lookup_TopicsTableDamaged_RebuildsAndAnswers(string damage)
    {
        _fixture.Build();
        var before = _fixture.Current;
        var layout = Damage.Layout(Table);
        var (record, recordLength) = Damage.RecordOf(Table, "spam");
        switch (damage)
        {
            case "truncated-to-0": Damage.Truncate(Table, 0); break;
            case "truncated-to-10": Damage.Truncate(Table, 10); break;
            case "truncated-to-header": Damage.Truncate(Table, TopicsTableHeader.Size); break;
            case "truncated-to-half": Damage.Truncate(Table, layout.Length / 2); break;
            case "truncated-by-1": Damage.Truncate(Table, layout.Length - 1); break;
            case "header-version-3": File.WriteAllBytes(Table, [.. File.ReadAllBytes(Table)[..8], 3, 0, 0, 0, .. File.ReadAllBytes(Table)[12..]]); break;
            case "header-count-flipped": Damage.Flip(Table, 12); break;
            case "header-offset-flipped": Damage.Flip(Table, 57); break;
            case "header-checksum-flipped": Damage.Flip(Table, TopicsTableHeader.ChecksumAt); break;
            case "key-index-flipped": Damage.Flip(Table, layout.KeyIndex + 8); break;
            case "name-index-flipped": Damage.Flip(Table, layout.NameIndex + 1); break;
            case "key-string-flipped": Damage.Flip(Table, layout.Strings + 3); break;
            case "record-index-flipped": Damage.Flip(Table, layout.RecordIndex + 13); break;
            case "record-flipped": Damage.Flip(Table, record + recordLength / 2); break;
            case "record-zeroed": Damage.Zero(Table, record, recordLength); break;
            case "last-byte-flipped": Damage.Flip(Table, layout.Length - 1); break;
            case "garbage-appended": File.AppendAllText(Table, "<html>not a table</html>"); break;
            case "whole-file-garbage": File.WriteAllBytes(Table, new byte[layout.Length]); break;
            default: throw new ArgumentException(damage);
        }

        var run = Pyhelp("spam");

        Assert.Equal(0, run.Code);
        Assert.Contains("opens tins", run.Out);
        Assert.NotEqual(before, _fixture.Current);
        Assert.False(Damage.HasStackTrace(run.Out + run.Err), run.Err);
        if (damage != "header-version-3")
        {
            // Damage is said even in a pipe, where a routine rebuild is silent.
            Assert.Contains("rebuilding the index", run.Err);
            Assert.Contains("damaged", run.Err);
        }
    }

    public static TheoryData<string> SearchDamages => new()
    {
        "missing", "segments-truncated", "segments-garbage", "data-truncated-to-0", "data-truncated-to-half",
        "data-zeroed", "data-flipped", "garbage-appended", "another-format",
    };

    [Theory]
    [MemberData(nameof(SearchDamages))]
    public void Search_SearchIndexDamaged_RebuildsAndAnswers(string damage)
    {
        _fixture.Build();
        var before = _fixture.Current;
        var data = Damage.LargestSearchFile(before);
        var segments = Damage.SearchSegmentsFile(before);
        var length = new FileInfo(data).Length;
        switch (damage)
        {
            case "missing": Directory.Delete(SearchFolder, recursive: true); break;
            case "segments-truncated": Damage.Truncate(segments, new FileInfo(segments).Length / 2); break;
            case "segments-garbage": Damage.Flip(segments, 0, (int)new FileInfo(segments).Length); break;
            case "data-truncated-to-0": Damage.Truncate(data, 0); break;
            case "data-truncated-to-half": Damage.Truncate(data, length / 2); break;
            case "data-zeroed": Damage.Zero(data, length / 4, (int)(length / 2)); break;
            case "data-flipped": Damage.Flip(data, length / 2, (int)Math.Min(length / 4, 4096)); break;
            case "garbage-appended": File.AppendAllText(data, new string('x', 8192)); break;
            case "another-format":
                // A whole index of another format version, sealed as if this tool had built it.
                Help.Core.Search.SearchIndexBuild.Write(SearchFolder + ".other", [], "another-build", null);
                Directory.Delete(SearchFolder, recursive: true);
                Directory.Move(SearchFolder + ".other", SearchFolder);
                ForgeFormat(SearchFolder);
                IndexSeal.Create(_fixture.Current).Write(_fixture.Current);
                break;
            default: throw new ArgumentException(damage);
        }

        var run = Pyhelp("-k", "tin");

        Assert.Equal(0, run.Code);
        Assert.Contains("spam.Tin", run.Out);
        Assert.NotEqual(before, _fixture.Current);
        Assert.False(Damage.HasStackTrace(run.Out + run.Err), run.Err);
        Assert.Contains("rebuilding the index", run.Err);
        // The rebuilt index is whole: the next search answers from it without building again.
        var rebuilt = _fixture.Current;
        var again = Pyhelp("-k", "tin");
        Assert.Equal((0, "", rebuilt), (again.Code, again.Err, _fixture.Current));
    }

    /// <summary>Rewrites the commit's format version, as an index from another version of this tool would carry.</summary>
    private static void ForgeFormat(string folder)
    {
        using var directory = Lucene.Net.Store.FSDirectory.Open(folder);
        using var writer = new Lucene.Net.Index.IndexWriter(directory, new Lucene.Net.Index.IndexWriterConfig(
            Lucene.Net.Util.LuceneVersion.LUCENE_48, Help.Core.Search.SearchAnalysis.PerField) { OpenMode = Lucene.Net.Index.OpenMode.APPEND });
        writer.SetCommitData(new Dictionary<string, string> { ["pyhelp-search-format"] = "0" });
        writer.Commit();
    }

    [Theory]
    [InlineData("manifest-garbage")]
    [InlineData("manifest-empty")]
    [InlineData("manifest-old-version")]
    [InlineData("manifest-missing")]
    [InlineData("seal-missing")]
    [InlineData("seal-garbage")]
    [InlineData("current-garbage")]
    [InlineData("current-points-nowhere")]
    [InlineData("generation-deleted")]
    [InlineData("index-missing")]
    public void Lookup_IndexFolderDamaged_RebuildsAndAnswers(string damage)
    {
        if (damage != "index-missing")
        {
            _fixture.Build();
        }
        var current = _fixture.Folder.CurrentGeneration();
        var manifest = current is null ? "" : Path.Combine(current, IndexFolder.ManifestFileName);
        var pointer = Path.Combine(_fixture.IndexDir, IndexFolder.CurrentPointer);
        switch (damage)
        {
            case "manifest-garbage": File.WriteAllText(manifest, "{\"version\": [not json"); break;
            case "manifest-empty": File.WriteAllText(manifest, ""); break;
            case "manifest-old-version": File.WriteAllText(manifest, File.ReadAllText(manifest).Replace($"\"version\": {IndexManifest.CurrentVersion}", "\"version\": 3")); break;
            case "manifest-missing": File.Delete(manifest); break;
            case "seal-missing": File.Delete(Path.Combine(current!, IndexSeal.FileName)); break;
            case "seal-garbage": File.WriteAllText(Path.Combine(current!, IndexSeal.FileName), "\0\0\0"); break;
            case "current-garbage": File.WriteAllBytes(pointer, [0xFF, 0xFE, 0x00, 0x2F]); break;
            case "current-points-nowhere": File.WriteAllText(pointer, "gen-999999\n"); break;
            case "generation-deleted": Directory.Delete(current!, recursive: true); break;
            case "index-missing": break;
            default: throw new ArgumentException(damage);
        }

        var run = Pyhelp("spam");

        Assert.Equal(0, run.Code);
        Assert.Contains("opens tins", run.Out);
        Assert.NotNull(_fixture.Folder.CurrentGeneration());
        if (damage != "generation-deleted")
        {
            // (A deleted generation's number is free again, so the rebuild may reuse its name.)
            Assert.NotEqual(current, _fixture.Folder.CurrentGeneration());
        }
        Assert.False(Damage.HasStackTrace(run.Out + run.Err), run.Err);
    }

    [Fact]
    public void Lookup_IndexFolderIsAFile_SaysSoWithoutAStackTrace()
    {
        Directory.CreateDirectory(_fixture.Root);
        File.WriteAllText(_fixture.IndexDir, "not a folder");

        var run = Pyhelp("spam");

        Assert.Equal(ExitCodes.IndexUnavailable, run.Code);
        Assert.Contains(_fixture.IndexDir, run.Err);
        Assert.False(Damage.HasStackTrace(run.Out + run.Err), run.Err);
    }
}
