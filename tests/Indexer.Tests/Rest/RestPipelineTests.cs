using System.Runtime.CompilerServices;
using System.Text;
using Help.Core.Model;
using Help.Indexer.Pipeline;
using Help.Indexer.Tests.Seeds;
using Help.Tests.Shared;
using Xunit;

namespace Help.Indexer.Tests.Rest;

/// <summary>reST sources through the whole build (<c>--source</c>): recognized, imported, merged with the HTML, reported.</summary>
public sealed class RestPipelineTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pyhelp-h5c-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string SpamFixture([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "Fixtures", "Rest", "spam.rst"));

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_dir, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Build_RestTree_ObjectsIndexedUnderTheirKeys()
    {
        Write("docs/library/spam.rst", File.ReadAllText(SpamFixture()));
        var tree = Path.Combine(_dir, "docs");
        Assert.Equal(SourceFormat.RestTree, SourceDetector.Detect(tree));

        using var index = BuiltIndex.Build(tree);

        var open = index.Find("spam.Tin.open", TopicKind.Method);
        Assert.NotNull(open);
        Assert.Equal("library/spam.html", open.SourcePage);
        Assert.Contains("Opens the tin.", index.Shown(open));
        Assert.NotNull(index.Find("spam", TopicKind.Module));
        Assert.False(index.Result.AnySkipped);
    }

    [Theory]
    [InlineData("kettle.rst")]
    [InlineData("kettle.rst.txt")]
    public void Build_SingleRestFile_IndexedByItsExtension(string name)
    {
        var path = Write(name, "Kettles\n=======\n\n.. function:: boil(water)\n\n   Heats *water* until it bubbles.\n");
        Assert.Equal(SourceFormat.RestFile, SourceDetector.Detect(path));

        using var index = BuiltIndex.Build(path);

        var boil = index.Find("boil", TopicKind.Function);
        Assert.NotNull(boil);
        Assert.Contains("Heats *water* until it bubbles.", index.Shown(boil));
    }

    [Fact]
    public void Build_HtmlTreeWithItsSources_OneTopicPerKeyTheHtmlWinsAndTheRestFills()
    {
        var docs = Corpus.RequirePythonDocs();
        var html = Path.Combine(_dir, "html");
        Directory.CreateDirectory(Path.Combine(html, "library"));
        File.Copy(Path.Combine(docs, "objects.inv"), Path.Combine(html, "objects.inv"));
        File.Copy(Path.Combine(docs, "library", "json.html"), Path.Combine(html, "library", "json.html"));
        // Our own source for the page: it says something else of json.dumps, and documents one more function.
        Write("html/_sources/library/json.rst.txt",
            ":mod:`json` --- Pots of JSON\n============================\n\n.. module:: json\n\n"
            + ".. function:: dumps(obj)\n\n   Words that only the reST source holds.\n\n"
            + ".. function:: brew(leaves)\n\n   Steeps *leaves*; only the reST documents it.\n");

        using var both = BuiltIndex.Build(html, Path.Combine(html, "_sources"));

        var dumps = both.Find("json.dumps", TopicKind.Function);
        Assert.NotNull(dumps);
        Assert.DoesNotContain("only the reST source holds", both.Shown(dumps));
        Assert.Single(both.Topics(), t => t.Key == "json.dumps" && t.Kind == TopicKind.Function);
        var brew = both.Find("json.brew", TopicKind.Function);
        Assert.NotNull(brew);
        Assert.Equal(dumps.DocSet, brew.DocSet);
        Assert.Equal(both.Topics().Count, both.Topics().Select(t => (t.DocSet, t.Key, t.Kind)).Distinct().Count());

        // The HTML tree alone leaves its _sources out: the HTML covers them.
        using var htmlOnly = BuiltIndex.Build(html);
        Assert.NotNull(htmlOnly.Find("json.dumps", TopicKind.Function));
        Assert.Null(htmlOnly.Find("json.brew", TopicKind.Function));
    }

    [Fact]
    public void Build_DirectiveThatNeverEnds_BuildCompletesAndItIsReportedOnce()
    {
        Write("docs/good.rst", "Kettles\n=======\n\n.. function:: boil(water)\n\n   Heats *water*.\n");
        var endless = new StringBuilder("Endless\n=======\n\n.. note::\n\n");
        for (var i = 0; i < 50_000; i++)
        {
            endless.Append("   and the note goes on, line ").Append(i).Append('\n');
        }
        var endlessPath = Write("docs/endless.rst", endless.ToString());

        using var index = BuiltIndex.Build(Path.Combine(_dir, "docs"));

        Assert.NotNull(index.Find("boil", TopicKind.Function));
        var report = Assert.Single(index.Diagnostics);
        Assert.Equal(endlessPath, report.Path);
        Assert.Contains("never ends", report.Message);
        Assert.Contains("line 4", report.Message);
    }

    [Fact]
    public void Build_BinaryRestFileInATree_SkippedOnceAndTheRestIndexed()
    {
        Write("docs/good.rst", "Kettles\n=======\n\n.. function:: boil(water)\n\n   Heats *water*.\n");
        var bad = Path.Combine(_dir, "docs", "bad.rst");
        File.WriteAllBytes(bad, [0x54, 0x00, 0x01, 0x02, 0x00]);

        using var index = BuiltIndex.Build(Path.Combine(_dir, "docs"));

        Assert.NotNull(index.Find("boil", TopicKind.Function));
        var report = Assert.Single(index.Diagnostics);
        Assert.Equal((DiagnosticLevel.Skipped, bad), (report.Level, report.Path));
        Assert.True(index.Result.AnySkipped);
    }
}
