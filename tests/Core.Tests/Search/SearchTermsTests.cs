using Help.Core.Search;
using Xunit;

namespace Help.Core.Tests.Search;

public sealed class SearchTermsTests
{
    [Theory]
    [InlineData("ThreadPoolExecutor", "thread pool executor")]
    [InlineData("HTTPServer", "http server")]
    [InlineData("XMLHttpRequest", "xml http request")]
    [InlineData("sha256", "sha 256")]
    [InlineData("getLogger", "get logger")]
    [InlineData("gather", "")]
    [InlineData("UPPER", "")]
    public void IdentifierParts_Word_SplitAtCaseAndDigits(string word, string expected)
    {
        Assert.Equal(expected, string.Join(' ', SearchText.IdentifierParts(word)));
    }

    [Fact]
    public void Parse_OperatorsAndQuotes_BecomePlainWords()
    {
        var q = SearchTerms.Parse("\"gather\" AND NEAR(x ^y -z c:d ");

        Assert.Equal(["gather", "and", "near", "x", "y", "z", "c", "d"], q.Terms.SelectMany(t => t.Words));
    }

    [Fact]
    public void Parse_LastWordBeingTyped_IsPrefix()
    {
        Assert.True(SearchTerms.Parse("asyncio gath").Terms[^1].Prefix);
        Assert.False(SearchTerms.Parse("asyncio gath ").Terms[^1].Prefix);
        Assert.False(SearchTerms.Parse("asyncio ga").Terms[^1].Prefix);
        Assert.True(SearchTerms.Parse("ga* asyncio ").Terms[0].Prefix);
    }

    [Fact]
    public void Parse_StopWords_NotRequiredUnlessAlone()
    {
        Assert.Equal(["start", "interpreter"], SearchTerms.Parse("how to start the interpreter").Required.Select(t => t.Text));
        Assert.Equal(["how", "to"], SearchTerms.Parse("how to").Required.Select(t => t.Text));
    }

    [Theory]
    [InlineData("asyncio.gather", "asyncio.gather")]
    [InlineData("what's", "what's")]
    [InlineData("non-blocking", "non-blocking")]
    [InlineData("os.path.join()", "os.path.join")]
    public void Parse_JoinedWords_OneTerm(string text, string expected)
    {
        Assert.Equal(expected, Assert.Single(SearchTerms.Parse(text + " ").Terms).Text);
    }

    [Fact]
    public void Parse_PastedPage_KeepsFirstTerms()
    {
        var text = string.Join(' ', Enumerable.Range(0, 5000).Select(i => "w" + i));

        Assert.Equal(SearchTerms.MaxTerms, SearchTerms.Parse(text).Terms.Count);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("\"*^()")]
    [InlineData("😀")]
    public void Parse_NoWords_IsEmpty(string text)
    {
        Assert.True(SearchTerms.Parse(text).IsEmpty);
    }

    [Theory]
    [InlineData("  asyncio.gather() ", "asynciogather")]
    [InlineData("thread pool executor", "threadpoolexecutor")]
    [InlineData("as_completed", "ascompleted")]
    public void Parse_Text_ExactNameIsLettersAndDigits(string text, string expected)
    {
        Assert.Equal(expected, SearchTerms.Parse(text).ExactName);
    }

    [Fact]
    public void SnippetsParse_Marks_BecomeOffsetsOnOneLine()
    {
        var (text, highlights) = Snippets.Parse("a\n\n \u0002bb\u0003  c \u0002d e\u0003\n", []);

        Assert.Equal("a bb c d e", text);
        Assert.Equal([(2, 2), (7, 3)], highlights);
    }

    [Fact]
    public void SnippetsParse_IdentifierPart_Highlighted()
    {
        var (text, highlights) = Snippets.Parse("Use ThreadPoolExecutor here", [("pool", false)]);

        Assert.Equal([(10, 4)], highlights);
        Assert.Equal("Pool", text.Substring(10, 4));
    }
}
