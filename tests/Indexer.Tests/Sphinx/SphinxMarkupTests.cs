using Help.Tests.Shared;
using Help.Core.Model;
using Help.Indexer.Pipeline;
using Xunit;
using static Help.Indexer.Tests.Sphinx.SphinxFixtures;

namespace Help.Indexer.Tests.Sphinx;

/// <summary>One Sphinx/docutils markup form at a time, in a tiny page, to the model.</summary>
public sealed class SphinxMarkupTests
{
    private static string Dump(string bodyHtml) => ModelDump.Blocks(Blocks(bodyHtml)).TrimEnd();

    [Fact]
    public void ImportPage_Paragraph_JoinsSourceLinesKeepsSpacesWithinALineAndInlineMarkup()
    {
        var p = Assert.IsType<Paragraph>(Assert.Single(Blocks(
            "<p>\n  Open   the <em>tin</em>\n and <strong> fry </strong> it,<br/>  then\teat.  </p>")));

        // docutils' rule, which the text writer relies on: a line break is one space, spaces within a
        // line stay as written (the two after a sentence end).
        Assert.Equal("Open   the *tin* and **fry** it,<br>then eat.", ModelDump.Inlines(p.Content));
    }

    [Fact]
    public void ImportPage_LiteralOfPreSpans_IsOneCodeWithItsSpaces()
    {
        Assert.Equal("p The form `cook dish` and `a  b`.",
            Dump("<p>The form <code class=\"docutils literal notranslate\"><span class=\"pre\">cook</span> <span class=\"pre\">dish</span></code>"
                + " and <code class=\"docutils literal notranslate\"><span class=\"pre\">a</span>&#160; <span class=\"pre\">b</span></code>.</p>"));
    }

    [Fact]
    public void ImportPage_BarePreSpanGroup_IsOneCode()
    {
        Assert.Equal("p see `open tin` now",
            Dump("<p>see <span class=\"pre\">open</span> <span class=\"pre\">tin</span> now</p>"));
    }

    [Fact]
    public void ImportPage_KbdAndTt_AreCode()
    {
        Assert.Equal("p Press `Ctrl-C` or `q`.",
            Dump("<p>Press <kbd class=\"kbd compound\"><kbd class=\"kbd\">Ctrl</kbd>-<kbd class=\"kbd\">C</kbd></kbd> or <tt>q</tt>.</p>"));
    }

    [Fact]
    public void ImportPage_Links_KeepHrefAsWrittenAndMarkExternal()
    {
        Assert.Equal("p [tins](tins.html#open) [site](https://example.org/ ext) [ext](x.html ext) [mail](mailto:a@b.c ext) anchor",
            Dump("<p><a class=\"reference internal\" href=\"tins.html#open\">tins</a> "
                + "<a href=\"https://example.org/\">site</a> <a class=\"reference external\" href=\"x.html\">ext</a> "
                + "<a href=\"mailto:a@b.c\">mail</a> <a id=\"x\">anchor</a></p>"));
    }

    [Theory]
    [InlineData("<a class=\"footnote-reference brackets\" href=\"#f1\" id=\"id1\">1</a>")]
    [InlineData("<a class=\"footnote-reference brackets\" href=\"#f1\" id=\"id1\" role=\"doc-noteref\"><span class=\"fn-bracket\">[</span>1<span class=\"fn-bracket\">]</span></a>")]
    [InlineData("<a class=\"footnote-reference\" href=\"#f1\" id=\"id1\">[1]</a>")]
    public void ImportPage_FootnoteReference_IsFootnoteRefWithoutBrackets(string reference)
    {
        Assert.Equal("p Spam.[^1]", Dump($"<p>Spam.{reference}</p>"));
    }

    [Fact]
    public void ImportPage_SubAndSup_AreScripts()
    {
        Assert.Equal("p H_(2)O and x^(2)", Dump("<p>H<sub>2</sub>O and x<sup>2</sup></p>"));
    }

    [Fact]
    public void ImportPage_HighlightedBlock_IsLiteralBlockWithLanguageAndExactText()
    {
        var block = Assert.IsType<LiteralBlock>(Assert.Single(Blocks(
            "<div class=\"highlight-pycon notranslate\"><div class=\"highlight\"><pre><span></span><span class=\"gp\">&gt;&gt;&gt; </span>tin  =  open()\n"
            + "<span class=\"gp\">... </span>    fry(tin)\n\n</pre></div>\n</div>")));

        Assert.Equal(">>> tin  =  open()\n...     fry(tin)", block.Text);
        Assert.Equal("pycon", block.Language);
    }

