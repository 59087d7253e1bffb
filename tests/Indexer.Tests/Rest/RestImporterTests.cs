using System.Diagnostics;
using System.Runtime.CompilerServices;
using Help.Core.Model;
using Help.Core.Rendering.Text;
using Help.Indexer.Pipeline;
using Help.Indexer.Sources.Rest;
using Xunit;

namespace Help.Indexer.Tests.Rest;

/// <summary>The handwritten fixture <c>Fixtures/Rest/spam.rst</c> and small inline inputs, one construct each.</summary>
public sealed class RestImporterTests
{
    private static readonly DocSet Spam = new("spamdocs-1.4", "Spamdocs", "1.4");
    private static readonly RestImporter Importer = new();

    private static string FixturePath([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "Fixtures", "Rest", "spam.rst"));

    private static IReadOnlyList<Topic> ImportSpam(Diagnostics? diagnostics = null) =>
        Importer.ImportFile("library/spam.rst", File.ReadAllText(FixturePath()), Spam, null, diagnostics ?? new Diagnostics());

    private static Topic Get(IReadOnlyList<Topic> topics, string key) => Assert.Single(topics, t => t.Key == key);

    /// <summary>The topic's text at width 70, white space collapsed so that assertions do not depend on wrapping.</summary>
    private static string Text(Topic topic) =>
        System.Text.RegularExpressions.Regex.Replace(new TextRenderer().Render(topic, new TextRenderOptions { Width = 70 }), @"\s+", " ");

    private static IReadOnlyList<Block> Blocks(string body)
    {
        var topics = Importer.ImportFile("t.rst", "Top\n===\n\n" + body, Spam, null, new Diagnostics());
        return Assert.IsType<Section>(Assert.Single(topics[0].Body)).Body;
    }

    [Fact]
    public void PagePath_SourcesTree_MapsToHtmlPage()
    {
        Assert.Equal("library/json.html", RestImporter.PagePath("_sources/library/json.rst.txt"));
        Assert.Equal("library/json.html", RestImporter.PagePath("library/json.rst"));
    }

    [Fact]
    public void ImportFile_ModulePage_ModuleTopicTitledFromTheTopSection()
    {
        var module = Get(ImportSpam(), "spam");
        Assert.Equal(TopicKind.Module, module.Kind);
        Assert.Equal("spam \u2014 A tin of spam", module.Title);
        Assert.Equal("module-spam", module.Anchor);
        Assert.Equal("library/spam.html", module.SourcePage);
        Assert.Contains("library/spam", module.Aliases);
    }

    [Fact]
    public void ImportFile_NestedObjects_KeysParentsAndSignaturesAsSphinxShowsThem()
    {
        var topics = ImportSpam();
        var tin = Get(topics, "spam.Tin");
        Assert.Equal(TopicKind.Class, tin.Kind);
        Assert.Equal("class spam.Tin(size, *, label=None)", tin.Signature);
        Assert.Equal("spam", tin.Parent);

        var open = Get(topics, "spam.Tin.open");
        Assert.Equal(TopicKind.Method, open.Kind);
        Assert.Equal("open()", open.Signature);
        Assert.Equal("spam.Tin", open.Parent);

        Assert.Equal("coroutine fry(heat=5)", Get(topics, "spam.Tin.fry").Signature);
        Assert.Equal(TopicKind.Attribute, Get(topics, "spam.Tin.size").Kind);
        Assert.Equal(TopicKind.Exception, Get(topics, "spam.Dented").Kind);
        Assert.Equal(TopicKind.Data, Get(topics, "spam.LIMIT").Kind);
    }

    [Fact]
    public void ImportFile_SeveralSignatures_OneTopicWithBoth()
    {
        var slice = Get(ImportSpam(), "spam.slice");
        var description = Assert.IsType<Description>(Assert.Single(slice.Body));
        Assert.Equal(["spam.slice(tin, n)", "spam.slice(tin, n, thick)"], description.Signatures.Select(s => s.Text));
    }

    [Fact]
    public void ImportFile_LabelBeforeSection_LabelTopicAnsweringToTheSectionKey()
    {
        var topics = ImportSpam();
        var cooking = Get(topics, "spam-cooking");
        Assert.Equal(TopicKind.Label, cooking.Kind);
        Assert.Equal(["library/spam#cooking-spam"], cooking.Aliases);
        Assert.Equal("cooking-spam", Assert.IsType<Section>(Assert.Single(cooking.Body)).Anchor);
    }

    [Fact]
    public void ImportFile_Roles_ReadAsSphinxWritesThem()
    {
        var text = Text(Get(ImportSpam(), "spam-cooking"));
        Assert.True(text.Contains("PEP 492", StringComparison.Ordinal), text);
        Assert.True(text.Contains("Call \"slice()\" first, then \"Tin.fry()\"; see Serving spam and **PEP 492**.", StringComparison.Ordinal), text);
        Assert.Contains("Short names: \"Tin\", no link: \"fry()\".", text);
        Assert.Contains("Use \"tin.open()\" or *gently* **now**.", text);
    }

    [Fact]
    public void ImportFile_Prose_QuotesAndDashesEducated()
    {
        var text = Text(Get(ImportSpam(), "spam"));
        Assert.Contains("a \u201Cbreakfast\u201D that doesn\u2019t end \u2014 ever.", text);
    }

