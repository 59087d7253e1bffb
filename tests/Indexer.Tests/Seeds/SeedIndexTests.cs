using Help.Core.Model;
using Help.Indexer.Pipeline;
using Help.Tests.Shared;
using Xunit;

namespace Help.Indexer.Tests.Seeds;

/// <summary>
/// Every seed capture indexes as it is, through the same pipeline as any source (<c>--source seedfile</c>):
/// the documentation is found, its doc set is read from the page itself, and none of the capture's
/// noise reaches any topic.
/// </summary>
public sealed partial class SeedIndexTests(ITestOutputHelper output)
{
    public const string AsyncioSeed = "000_e3c284c6bf372ec4.txt";
    public const string FuturesSeed = "001_61682ea4a092a70a.txt";
    public const string ImpSeed = "002_316b187b8790b014.txt";
    public const string BlameSeed = "003_400a808bd037b9d5.txt";
    public const string TopicsSeed = "004_98489a920d044a2b.txt";

    /// <summary>Lines or fragments of capture noise: none may appear in any topic's key, title or text.</summary>
    public static readonly string[] NoiseMarkers =
    [
        "| |", "Spaces:", "Sleeping", "Server: Apache", "Upload File", "File: //", "Current Path", "Current File",
        "Your IP", "PHP: 8", "grsec", "/proc/self", "\uFFFD",
    ];

    public static TheoryData<string> HtmlSeeds => [AsyncioSeed, FuturesSeed, ImpSeed];

    [Theory]
    [MemberData(nameof(HtmlSeeds))]
    [InlineData(BlameSeed)]
    [InlineData(TopicsSeed)]
    public void Build_Seed_NoTopicContainsCaptureNoise(string seed)
    {
        using var index = BuiltIndex.Build(SeedPath(seed));
        Report(seed, index);

        var topics = index.Topics();
        Assert.NotEmpty(topics);
        foreach (var topic in topics)
        {
            var shown = index.Shown(topic);
            foreach (var marker in NoiseMarkers)
            {
                Assert.False(shown.Contains(marker, StringComparison.Ordinal), $"{seed}: topic {topic.Key} shows capture noise '{marker}'");
            }
            Assert.False(BlamePrefix().IsMatch(shown), $"{seed}: topic {topic.Key} shows a blame view's prefix:\n{shown}");
        }
    }

    [Fact]
    public void Build_TableWrappedAsyncioSeed_ModuleOfPython315WithChromeReported()
    {
        using var index = BuiltIndex.Build(SeedPath(AsyncioSeed));

        var module = index.Find("asyncio", TopicKind.Module);
        Assert.NotNull(module);
        Assert.Equal("python-3.15", module.DocSet);
        Assert.Equal("library/asyncio.html", module.SourcePage);
        Assert.Contains("asyncio is a library to write **concurrent** code", index.Shown(module));
        Assert.False(index.Result.AnySkipped);
        var note = Assert.Single(index.Diagnostics, d => d.Message.Contains("unwrapped from '| ... | |' table rows"));
        Assert.Equal(DiagnosticLevel.Warning, note.Level);
        Assert.Contains("\"Spaces:\"", note.Message);
    }

    [Fact]
    public void Build_BannerFuturesSeed_ExecutorSubmitOfPython310AndBannerReported()
    {
        using var index = BuiltIndex.Build(SeedPath(FuturesSeed));

        var submit = index.Find("concurrent.futures.Executor.submit", TopicKind.Method);
        Assert.NotNull(submit);
        Assert.Equal(("python-3.10", "submit(fn, /, *args, **kwargs)"), (submit.DocSet, submit.Signature));
        Assert.NotNull(index.Find("concurrent.futures", TopicKind.Module));
        Assert.False(index.Result.AnySkipped);
        var note = Assert.Single(index.Diagnostics, d => d.Message.Contains("before the doctype"));
        Assert.Contains("8 lines", note.Message);
        Assert.Contains("\"HEX\"", note.Message);
    }