    [Fact]
    public void ImportPage_DoctestBlock_TakesTheLanguageFromItsHighlightClass()
    {
        var block = Assert.IsType<LiteralBlock>(Assert.Single(Blocks(
            "<div class=\"doctest highlight-default notranslate\"><div class=\"highlight\"><pre>&gt;&gt;&gt; 1\n1\n</pre></div></div>")));

        Assert.Equal(("default", ">>> 1\n1"), (block.Language, block.Text));
    }

    [Fact]
    public void ImportPage_PlainLiteralBlock_IsLiteralBlockWithoutLanguage()
    {
        var block = Assert.IsType<LiteralBlock>(Assert.Single(Blocks("<pre class=\"literal-block\">plate  spam\n  then serve\n</pre>")));

        Assert.Equal(("plate  spam\n  then serve", (string?)null), (block.Text, block.Language));
    }

    [Fact]
    public void ImportPage_ProductionList_IsGrammarWithContinuationLines()
    {
        var grammar = Assert.IsType<Grammar>(Assert.Single(Blocks(
            "<pre>\n<strong id=\"grammar-token-spam-grammar-cook_stmt\">cook_stmt</strong> ::=  &quot;cook&quot; <a href=\"#g\"><code>dish</code></a>\n"
            + "               | &quot;boil&quot;  <a href=\"#g\"><code>dish</code></a>\n"
            + "<strong id=\"grammar-token-spam-grammar-dish\">dish</strong>      ::=  &quot;spam&quot;\n</pre>")));

        Assert.Equal(
            [new Production("cook_stmt", "\"cook\" dish"), new Production(null, "| \"boil\"  dish"), new Production("dish", "\"spam\"")],
            grammar.Productions);
    }

    [Fact]
    public void ImportPage_GrammarSnippetWithColons_IsGrammar()
    {
        var grammar = Assert.IsType<Grammar>(Assert.Single(Blocks(
            "<div class=\"highlight-grammar-snippet notranslate\"><div class=\"highlight\"><pre><strong id=\"grammar-token-python-grammar-cook_stmt\">cook_stmt</strong>: &quot;cook&quot; dish\n"
            + "           | &quot;boil&quot; dish\n</pre></div></div>")));

        Assert.Equal([new Production("cook_stmt", "\"cook\" dish"), new Production(null, "| \"boil\" dish")], grammar.Productions);
    }

    [Fact]
    public void ImportPage_ProductionListAsDl_IsGrammar()
    {
        var grammar = Assert.IsType<Grammar>(Assert.Single(Blocks(
            "<dl class=\"productionlist\"><dt id=\"grammar-token-dish\">dish</dt><dd>::= &quot;spam&quot;</dd><dt></dt><dd>| &quot;eggs&quot;</dd></dl>")));

        Assert.Equal([new Production("dish", "\"spam\""), new Production(null, "| \"eggs\"")], grammar.Productions);
    }

    [Fact]
    public void ImportPage_Lists_BecomeBulletAndEnumeratedLists()
    {
        Assert.Equal("""
            bullets
              item
                p open
              item
                p fry
                bullets
                  item
                    p hot
            enumerated start=3
              item
                p third
            """.ReplaceLineEndings("\n"),
            Dump("<ul class=\"simple\"><li><p>open</p></li><li>fry<ul><li>hot</li></ul></li></ul>"
                + "<ol class=\"arabic\" start=\"3\"><li><p>third</p></li></ol>"));
    }

    [Fact]
    public void ImportPage_DefinitionList_KeepsTermsAndDefinitions()
    {
        Assert.Equal("""
            definitions glossary=False
              term # crisp *(adj.)*
                p fried long.
            """.ReplaceLineEndings("\n"),
            Dump("<dl class=\"simple\"><dt>crisp <em>(adj.)</em></dt><dd><p>fried long.</p></dd></dl>"));
    }

