using Help.Core.Index;
using Xunit;

namespace Help.Core.Tests.Index;

public sealed class ManifestStampsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pyhelp-stamps-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void TryRead_ManifestAsWritten_GivesItsVersionDefaultsAndSources()
    {
        var manifest = new IndexManifest
        {
            DefaultSources = true,
            Sources = [new SourceFingerprint("/docs/html", "d:3:00ff"), new SourceFingerprint("/lib/topics.py", "f:12:34")],
            TopicCount = 7,
            TopicsByKind = new Dictionary<string, int> { ["module"] = 7 },
            Diagnostics = ["warning: /docs/html/a.html: a \"quoted\" note"],
        };
        manifest.Write(_dir);

        var stamps = ManifestStamps.TryRead(_dir);

        Assert.NotNull(stamps);
        Assert.Equal(IndexManifest.CurrentVersion, stamps.Version);
        Assert.True(stamps.DefaultSources);
        Assert.Equal(manifest.Sources, stamps.Sources);
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("[1, 2]")]
    [InlineData("{\"defaultSources\": true}")]
    [InlineData("{\"version\": 4, \"sources\": [{\"path\": \"/x\"}]}")]
    public void TryRead_DamagedManifest_GivesNull(string json)
    {
        File.WriteAllText(Path.Combine(_dir, IndexFolder.ManifestFileName), json);

        Assert.Null(ManifestStamps.TryRead(_dir));
    }

    [Fact]
    public void TryRead_NoManifest_GivesNull() => Assert.Null(ManifestStamps.TryRead(_dir));
}
