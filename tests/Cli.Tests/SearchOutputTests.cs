using Xunit;

namespace Help.Cli.Tests;

/// <summary>What <c>pyhelp -k</c> and a failed lookup show, piped and on a terminal.</summary>
public sealed class SearchOutputTests(FixtureIndex index) : IClassFixture<FixtureIndex>
{
    private const string Bold = "\u001b[1m";

    [Fact]
    public void Search_OnTerminal_ShowsKindAndSnippetWithMatchedWordsInBold()
    {
        var run = CliRunner.Invoke(t => t with { OutIsTty = true, InIsTty = false, Env = _ => null }, index.Args("--no-pager", "-k", "worker pool"));
        Assert.Equal(0, run.ExitCode);
        var first = run.Out.Split('\n')[0];
        Assert.Contains("spam.open_all", first);
        Assert.Contains("(function, ", first);
        Assert.StartsWith($"{Bold}spam.open_all\u001b[0m", first);
        // Matched words next to each other are marked as one run.
        Assert.Contains($"with a {Bold}worker pool\u001b[0m.", run.Out);
    }

    [Fact]
    public void Search_OnTerminalWithNoColor_HasNoEscapes()
    {
        var run = CliRunner.Invoke(t => t with { OutIsTty = true, Env = name => name == "NO_COLOR" ? "1" : null }, index.Args("--no-pager", "-k", "worker pool"));
        Assert.Contains("spam.open_all (function, ", run.Out);
        Assert.DoesNotContain("\u001b", run.Out);
    }

    [Fact]
    public void Search_Piped_PrintsKeyDashSummaryLinesAsPydoc()
    {
        var run = CliRunner.Invoke(index.Args("-k", "worker pool"));
        Assert.Equal("spam.open_all - Open every tin in tins concurrently with a worker pool.", run.Out.Split('\n')[0]);
        Assert.DoesNotContain("\u001b", run.Out);
    }

    [Fact]
    public void Search_DocSetFilter_KeepsOnlyThatDocSet()
    {
        var other = CliRunner.Invoke(index.Args("--docset", "no-such-docset", "-k", "tin"));
        Assert.Equal(1, other.ExitCode);
        Assert.Equal("", other.Out);
        var json = CliRunner.Invoke(index.Args("--json", "-k", "tin"));
        var docSet = System.Text.Json.JsonDocument.Parse(json.Out).RootElement.GetProperty("results")[0].GetProperty("docset").GetString()!;
        var same = CliRunner.Invoke(index.Args("--docset", docSet, "-k", "tin"));
        Assert.Equal(0, same.ExitCode);
        Assert.Contains("spam.Tin", same.Out);
    }

    [Fact]
    public void Search_Typo_PutsTheCloseSpellingFirst()
    {
        var run = CliRunner.Invoke(index.Args("-k", "spam.open_al"));
        Assert.StartsWith("spam.open_all - ", run.Out);
    }

    [Fact]
    public void Lookup_UnknownWordInTheText_ListsTopicsThatMentionIt()
    {
        var run = CliRunner.Invoke(index.Args("concurrently"));
        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("No Python documentation found for 'concurrently'.\n", run.Out);
        Assert.Contains("Topics that mention it:\n  spam.open_all - ", run.Out);
    }

    [Fact]
    public void Lookup_Typo_SaysDidYouMean()
    {
        var run = CliRunner.Invoke(index.Args("spam.Tin.opne"));
        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Did you mean: spam.Tin.open?", run.Out);
    }
}