    [Fact]
    public void ImportPage_Glossary_IsGlossaryListWithTermAnchors()
    {
        var list = Assert.IsType<DefinitionList>(Assert.Single(Blocks(
            "<dl class=\"simple glossary\"><dt id=\"term-tin\">tin<a class=\"headerlink\" href=\"#term-tin\">¶</a></dt><dd><p>A can.</p></dd>"
            + "<dt id=\"term-0\"><code class=\"docutils literal\"><span class=\"pre\">&gt;&gt;&gt;</span></code></dt><dd><p>A prompt.</p></dd></dl>")));

        Assert.True(list.IsGlossary);
        Assert.Equal(["term-tin", "term-0"], list.Items.Select(i => i.Anchor));
        Assert.Equal(["tin", "`>>>`"], list.Items.Select(i => ModelDump.Inlines(i.Term)));
    }

    [Theory]
    [InlineData("<dl class=\"field-list simple\"><dt class=\"field-odd\">Parameters<span class=\"colon\">:</span></dt><dd class=\"field-odd\"><p><strong>key</strong> – the key.</p></dd></dl>")]
    [InlineData("<dl class=\"field-list simple\"><dt class=\"field-odd\">Parameters</dt><dd class=\"field-odd\"><p><strong>key</strong> – the key.</p></dd></dl>")]
    [InlineData("<table class=\"docutils field-list\" frame=\"void\" rules=\"none\"><tbody valign=\"top\"><tr class=\"field-odd field\"><th class=\"field-name\">Parameters:</th><td class=\"field-body\"><strong>key</strong> – the key.</td></tr></tbody></table>")]
    public void ImportPage_FieldList_IsFieldListWithoutTheColon(string html)
    {
        Assert.Equal("""
            fields
              field Parameters
                p **key** – the key.
            """.ReplaceLineEndings("\n"), Dump(html));
    }

    [Fact]
    public void ImportPage_Table_KeepsHeaderRowsAndSpans()
    {
        var table = Assert.IsType<Table>(Assert.Single(Blocks(
            "<table class=\"docutils align-default\"><colgroup><col/><col/></colgroup>"
            + "<thead><tr><th class=\"head\"><p>Heat</p></th><th class=\"head\"><p>Minutes</p></th></tr></thead>"
            + "<tbody><tr><td rowspan=\"2\"><p>low</p></td><td>9</td></tr><tr><td>10</td></tr><tr><td colspan=\"2\"><p>never</p></td></tr></tbody></table>")));

        Assert.Equal(["Heat", "Minutes"], table.HeaderRows.Single().Cells.Select(c => Text(c.Content)));
        Assert.Equal(3, table.BodyRows.Count);
        Assert.Equal((1, 2), (table.BodyRows[0].Cells[0].ColumnSpan, table.BodyRows[0].Cells[0].RowSpan));
        Assert.Equal("9", Text(table.BodyRows[0].Cells[1].Content));
        Assert.Equal((2, 1), (table.BodyRows[2].Cells[0].ColumnSpan, table.BodyRows[2].Cells[0].RowSpan));
    }

    private static string Text(IReadOnlyList<Block> blocks) => ModelDump.Blocks(blocks).Trim().Replace("p ", "");

    [Theory]
    [InlineData("admonition note", "Note", "note")]
    [InlineData("admonition warning", "Warning", "warning")]
    [InlineData("admonition important", "Important", "important")]
    [InlineData("admonition tip", "Tip", "tip")]
    [InlineData("admonition caution", "Caution", "caution")]
    [InlineData("admonition attention", "Attention!", "attention")]
    [InlineData("admonition danger", "Danger", "danger")]
    [InlineData("admonition error", "Error", "error")]
    [InlineData("admonition hint", "Hint", "hint")]
    [InlineData("admonition seealso", "See also", "seealso")]
    [InlineData("seealso", "See also", "seealso")]
    public void ImportPage_Admonition_MapsKindAndDropsFixedTitle(string classes, string title, string kind)
    {
        var a = Assert.IsType<Admonition>(Assert.Single(Blocks(
            $"<div class=\"{classes}\"><p class=\"admonition-title\">{title}</p><p>Keep cool.</p></div>")));

        Assert.Equal(kind, a.Kind);
        Assert.Null(a.Title);
        Assert.Equal("p Keep cool.", ModelDump.Blocks(a.Body).Trim());
    }

    [Fact]
    public void ImportPage_GenericAdmonition_KeepsItsTitle()
    {
        var a = Assert.IsType<Admonition>(Assert.Single(Blocks(
            "<div class=\"admonition admonition-serving-hint\"><p class=\"admonition-title\">Serving <em>hint</em></p><p>Serve warm.</p></div>")));

        Assert.Equal("admonition", a.Kind);
        Assert.Equal("Serving *hint*", ModelDump.Inlines(a.Title!));
        Assert.Equal("p Serve warm.", ModelDump.Blocks(a.Body).Trim());
    }

