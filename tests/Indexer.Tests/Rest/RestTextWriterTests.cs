using Help.Core.Model;
using Help.Core.Rendering.Text;
using Help.Indexer.Pipeline;
using Help.Indexer.Sources.Rest;
using Xunit;

namespace Help.Indexer.Tests.Rest;

/// <summary>
/// What Sphinx's text writer (and so pydoc) shows differently from a plain reading of the reST, which
/// the HTML importer reproduces: the reST importer must give the same model for the same source.
/// </summary>
public sealed class RestTextWriterTests
{
    private static readonly DocSet Kitchen = new("kitchen-2.0", "Kitchen", "2.0");
    private static readonly RestImporter Importer = new();

    private static Topic Page(string body) =>
        Importer.ImportFile("kitchen.rst", "Kitchen\n=======\n\n" + body, Kitchen, null, new Diagnostics())[0];

    private static IReadOnlyList<Block> Blocks(string body) => Assert.IsType<Section>(Assert.Single(Page(body).Body)).Body;

    private static string Text(string body) => new TextRenderer().Render(Page(body), new TextRenderOptions { Width = 70 });

    [Fact]
    public void ImportFile_GridTable_ColumnWidthsAsDrawn()
    {
        var table = Assert.IsType<Table>(Assert.Single(Blocks(
            "+------------+-----+\n| Kettle     | Tea |\n+============+=====+\n| boils      | hot |\n+------------+-----+\n")));
        Assert.Equal([12, 5], table.ColumnWidths);
        Assert.Contains("| boils        | hot   |", Text(
            "+------------+-----+\n| Kettle     | Tea |\n+============+=====+\n| boils      | hot |\n+------------+-----+\n"));
    }

    [Fact]
    public void ImportFile_SimpleTable_LastColumnWidenedToItsLongestText()
    {
        var table = Assert.IsType<Table>(Assert.Single(Blocks(
            "=====  ==========\nPan    Use\n=====  ==========\nwok    stir-frying greens\nskillet  eggs\n=====  ==========\n")));
        // "wok    stir-frying greens" ends at column 25; the last column starts at 7.
        Assert.Equal([5, 18], table.ColumnWidths);
    }

    [Fact]
    public void ImportFile_IndentedDoctest_NotInABlockQuoteAndNotIndented()
    {
        var blocks = Blocks("Add two numbers:\n\n   >>> 2 + 2\n   4\n");
        var doctest = Assert.IsType<LiteralBlock>(blocks[1]);
        Assert.True(doctest.IsDoctest);
        Assert.DoesNotContain(blocks, b => b is BlockQuote);
        Assert.Contains("\n>>> 2 + 2\n4\n", Text("Add two numbers:\n\n   >>> 2 + 2\n   4\n").Replace("\n   ", "\n"));
    }

    [Fact]
    public void ImportFile_DoctestBesideProse_BlockQuoteKept()
    {
        var blocks = Blocks("Add two numbers:\n\n   Like this.\n\n   >>> 2 + 2\n   4\n");
        Assert.IsType<BlockQuote>(blocks[1]);
    }

    [Fact]
    public void ImportFile_TermRole_ReadsAsEmphasis()
    {
        Assert.Contains("Pour into a *teapot* slowly.", Text("Pour into a :term:`teapot` slowly.\n"));
    }

    [Fact]
    public void ImportFile_AbbrRole_ExplanationSpelledOut()
    {
        Assert.Contains("Add one TBSP (table spoon) of sugar.", Text("Add one :abbr:`TBSP (table\nspoon)` of sugar.\n"));
    }

    [Fact]
    public void ImportFile_GrammarContinuation_KeepsItsExtraIndentation()
    {
        var grammar = Assert.IsType<Grammar>(Assert.Single(Blocks(
            ".. productionlist:: recipe\n   dish: base topping\n       :   | base \"with\" sauce\n       : | plain\n")));
        Assert.Equal([new Production("dish", "base topping"), new Production(null, "  | base \"with\" sauce"), new Production(null, "| plain")],
            grammar.Productions);
    }
}