    [Fact]
    public void Build_PathHeaderImpSeed_ModuleKeepsItsDeprecationNote()
    {
        using var index = BuiltIndex.Build(SeedPath(ImpSeed));

        var module = index.Find("imp", TopicKind.Module);
        Assert.NotNull(module);
        Assert.Equal("python-3.10", module.DocSet);
        var text = index.Shown(module);
        // The 3.10 page predates the removal (3.12): its note is the deprecation, shown before the module's text.
        Assert.Contains("Deprecated since version 3.4", text);
        Assert.Contains(index.Topics(), t => t.Key == "imp.reload" && t.Kind == TopicKind.Function);
        Assert.Contains(index.Diagnostics, d => d.Message.Contains("1 line before the doctype"));
    }

    [Fact]
    public void Build_DamagedTopicsSeed_KeywordTopicsOfPython312AndOneClearWarning()
    {
        using var index = BuiltIndex.Build(SeedPath(TopicsSeed));

        var assert = index.Find("assert", TopicKind.Label);
        Assert.NotNull(assert);
        Assert.Equal("python-3.12", assert.DocSet);
        Assert.Contains("Assert statements are a convenient way", index.Shown(assert));
        Assert.NotNull(index.Find("for", TopicKind.Label));
        Assert.Null(index.Find("if", TopicKind.Label)); // Its text shares a damaged stretch: left out, not guessed.
        Assert.False(index.Result.AnySkipped);
        var warning = Assert.Single(index.Diagnostics);
        Assert.Equal(DiagnosticLevel.Warning, warning.Level);
        Assert.Contains("recovered 78 topics", warning.Message);
        Assert.Contains("not recovered: 1 keyed topics (if)", warning.Message);
    }

    [Fact]
    public void Build_BlameSeed_FuturesObjectsRecoveredAndTheCaptureReported()
    {
        using var index = BuiltIndex.Build(SeedPath(BlameSeed));
        Report(BlameSeed, index);

        var submit = index.Find("concurrent.futures.Executor.submit", TopicKind.Method);
        Assert.NotNull(submit);
        Assert.Equal("concurrent.futures.Executor", submit.Parent);
        Assert.NotNull(index.Find("concurrent.futures", TopicKind.Module));
        Assert.NotNull(index.Find("concurrent.futures.ThreadPoolExecutor", TopicKind.Class));
        Assert.False(index.Result.AnySkipped);
        Assert.All(index.Diagnostics, d => Assert.EndsWith(BlameSeed, d.Path, StringComparison.Ordinal));
        Assert.Contains(index.Diagnostics, d => d.Message.Contains("blame view: line numbers on", StringComparison.Ordinal));
    }

    [Fact]
    public void Detect_EverySeed_RecognizedByContent()
    {
        var seeds = Corpus.RequireSeeds();
        Assert.Equal(SourceFormat.SphinxHtmlPage, SourceDetector.Detect(Path.Combine(seeds, AsyncioSeed)));
        Assert.Equal(SourceFormat.SphinxHtmlPage, SourceDetector.Detect(Path.Combine(seeds, FuturesSeed)));
        Assert.Equal(SourceFormat.SphinxHtmlPage, SourceDetector.Detect(Path.Combine(seeds, ImpSeed)));
        Assert.Equal(SourceFormat.RestFile, SourceDetector.Detect(Path.Combine(seeds, BlameSeed)));
        Assert.Equal(SourceFormat.PydocTopics, SourceDetector.Detect(Path.Combine(seeds, TopicsSeed)));
    }

    /// <summary>A blame view's prefix: author, 7-digit commit and date run into the text, or a line number run into a directive.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"[0-9a-f]{7}\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{4}|\d\.\. [a-z-]+::|\[blame\]")]
    private static partial System.Text.RegularExpressions.Regex BlamePrefix();

    private static string SeedPath(string seed) => Path.Combine(Corpus.RequireSeeds(), seed);

    /// <summary>The per-seed figures the issue's note asks for: topics recovered, and what was reported.</summary>
    private void Report(string seed, BuiltIndex index)
    {
        output.WriteLine($"{seed}: {index.Result.TopicCount} topics ({string.Join(", ", index.Result.TopicsByKind.Select(kv => $"{kv.Key} {kv.Value}"))})");
        foreach (var d in index.Diagnostics)
        {
            output.WriteLine($"  {d}");
        }
    }
}