    [Theory]
    [InlineData("versionadded", "added", "New in version 3.7.", "", VersionChange.Added, "3.7", null, "")]
    [InlineData("versionadded", "added", "Added in version 3.7.", "", VersionChange.Added, "3.7", null, "")]
    [InlineData("versionadded", "added", "New in version 3.6: ", "The <em>x</em> argument.", VersionChange.Added, "3.6", null, "p The *x* argument.")]
    [InlineData("versionchanged", "changed", "Changed in version 3.12.5: ", "(also 3.11.10) Audited.", VersionChange.Changed, "3.12.5", null, "p (also 3.11.10) Audited.")]
    [InlineData("deprecated", "deprecated", "Deprecated since version 3.4: ", "Use y.", VersionChange.Deprecated, "3.4", null, "p Use y.")]
    [InlineData("deprecated-removed", "deprecated", "Deprecated since version 3.4, will be removed in version 3.12: ", "Use y.", VersionChange.Deprecated, "3.4", "3.12", "p Use y.")]
    [InlineData("deprecated-removed", "", "Deprecated since version 3.4, removed in version 3.8: ", "Gone.", VersionChange.Deprecated, "3.4", "3.8", "p Gone.")]
    [InlineData("versionremoved", "removed", "Removed in version 3.12.", "", VersionChange.Removed, "3.12", null, "")]
    [InlineData("versionadded", "added", "Ajouté dans la version 3.15.0a6.", "", VersionChange.Added, "3.15.0a6", null, "")]
    [InlineData("versionchanged", "changed", "Changed in version next: ", "Soon.", VersionChange.Changed, "next", null, "p Soon.")]
    public void ImportPage_VersionNote_ParsesVersionAndKeepsTheRestAsBody(
        string divClass, string spanClass, string line, string rest, VersionChange change, string version, string? removed, string body)
    {
        var note = Assert.IsType<VersionNote>(Assert.Single(Blocks(
            $"<div class=\"{divClass}\"><p><span class=\"versionmodified {spanClass}\">{line}</span>{rest}</p></div>")));

        Assert.Equal((change, version, removed), (note.Change, note.Version, note.RemovedIn));
        Assert.Equal(body, ModelDump.Blocks(note.Body).Trim());
    }

    [Fact]
    public void ImportPage_VersionNoteWithMoreParagraphs_KeepsThemAll()
    {
        Assert.Equal("""
            version Changed 1.3 removed=
              p First.
              p Second.
            """.ReplaceLineEndings("\n"),
            Dump("<div class=\"versionchanged\"><p><span class=\"versionmodified changed\">Changed in version 1.3: </span>First.</p><p>Second.</p></div>"));
    }

    [Fact]
    public void ImportPage_QuoteLineBlockRubricAndRule_MapToTheirBlocks()
    {
        Assert.Equal("""
            quote
              p A saying.
              p — Someone
            lines
              line first  line
              line
              line nested *line*
            rubric Serving
            transition
            """.ReplaceLineEndings("\n"),
            Dump("<blockquote><div><p>A saying.</p><p class=\"attribution\">—Someone</p></div></blockquote>"
                .Replace("—Someone", "— Someone")
                + "<div class=\"line-block\"><div class=\"line\">first  line</div><div class=\"line\"><br /></div>"
                + "<div class=\"line-block\"><div class=\"line\">nested <em>line</em></div></div></div>"
                + "<p class=\"rubric\">Serving</p><hr class=\"docutils\" />"));
    }

