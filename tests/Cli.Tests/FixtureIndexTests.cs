using System.Text.Json;
using Help.Tests.Shared;
using Xunit;

namespace Help.Cli.Tests;

/// <summary>An index built once from the handwritten fixture docs in Fixtures/.</summary>
public sealed class FixtureIndex : IDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("pyhelp-cli-").FullName;
    public string Docs { get; } = Path.Combine(Corpus.RepoRoot, "tests", "Cli.Tests", "Fixtures", "docs");
    public string Content { get; } = Path.Combine(Corpus.RepoRoot, "tests", "Cli.Tests", "Fixtures", "content");
    public CliRunner.Run FirstRun { get; }

    public FixtureIndex() => FirstRun = CliRunner.Invoke(Args("spam"));

    /// <summary>The arguments that point the CLI at this index and these sources, then <paramref name="rest"/>.</summary>
    public string[] Args(params string[] rest) => ["--index", Dir, "--source", Docs, "--source", Content, .. rest];

    public void Dispose() => Directory.Delete(Dir, recursive: true);
}

public sealed class FixtureIndexTests(FixtureIndex index) : IClassFixture<FixtureIndex>
{
    private CliRunner.Run Run(params string[] args) => CliRunner.Invoke(index.Args(args));

    [Fact]
    public void Lookup_IndexUpToDate_DoesNotRebuild()
    {
        var run = Run("spam");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Err);
    }

    [Fact]
    public void Lookup_ExactMethodKey_PrintsSignatureThenDescription()
    {
        var run = Run("spam.Tin.open");
        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.Split('\n');
        var sig = Array.FindIndex(lines, l => l.StartsWith("open(tool=None)", StringComparison.Ordinal));
        Assert.True(sig >= 0, run.Out);
        Assert.Contains(lines.Skip(sig + 1), l => l.Trim().StartsWith("Open the tin with *tool* and return", StringComparison.Ordinal));
        Assert.DoesNotContain("¶", run.Out);
    }

    [Theory]
    [InlineData("Tin.open")]
    [InlineData("SPAM.TIN.OPEN")]
    public void Lookup_SuffixOrOtherCase_FindsTheMethod(string key)
    {
        var run = Run(key);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("open(tool=None)", run.Out);
    }

    [Fact]
    public void Lookup_Module_ShowsClassesAndMethodsWithoutPageChrome()
    {
        var run = Run("spam");
        Assert.Contains("class spam.Tin(size)", run.Out);
        Assert.Contains("open(tool=None)", run.Out);
        Assert.DoesNotContain("Navigation chrome", run.Out);
        Assert.DoesNotContain("Footer chrome", run.Out);
        Assert.DoesNotContain("doctools", run.Out);
    }

    [Fact]
    public void Lookup_PydocKeyword_PrintsSectionThenRelatedTopics()
    {
        var run = Run("eject");
        Assert.Equal(0, run.ExitCode);
        var lines = run.Out.TrimEnd().Split('\n');
        Assert.Equal("The \"eject\" statement", lines[0]);
        Assert.Equal(new string('*', lines[0].Length), lines[1]);
        Assert.Equal("Related help topics: STATEMENTS, leave", lines[^1]);
    }

    [Fact]
    public void Lookup_UnknownKey_PydocMessageCloseKeysExit1()
    {
        var run = Run("spam.Tin.opne");
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("No Python documentation found for 'spam.Tin.opne'.", run.Out);
        Assert.Contains("Did you mean: spam.Tin.open", run.Out);
    }

    [Fact]
    public void Lookup_KeyAfterDoubleDash_IsAKeyNotAnOption()
    {
        var run = Run("--", "-=");
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("No Python documentation found for '-='.", run.Out);
    }

    [Fact]
    public void Lookup_Json_HasTheDocumentedFields()
    {
        var run = Run("--json", "spam.open_all");
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        var root = doc.RootElement;
        Assert.Equal("spam.open_all", root.GetProperty("key").GetString());
        Assert.Equal("function", root.GetProperty("kind").GetString());
        Assert.Equal("spam.open_all(tins)", root.GetProperty("signature").GetString());
        Assert.Equal("library/spam.html#spam.open_all", root.GetProperty("source").GetString());
        Assert.StartsWith("Open every tin", root.GetProperty("summary").GetString());
        Assert.Contains("worker pool", root.GetProperty("text").GetString());
        var html = root.GetProperty("html").GetString()!;
        Assert.StartsWith("<dl class=\"py function\"><dt class=\"sig\" id=\"spam.open_all\"><code>spam.open_all(tins)</code></dt>", html);
        Assert.Contains("<em>tins</em>", html);
        Assert.DoesNotContain("¶", html);
        Assert.False(string.IsNullOrEmpty(root.GetProperty("docset").GetString()));
        Assert.False(string.IsNullOrEmpty(root.GetProperty("title").GetString()));
    }

    [Fact]
    public void Search_WordsFromADescription_RanksThatFunctionFirst()
    {
        var run = Run("-k", "worker pool");
        Assert.Equal(0, run.ExitCode);
        Assert.StartsWith("spam.open_all - Open every tin", run.Out);
    }

    [Fact]
    public void Keywords_ListsPydocKeywordsInColumns()
    {
        var run = Run("keywords");
        Assert.Equal(0, run.ExitCode);
        // pydoc pads every column but the last to 20 characters, even on a row that ends early.
        Assert.Equal("\nHere is a list of the Python keywords.  Enter any keyword to get more help.\n\neject" + new string(' ', 15) + "\n", run.Out);
    }

    [Fact]
    public void Modules_ListsTheDocumentedModule()
    {
        var run = Run("modules");
        Assert.Contains("spam", run.Out.Split('\n').Select(l => l.TrimEnd()));
    }

    [Theory]
    [InlineData("--width", "5")]
    [InlineData("--bogus")]
    [InlineData("a", "b")]
    public void BadArguments_Exit2WithMessageOnStderr(params string[] args)
    {
        var run = CliRunner.Invoke(args);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("pyhelp: ", run.Err);
    }
}
