using Help.Core.Search;
using Lucene.Net.Analysis.TokenAttributes;
using Xunit;

namespace Help.Core.Tests.Search;

/// <summary>How text becomes terms: identifiers split and kept whole, positions for phrases, offsets for highlights.</summary>
public sealed class SearchAnalysisTests
{
    /// <summary>Each token as <c>term@position[start,end)</c>.</summary>
    private static string Tokens(string field, string text)
    {
        using var stream = SearchAnalysis.PerField.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var offset = stream.AddAttribute<IOffsetAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        var position = -1;
        var tokens = new List<string>();
        while (stream.IncrementToken())
        {
            position += increment.PositionIncrement;
            tokens.Add($"{term}@{position}[{offset.StartOffset},{offset.EndOffset})");
        }
        stream.End();
        return string.Join(' ', tokens);
    }

    [Theory]
    [InlineData("ThreadPoolExecutor", "threadpoolexecutor@0[0,18) thread@0[0,6) pool@1[6,10) executor@2[10,18)")]
    [InlineData("as_completed", "as_complet@0[0,12) as@0[0,2) complet@1[3,12)")]
    [InlineData("HTTPServer", "httpserver@0[0,10) http@0[0,4) server@1[4,10)")]
    [InlineData("asyncio.gather", "asyncio.gath@0[0,14) asyncio@0[0,7) gather@1[8,14)")]
    [InlineData("end.", "end@0[0,3)")]
    [InlineData("...", "")]
    [InlineData("__init__", "__init__@0[0,8) init@0[2,6)")]
    [InlineData("_ __", "_@0[0,1) __@1[2,4)")]
    [InlineData("café for with", "cafe@0[0,4) for@1[5,8) with@2[9,13)")]
    public void Body_Identifiers_WholeThenParts(string text, string expected) => Assert.Equal(expected, Tokens(SearchFields.Body, text));

    [Fact]
    public void Body_DottedName_ComponentsAndPartsInOrder()
    {
        Assert.Equal("concurrent.futures.threadpoolexecutor@0[0,37) concurr@0[0,10) futur@1[11,18) threadpoolexecutor@2[19,37) "
            + "thread@2[19,25) pool@3[25,29) executor@4[29,37)", Tokens(SearchFields.Body, "concurrent.futures.ThreadPoolExecutor"));
    }

    [Fact]
    public void Names_KeepEachWordBesideItsStem()
    {
        Assert.Equal("running@0[0,7) run@0[0,7) gather@1[8,14)", Tokens(SearchFields.Names, "running gather"));
    }
}