    [Theory]
    [InlineData("<dl class=\"footnote brackets\"><dt class=\"label\" id=\"f1\"><span class=\"brackets\"><a class=\"fn-backref\" href=\"#id1\">1</a></span><span class=\"fn-backref\">(<a href=\"#id1\">1</a>,<a href=\"#id2\">2</a>)</span></dt><dd><p>Not a vegetable.</p></dd></dl>")]
    [InlineData("<dl class=\"footnote brackets\"><dt class=\"label\" id=\"f1\"><span class=\"brackets\">1</span></dt><dd><p>Not a vegetable.</p></dd></dl>")]
    [InlineData("<aside class=\"footnote-list brackets\"><aside class=\"footnote brackets\" id=\"f1\" role=\"note\"><span class=\"label\"><span class=\"fn-bracket\">[</span><a role=\"doc-backlink\" href=\"#id1\">1</a><span class=\"fn-bracket\">]</span></span><span class=\"backrefs\">(<a href=\"#id1\">1</a>,<a href=\"#id2\">2</a>)</span><p>Not a vegetable.</p></aside></aside>")]
    [InlineData("<table class=\"docutils footnote\" frame=\"void\" id=\"f1\" rules=\"none\"><colgroup><col class=\"label\" /><col /></colgroup><tbody valign=\"top\"><tr><td class=\"label\"><a class=\"fn-backref\" href=\"#id1\">[1]</a></td><td>Not a vegetable.</td></tr></tbody></table>")]
    public void ImportPage_FootnoteInEveryDocutilsForm_IsTheSameFootnote(string html)
    {
        Assert.Equal("footnote 1\n  p Not a vegetable.", Dump(html));
    }

    [Fact]
    public void ImportPage_Citation_IsFootnoteWithItsLabel()
    {
        Assert.Equal("footnote Spam09\n  p A book on tins.",
            Dump("<div role=\"list\" class=\"citation-list\"><div class=\"citation\" id=\"spam09\" role=\"doc-biblioentry\"><span class=\"label\"><span class=\"fn-bracket\">[</span><a role=\"doc-backlink\" href=\"#id1\">Spam09</a><span class=\"fn-bracket\">]</span></span><p>A book on tins.</p></div></div>"));
    }

    [Theory]
    [InlineData("<figure class=\"align-default\"><img alt=\"a tin\" src=\"../_images/tin.png\" /><figcaption><p><span class=\"caption-text\">The tin.</span></p></figcaption></figure>")]
    [InlineData("<div class=\"figure align-default\"><img alt=\"a tin\" src=\"../_images/tin.png\" /><p class=\"caption\"><span class=\"caption-text\">The tin.</span></p></div>")]
    public void ImportPage_Figure_IsImageWithCaption(string html)
    {
        Assert.Equal("image ../_images/tin.png alt=a tin\n  p The tin.", Dump(html));
    }

    [Fact]
    public void ImportPage_StandaloneImage_IsImage()
    {
        Assert.Equal("image ../_images/tin.png alt=a tin",
            Dump("<a class=\"reference internal image-reference\" href=\"../_images/tin.png\"><img alt=\"a tin\" src=\"../_images/tin.png\" /></a>"));
    }

    [Fact]
    public void ImportPage_UnknownWrappers_AreFlattenedWithoutLosingText()
    {
        Assert.Equal("""
            p loose text
            p inner
            bullets
              item
                p toc entry
            rubric Sidebar title
            p side note
            p in a custom tag
            """.ReplaceLineEndings("\n"),
            Dump("<div class=\"docutils container\">loose <span>text</span><div class=\"impl-detail compound\"><p>inner</p></div></div>"
                + "<div class=\"toctree-wrapper compound\"><ul><li class=\"toctree-l1\"><a class=\"reference internal\" href=\"x.html\">toc entry</a></li></ul></div>"
                    .Replace("<a class=\"reference internal\" href=\"x.html\">toc entry</a>", "toc entry")
                + "<aside class=\"sidebar\"><p class=\"sidebar-title\">Sidebar title</p><p>side note</p></aside>"
                + "<custom-element><p>in a custom tag</p></custom-element>"));
    }

    [Fact]
    public void ImportPage_Chrome_IsRemovedFromTheBody()
    {
        var dump = Dump("<p>Kept.<a class=\"headerlink\" href=\"#x\" title=\"Permalink\">¶</a></p><script>var leaked = 1;</script>"
            + "<style>p { color: red }</style><nav class=\"contents\"><p>nav text</p></nav>");

        Assert.Equal("p Kept.", dump);
    }

    [Fact]
    public void ImportPage_SectionTitle_DropsNumberHeaderLinkAndBackrefWrapper()
    {
        var section = Assert.IsType<Section>(Assert.Single(Blocks(
            "<section id=\"open\"><h2><a class=\"toc-backref\" href=\"#id3\" role=\"doc-backlink\"><span class=\"section-number\">4.2. </span>Opening <code class=\"docutils literal\"><span class=\"pre\">tins</span></code></a>"
            + "<a class=\"headerlink\" href=\"#open\" title=\"Permalink to this heading\">¶</a></h2><p>Body.</p></section>")));

        Assert.Equal("Opening `tins`", ModelDump.Inlines(section.Title));
        Assert.Equal("open", section.Anchor);
        Assert.Equal("p Body.", ModelDump.Blocks(section.Body).Trim());
    }

