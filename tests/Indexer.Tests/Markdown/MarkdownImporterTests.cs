using Help.Core.Model;
using Help.Indexer.Pipeline;
using Help.Indexer.Sources.Markdown;
using Xunit;

namespace Help.Indexer.Tests.Markdown;

public sealed class MarkdownImporterTests
{
    private static IReadOnlyList<Topic> ImportNotes(out Diagnostics diagnostics)
    {
        diagnostics = new Diagnostics();
        return MarkdownImporter.ImportFolder(Path.Combine(MarkdownFixtures.Folder(), "notes"), null, diagnostics);
    }

    private static Topic Kettle(IReadOnlyList<Topic> topics) => topics.Single(t => t.Key == "kettle");

    private static Section Top(Topic t) => Assert.IsType<Section>(Assert.Single(t.Body));

    [Fact]
    public void ImportFolder_FrontMatter_GivesKeyAliasesTitleKindDocSetAndRelated()
    {
        var kettle = Kettle(ImportNotes(out var diagnostics));

        Assert.Empty(diagnostics.Items);
        Assert.Equal(("Boiling water with the kettle", TopicKind.Topic, "kitchen"), (kettle.Title, kettle.Kind, kettle.DocSet));
        Assert.Equal(["teapot", "brew.kettle"], kettle.Aliases);
        Assert.Equal(["stove", "kettle#descaling"], kettle.Related);
        Assert.Equal("kettle.md", kettle.SourcePage);
    }

    [Fact]
    public void ImportFolder_NoFrontMatter_KeyFromFileNameTitleFromHeading()
    {
        var stove = ImportNotes(out _).Single(t => t.Key == "stove");

        Assert.Equal(("Stove", TopicKind.Page, MarkdownImporter.DefaultDocSet), (stove.Title, stove.Kind, stove.DocSet));
    }

    [Fact]
    public void ImportFolder_Headings_NestedSectionsEachATopicKeyedByAnchor()
    {
        var topics = ImportNotes(out _);
        var top = Top(Kettle(topics));

        Assert.Equal("The kettle", MarkdownBlockConverter.PlainText(top.Title));
        var descaling = topics.Single(t => t.Key == "kettle#descaling");
        Assert.Equal((TopicKind.Section, "kettle", "Descaling"), (descaling.Kind, descaling.Parent, descaling.Title));
        var section = Top(descaling);
        Assert.Contains(section.Body, b => b is Section { Anchor: "vinegar" });
        Assert.Contains(topics, t => t.Key == "kettle#vinegar");
        Assert.Contains(topics, t => t.Key == "kettle#descaling-1"); // A repeated heading gets its own anchor.
        Assert.Contains(top.Body, b => ReferenceEquals(b, section)); // One block, so the table stores it once.
    }

    [Fact]
    public void ImportFolder_BodyBlocks_BecomeTheModelsBlocks()
    {
        var body = Top(Kettle(ImportNotes(out _))).Body;

        var note = Assert.IsType<Admonition>(body.Single(b => b is Admonition));
        Assert.Equal("note", note.Kind);
        Assert.Equal("never run it empty.", MarkdownBlockConverter.PlainText(Assert.IsType<Paragraph>(Assert.Single(note.Body)).Content));
        Assert.Single(body, b => b is BlockQuote);
        Assert.Equal(2, Assert.IsType<EnumeratedList>(body.Single(b => b is EnumeratedList)).Items.Count);
        Assert.Equal(2, Assert.IsType<BulletList>(body.Single(b => b is BulletList)).Items.Count);
        var code = Assert.IsType<LiteralBlock>(body.Single(b => b is LiteralBlock));
        Assert.Equal(("kettle.boil(1.5)\n    print(\"done\")", "python"), (code.Text, code.Language));
        var table = Assert.IsType<Table>(body.Single(b => b is Table));
        Assert.Single(table.HeaderRows);
        Assert.Equal(2, table.BodyRows.Count);
    }

    [Fact]
    public void ImportFolder_Inlines_EmphasisStrongCodeAndLinks()
    {
        var first = Assert.IsType<Paragraph>(Top(Kettle(ImportNotes(out _))).Body[0]).Content;

        Assert.Contains(first, i => i is Emphasis e && MarkdownBlockConverter.PlainText(e.Content) == "above");
        Assert.Contains(first, i => i is Strong s && MarkdownBlockConverter.PlainText(s.Content) == "start");
        Assert.Contains(first, i => i is Code { Text: "kettle.boil(litres)" });
        var links = first.OfType<Link>().ToList();
        // Links to other topic files become references to their keys; the web stays external.
        Assert.Equal(
            [("stove", false), ("kettle#descaling", false), ("https://example.org/kettle", true)],
            links.Select(l => (l.Target, l.External)).ToList());
    }

    [Theory]
    [InlineData("---\nkey: a\ncolour: red\n---\n# A\n", "front matter, line 3: unknown field 'colour'")]
    [InlineData("---\nkey: a\njust words\n---\n# A\n", "front matter, line 3: expected 'name: value'")]
    [InlineData("---\nkey: a\nkind: gadget\n---\n# A\n", "front matter: unknown kind 'gadget', read as 'page'")]
    public void Import_BadFrontMatter_WarnsWithLineAndKeepsTheTopic(string text, string warning)
    {
        var diagnostics = new Diagnostics();

        var topics = MarkdownImporter.Import("a.md", "a.md", text, null, diagnostics);

        Assert.Equal("a", Assert.Single(topics).Key);
        var d = Assert.Single(diagnostics.Items);
        Assert.Equal(DiagnosticLevel.Warning, d.Level);
        Assert.StartsWith(warning, d.Message);
    }

    [Fact]
    public void Import_EmptyFile_SkippedOnceWithReason()
    {
        var diagnostics = new Diagnostics();

        Assert.Empty(MarkdownImporter.Import("empty.md", "empty.md", "  \n", null, diagnostics));

        Assert.Equal("skipped: empty.md: empty file", Assert.Single(diagnostics.Items).ToString());
    }
}