    [Fact]
    public void ImportFile_LiteralBlockAfterDoubleColon_ParagraphKeepsOneColon()
    {
        var body = Assert.IsType<Description>(Assert.Single(Get(ImportSpam(), "spam.Tin.open").Body)).Body;
        Assert.Equal("Opens the tin.  Example:", Assert.IsType<TextRun>(Assert.Single(Assert.IsType<Paragraph>(body[0]).Content)).Text);
        Assert.Equal("t = Tin(3)\nt.open()", Assert.IsType<LiteralBlock>(body[1]).Text);
    }

    [Fact]
    public void ImportFile_FunctionBody_ListsFieldsNotesAndVersionNotes()
    {
        var body = Assert.IsType<Description>(Assert.Single(Get(ImportSpam(), "spam.slice").Body)).Body;
        Assert.Collection(body,
            b => Assert.IsType<Paragraph>(b),
            b => Assert.Equal(2, Assert.IsType<BulletList>(b).Items.Count),
            b => Assert.Equal(2, Assert.IsType<EnumeratedList>(b).Items.Count),
            b => Assert.IsType<DefinitionList>(b),
            b => Assert.IsType<FieldList>(b),
            b => Assert.Equal("note", Assert.IsType<Admonition>(b).Kind),
            b =>
            {
                var note = Assert.IsType<VersionNote>(b);
                Assert.Equal((VersionChange.Deprecated, "1.3", "2.0"), (note.Change, note.Version, note.RemovedIn));
            });
    }

    [Fact]
    public void ImportFile_Tables_GridAndSimpleWithHeaders()
    {
        var section = Assert.IsType<Section>(Assert.Single(Get(ImportSpam(), "spam-serving").Body));
        var tables = section.Body.OfType<Table>().ToList();
        Assert.Equal(2, tables.Count);
        Assert.Single(tables[0].HeaderRows);
        Assert.Single(tables[0].BodyRows);
        Assert.Single(tables[1].HeaderRows);
        Assert.Equal(2, tables[1].BodyRows.Count);
        Assert.Contains(section.Body, b => b is LiteralBlock { IsDoctest: true });
    }

    [Fact]
    public void ImportFile_UnknownDirective_ContentKeptAndOneWarningPerName()
    {
        var diagnostics = new Diagnostics();
        var text = Text(Get(ImportSpam(diagnostics), "spam-serving"));
        Assert.Contains("Kept as text.", text);
        Assert.Contains("Also kept.", text);
        Assert.Single(diagnostics.Items, d => d.Message.Contains("frobnicate", StringComparison.Ordinal));
    }

    [Fact]
    public void ImportFile_InlineMarkupRules_StartStringNeedsSpaceOrPunctuationBefore()
    {
        var paragraph = Assert.IsType<Paragraph>(Assert.Single(Blocks("2*x*y and a * b and *real*\n")));
        Assert.Equal("2*x*y and a * b and ", Assert.IsType<TextRun>(paragraph.Content[0]).Text);
        Assert.IsType<Emphasis>(paragraph.Content[1]);
    }

    [Fact]
    public void ImportFile_ExplicitTitleAndHyperlink_TitleShown()
    {
        var paragraph = Assert.IsType<Paragraph>(Assert.Single(Blocks("See :ref:`the intro <spam-intro>` and `Spam <https://example.org/>`_.\n")));
        var links = paragraph.Content.OfType<Link>().ToList();
        Assert.Equal("https://example.org/", links[^1].Target);
        Assert.Equal("See the intro and Spam.", Help.Indexer.Sources.Sphinx.SphinxInlines.PlainText(paragraph.Content));
    }

    [Fact]
    public void ImportFile_DirectiveThatNeverEnds_ReadInLinearTime()
    {
        var lines = new System.Text.StringBuilder("Top\n===\n\n.. note::\n\n");
        for (var i = 0; i < 200_000; i++)
        {
            lines.Append("   never ending *line ").Append(i).Append('\n');
        }
        var clock = Stopwatch.StartNew();
        var topics = Importer.ImportFile("t.rst", lines.ToString(), Spam, null, new Diagnostics());
        Assert.NotEmpty(topics);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), $"took {clock.Elapsed}");
    }

    [Fact]
    public void ImportFile_NestingDeeperThanAnyoneWrites_NoStackOverflowAndAWarning()
    {
        var sb = new System.Text.StringBuilder("Top\n===\n\n");
        for (var i = 0; i < 1_000; i++)
        {
            sb.Append(' ', i * 3).Append(".. note::\n\n");
        }
        var diagnostics = new Diagnostics();
        var topics = Importer.ImportFile("t.rst", sb.ToString(), Spam, null, diagnostics);
        Assert.NotEmpty(topics);
        Assert.Contains(diagnostics.Items, d => d.Message.Contains("nested more than", StringComparison.Ordinal));
    }

    [Fact]
    public void ImportFile_ClassWithTwoSignatures_MethodsNestInTheLastAsSphinxDoes()
    {
        var topics = Importer.ImportFile("t.rst", "Top\n===\n\n.. class:: pot(size)\n           pan(size)\n\n   Holds food.\n\n   .. method:: stir()\n\n      Moves the food.\n",
            Spam, null, new Diagnostics());
        Assert.Equal(TopicKind.Method, Get(topics, "pan.stir").Kind);
        Assert.DoesNotContain(topics, t => t.Key == "pot.stir");
    }

    [Fact]
    public void ImportFile_EmptyText_SkippedWithReason()
    {
        var diagnostics = new Diagnostics();
        Assert.Empty(Importer.ImportFile("empty.rst", "  \n", Spam, null, diagnostics));
        Assert.Equal(DiagnosticLevel.Skipped, Assert.Single(diagnostics.Items).Level);
    }
}