    [Fact]
    public void ImportPage_Signature_KeepsAnnotationsAndCollapsesSpaces()
    {
        var d = Assert.IsType<Description>(Assert.Single(Blocks(
            "<dl class=\"py method\"><dt class=\"sig sig-object py\" id=\"spam.Tin.fry\">\n<em class=\"property\"><span class=\"pre\">abstractmethod</span><span class=\"w\"> </span><span class=\"pre\">async</span><span class=\"w\"> </span></em>"
            + "<span class=\"sig-name descname\"><span class=\"pre\">fry</span></span><span class=\"sig-paren\">(</span><em class=\"sig-param\"><span class=\"n\"><span class=\"pre\">heat</span></span><span class=\"p\"><span class=\"pre\">:</span></span><span class=\"w\"> </span><span class=\"n\"><span class=\"pre\">int</span></span></em>,\n <em class=\"sig-param\"><span class=\"n\"><span class=\"pre\">oil</span></span></em><span class=\"sig-paren\">)</span>"
            + " <span class=\"sig-return\"><span class=\"sig-return-icon\">&#x2192;</span> <span class=\"sig-return-typehint\"><span class=\"pre\">None</span></span></span><a class=\"headerlink\" href=\"#spam.Tin.fry\">¶</a></dt><dd><p>Fry.</p></dd></dl>")));

        Assert.Equal("py:method", d.Role);
        Assert.Equal(new Signature("abstractmethod async fry(heat: int, oil) → None", "spam.Tin.fry"), Assert.Single(d.Signatures));
    }

    [Theory]
    [InlineData("function", "py:function")]
    [InlineData("class", "py:class")]
    [InlineData("method", "py:method")]
    [InlineData("py function", "py:function")]
    [InlineData("py coroutinefunction", "py:coroutinefunction")]
    [InlineData("c function", "c:function")]
    [InlineData("std envvar", "std:envvar")]
    [InlineData("cmdoption", "std:cmdoption")]
    public void ImportPage_DescriptionClasses_GiveTheRole(string classes, string role)
    {
        var d = Assert.IsType<Description>(Assert.Single(Blocks($"<dl class=\"{classes}\"><dt id=\"x\">x()</dt><dd><p>X.</p></dd></dl>")));

        Assert.Equal(role, d.Role);
    }

    [Fact]
    public void ImportPage_EmptyFile_IsSkipped()
    {
        var diagnostics = new Diagnostics();

        var topics = Importer.ImportPage("x.html", "  \n", SpamDocSet, null, diagnostics);

        Assert.Empty(topics);
        var d = Assert.Single(diagnostics.Items);
        Assert.Equal((DiagnosticLevel.Skipped, "x.html"), (d.Level, d.Path));
    }

    [Fact]
    public void ImportPage_PageWithoutDocumentBody_IsSkippedWithReason()
    {
        var diagnostics = new Diagnostics();

        var topics = Importer.ImportPage("x.html", "<html><body><div class=\"sphinxsidebar\">menu</div></body></html>", SpamDocSet, null, diagnostics);

        Assert.Empty(topics);
        Assert.Contains("no document body", Assert.Single(diagnostics.Items).Message);
    }

    [Fact]
    public void ImportPage_BrokenHtml_StillGivesTheText()
    {
        var diagnostics = new Diagnostics();

        var topics = Importer.ImportPage("x.html", "<div role=main><section id=a><h1>Ti<b>tle</h1><p>one<p>two</div></section>", SpamDocSet, null, diagnostics);

        Assert.False(diagnostics.AnySkipped);
        var dump = ModelDump.Topics(topics);
        Assert.Contains("one", dump);
        Assert.Contains("two", dump);
    }

    [Fact]
    public void ImportPage_BodyWithoutSections_IsOnePageTitledFromTheHead()
    {
        var topics = Importer.ImportPage("index.html",
            "<html><head><title>Spamdocs 1.4 documentation</title></head><body><div class=\"body\" role=\"main\"><p>Welcome.</p><ul><li>a</li></ul></div></body></html>",
            SpamDocSet, null, new Diagnostics());

        var page = Assert.Single(topics);
        Assert.Equal((TopicKind.Page, "index", "Spamdocs 1.4 documentation"), (page.Kind, page.Key, page.Title));
    }
}
