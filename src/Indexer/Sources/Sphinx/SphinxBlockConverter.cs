using AngleSharp.Dom;
using Help.Core.Model;
using Help.Indexer.Pipeline;

namespace Help.Indexer.Sources.Sphinx;

/// <summary>
/// Converts one page's cleaned document body to blocks, and notes sections, descriptions and glossary
/// terms as it goes. One instance per page: not shared between threads.
/// </summary>
internal sealed class SphinxBlockConverter(string pagePath, Diagnostics diagnostics, IReadOnlyList<int[]?>? sourceTableWidths = null)
{
    private static readonly string[] HeadingTags = ["h1", "h2", "h3", "h4", "h5", "h6"];

    private SectionRecord? _section;
    private DescriptionRecord? _description;

    /// <summary>Sections, descriptions and terms in document order (a parent before its children).</summary>
    public List<PageRecord> Records { get; } = [];

    /// <summary>The section record of each section element.</summary>
    public Dictionary<IElement, SectionRecord> SectionsByElement { get; } = [];

    public List<Block> ConvertChildren(IElement container, IElement? skip = null)
    {
        var blocks = new List<Block>();
        var pending = new List<INode>();
        foreach (var node in container.ChildNodes)
        {
            if (ReferenceEquals(node, skip))
            {
                // Targets before a section's heading name that section (its StartIds hold them); left
                // pending they would also name the first subsection.
                if (pending.All(n => SphinxInlines.IsWhiteSpaceText(n) || n is IElement { LocalName: "span" } span && !IsVisible(span)))
                {
                    pending.Clear();
                }
                continue;
            }
            switch (node)
            {
                case IText:
                    pending.Add(node);
                    break;
                case IElement element when IsStandaloneImage(element):
                    Flush(pending, blocks);
                    blocks.Add(ConvertImage(element, []));
                    break;
                case IElement element when SphinxSelectors.InlineTags.Contains(element.LocalName):
                    pending.Add(node);
                    break;
                case IElement element when IsSection(element):
                    // Targets written just before a section (not inside it) name it too.
                    var before = TargetIdsAtEnd(pending);
                    Flush(pending, blocks);
                    blocks.Add(ConvertSection(element, before));
                    break;
                case IElement element:
                    Flush(pending, blocks);
                    AddAnchors(element, blocks);
                    ConvertBlock(element, blocks);
                    break;
            }
        }
        Flush(pending, blocks);
        return blocks;
    }

    /// <summary>A run of inline nodes among blocks (text directly in a list item or a cell) is a paragraph.</summary>
    private static void Flush(List<INode> pending, List<Block> blocks)
    {
        if (pending.Count == 0)
        {
            return;
        }
        foreach (var node in pending)
        {
            if (node is IElement element)
            {
                AddTargets(element, blocks);
            }
        }
        if (!pending.All(SphinxInlines.IsWhiteSpaceText))
        {
            var inlines = SphinxInlines.Convert(pending);
            if (inlines.Count > 0)
            {
                blocks.Add(new Paragraph(inlines));
            }
        }
        pending.Clear();
    }

    /// <summary>The ids of the empty target spans that end a run of inline nodes.</summary>
    private static List<string> TargetIdsAtEnd(List<INode> pending)
    {
        var ids = new List<string>();
        for (var i = pending.Count - 1; i >= 0; i--)
        {
            if (SphinxInlines.IsWhiteSpaceText(pending[i]))
            {
                continue;
            }
            if (pending[i] is IElement { LocalName: "span" } span && NullIfEmpty(span.Id) is { } id && !IsVisible(span))
            {
                ids.Insert(0, id);
                continue;
            }
            break;
        }
        return ids;
    }

    /// <summary>
    /// The ids a block element carries that nothing else in the model holds (<c>ul#dir-fd</c>, <c>p#index-1</c>, the
    /// empty target spans in a paragraph), as <see cref="Anchor"/> blocks before it: where links to them land.
    /// Sections, object signatures, glossary terms and footnotes keep their ids themselves.
    /// </summary>
    private static void AddAnchors(IElement element, List<Block> blocks)
    {
        if (element.HasClass(SphinxSelectors.Footnote) || element.HasClass(SphinxSelectors.Citation))
        {
            return;
        }
        if (NullIfEmpty(element.Id) is { } id)
        {
            blocks.Add(new Anchor(id));
        }
        if (element.LocalName == "p")
        {
            AddTargets(element, blocks);
        }
    }

    /// <summary>The empty target spans in or at <paramref name="element"/> (Sphinx's <c>span#index-3</c>), as anchors.</summary>
    private static void AddTargets(IElement element, List<Block> blocks)
    {
        IEnumerable<IElement> spans = element.LocalName == "span" ? [element] : element.QuerySelectorAll("span[id]");
        foreach (var span in spans)
        {
            if (NullIfEmpty(span.Id) is { } id && !IsVisible(span))
            {
                blocks.Add(new Anchor(id));
            }
        }
    }

    internal static bool IsSection(IElement element) =>
        element.LocalName == SphinxSelectors.Section
        || (element.LocalName == "div" && element.HasClass(SphinxSelectors.SectionClass));

    private void ConvertBlock(IElement element, List<Block> blocks)
    {
        switch (element.LocalName)
        {
            case "p" when element.HasClass(SphinxSelectors.Rubric):
                AddIfAny(blocks, SphinxInlines.Convert(element), i => new Rubric(i));
                return;
            case "p":
                AddIfAny(blocks, SphinxInlines.Convert(element), i => new Paragraph(i));
                return;
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                // A heading that does not open a section (a theme's, or a raw one) reads as a rubric.
                AddIfAny(blocks, SphinxInlines.Convert(element), i => new Rubric(i));
                return;
            case "pre":
                blocks.Add(ConvertPre(element, null));
                return;
            case "hr":
                blocks.Add(Transition.Instance);
                return;
            case "ul":
                blocks.Add(new BulletList(ListItems(element)));
                return;
            case "ol":
                var start = int.TryParse(element.GetAttribute("start"), out var s) ? s : 1;
                blocks.Add(new EnumeratedList(ListItems(element), start));
                return;
            case "dl":
                ConvertDl(element, blocks);
                return;
            case "table":
                ConvertTable(element, blocks);
                return;
            case "blockquote":
                blocks.Add(new BlockQuote(ConvertChildren(element)));
                return;
            case "figure":
                blocks.Add(ConvertFigure(element));
                return;
            case "img":
                blocks.Add(ConvertImage(element, []));
                return;
            case "aside" or "div":
                ConvertDivLike(element, blocks);
                return;
            default:
                // Unknown wrappers (details, header, center...): their content, never lost.
                blocks.AddRange(ConvertChildren(element));
                return;
        }
    }

    private static void AddIfAny(List<Block> blocks, IReadOnlyList<Inline> inlines, Func<IReadOnlyList<Inline>, Block> make)
    {
        if (inlines.Count > 0)
        {
            blocks.Add(make(inlines));
        }
    }

    private void ConvertDivLike(IElement element, List<Block> blocks)
    {
        var classes = element.Classes();
        if (classes.FirstOrDefault(c => c.StartsWith(SphinxSelectors.HighlightPrefix, StringComparison.Ordinal)) is { } highlight)
        {
            var language = highlight[SphinxSelectors.HighlightPrefix.Length..];
            var pre = element.QuerySelector("pre");
            if (pre is not null)
            {
                var block = ConvertPre(pre, language);
                // docutils' doctest_block (">>>" lines written as a paragraph) is div.doctest in Sphinx's HTML.
                blocks.Add(block is LiteralBlock literal && classes.Contains(SphinxSelectors.Doctest) ? literal with { IsDoctest = true } : block);
                return;
            }
        }
        if (classes.Contains(SphinxSelectors.Admonition) || classes.Contains(SphinxSelectors.SeeAlso))
        {
            blocks.Add(ConvertAdmonition(element));
            return;
        }
        if (VersionChangeOf(classes) is { } change)
        {
            blocks.Add(ConvertVersionNote(element, change));
            return;
        }
        if (classes.Contains(SphinxSelectors.LineBlock))
        {
            var lines = new List<IReadOnlyList<Inline>>();
            CollectLines(element, lines);
            blocks.Add(new LineBlock(lines));
            return;
        }
        if (classes.Contains(SphinxSelectors.Footnote) || classes.Contains(SphinxSelectors.Citation))
        {
            blocks.Add(ConvertFootnote(element));
            return;
        }
        if (classes.Contains(SphinxSelectors.Sidebar) || classes.Contains(SphinxSelectors.Topic))
        {
            // The reST sidebar and topic directives: their title reads as a rubric over their content.
            var title = element.Children.FirstOrDefault(c =>
                c.HasClass(SphinxSelectors.SidebarTitle) || c.HasClass(SphinxSelectors.TopicTitle));
            if (title is not null)
            {
                AddIfAny(blocks, SphinxInlines.Convert(title), i => new Rubric(i));
            }
            blocks.AddRange(ConvertChildren(element, title));
            return;
        }
        if (element.LocalName == "div" && classes.Contains(SphinxSelectors.Figure))
        {
            blocks.Add(ConvertFigure(element));
            return;
        }
        blocks.AddRange(ConvertChildren(element));
    }

    // --- Sections.

    private Section ConvertSection(IElement element, List<string> idsBefore)
    {
        var record = new SectionRecord(element, _section) { Anchor = NullIfEmpty(element.Id) };
        if (record.Anchor is not null)
        {
            record.StartIds.Add(record.Anchor);
        }
        record.StartIds.AddRange(idsBefore);
        Records.Add(record);
        SectionsByElement[element] = record;

        IElement? heading = null;
        foreach (var child in element.Children)
        {
            if (HeadingTags.Contains(child.LocalName))
            {
                heading = child;
                break;
            }
            if (child.LocalName == "span" && NullIfEmpty(child.Id) is { } id && !IsVisible(child))
            {
                record.StartIds.Add(id);
            }
            else if (!(child.LocalName == "span" && !IsVisible(child)))
            {
                break;
            }
        }
        if (heading is not null && NullIfEmpty(heading.Id) is { } headingId)
        {
            record.StartIds.Add(headingId);
        }
        var title = heading is null ? [] : SphinxInlines.Convert(heading);
        record.TitleText = SphinxInlines.PlainText(title);

        var outer = _section;
        _section = record;
        var body = ConvertChildren(element, heading);
        _section = outer;

        record.Block = new Section(title, body, record.Anchor);
        return record.Block;
    }

    private static bool IsVisible(IElement element) => element.TextContent.Any(c => !char.IsWhiteSpace(c));

    // --- Literal blocks and grammars.

    private Block ConvertPre(IElement pre, string? language)
    {
        if (SphinxGrammar.IsGrammar(pre))
        {
            return SphinxGrammar.FromPre(pre);
        }
        var text = pre.TextContent.TrimEnd('\n', '\r');
        return new LiteralBlock(text, language) { Highlight = SphinxHighlight.Runs(pre, text.Length) };
    }

    // --- Lists.

    private List<ListItem> ListItems(IElement list)
    {
        var items = new List<ListItem>();
        foreach (var child in list.Children)
        {
            if (child.LocalName == "li")
            {
                items.Add(new ListItem(ConvertChildren(child)));
            }
            else
            {
                // Content directly in a list (invalid, but seen): kept as an item of its own.
                var blocks = new List<Block>();
                ConvertBlock(child, blocks);
                if (blocks.Count > 0)
                {
                    items.Add(new ListItem(blocks));
                }
            }
        }
        return items;
    }

    private void ConvertDl(IElement dl, List<Block> blocks)
    {
        var classes = dl.Classes();
        if (DescriptionRole(classes) is { } role)
        {
            blocks.Add(ConvertDescription(dl, role));
        }
        else if (classes.Contains(SphinxSelectors.Glossary))
        {
            blocks.Add(ConvertGlossary(dl));
        }
        else if (classes.Contains(SphinxSelectors.FieldList))
        {
            blocks.Add(ConvertFieldList(dl));
        }
        else if (classes.Contains(SphinxSelectors.Footnote) || classes.Contains(SphinxSelectors.Citation))
        {
            foreach (var (terms, dd) in DlGroups(dl))
            {
                var label = terms.Count == 0 ? "" : FootnoteLabelOfDt(terms[0]);
                blocks.Add(new Footnote(label, dd is null ? [] : ConvertChildren(dd)));
            }
        }
        else if (classes.Contains(SphinxSelectors.ProductionList))
        {
            blocks.Add(SphinxGrammar.FromDl(dl));
        }
        else
        {
            blocks.Add(new DefinitionList(DlGroups(dl).Select(g => DefinitionItemOf(g.Terms, g.Definition)).ToList()));
        }
    }

    /// <summary>The dt elements and the dd that follows them, looking through div wrappers (HTML allows <c>dl &gt; div</c>).</summary>
    private static List<(List<IElement> Terms, IElement? Definition)> DlGroups(IElement dl)
    {
        var groups = new List<(List<IElement>, IElement?)>();
        var terms = new List<IElement>();
        foreach (var child in DlChildren(dl))
        {
            if (child.LocalName == "dt")
            {
                terms.Add(child);
            }
            else if (child.LocalName == "dd")
            {
                groups.Add((terms, child));
                terms = [];
            }
        }
        if (terms.Count > 0)
        {
            groups.Add((terms, null));
        }
        return groups;
    }

    private static IEnumerable<IElement> DlChildren(IElement dl)
    {
        foreach (var child in dl.Children)
        {
            if (child.LocalName == "div")
            {
                foreach (var inner in child.Children)
                {
                    yield return inner;
                }
            }
            else
            {
                yield return child;
            }
        }
    }

    private DefinitionItem DefinitionItemOf(List<IElement> terms, IElement? definition)
    {
        var term = new List<Inline>();
        foreach (var dt in terms)
        {
            if (term.Count > 0)
            {
                term.Add(LineBreak.Instance);
            }
            term.AddRange(SphinxInlines.Convert(dt));
        }
        var anchor = terms.Select(t => NullIfEmpty(t.Id)).FirstOrDefault(id => id is not null);
        return new DefinitionItem(term, definition is null ? [] : ConvertChildren(definition), anchor);
    }

    private DefinitionList ConvertGlossary(IElement dl)
    {
        var items = new List<DefinitionItem>();
        foreach (var (terms, dd) in DlGroups(dl))
        {
            // Note the terms first so that they precede anything nested in their definition.
            var records = new List<(IElement Dt, int Index)>();
            foreach (var dt in terms)
            {
                records.Add((dt, Records.Count));
                Records.Add(null!);
            }
            var item = DefinitionItemOf(terms, dd);
            foreach (var (dt, index) in records)
            {
                var text = SphinxInlines.PlainText(SphinxInlines.Convert(dt));
                Records[index] = new TermRecord(item, NullIfEmpty(dt.Id), text);
            }
            items.Add(item);
        }
        return new DefinitionList(items, IsGlossary: true);
    }

    private FieldList ConvertFieldList(IElement dl)
    {
        var fields = new List<Field>();
        foreach (var (terms, dd) in DlGroups(dl))
        {
            var name = new List<Inline>();
            foreach (var dt in terms)
            {
                // docutils 0.18+ writes the colon after a field name; the renderers add their own.
                foreach (var colon in dt.QuerySelectorAll("span." + SphinxSelectors.Colon).ToList())
                {
                    colon.Remove();
                }
                name.AddRange(SphinxInlines.Convert(dt));
            }
            fields.Add(new Field(name, dd is null ? [] : ConvertChildren(dd)));
        }
        return new FieldList(fields);
    }

    // --- Object descriptions.

    /// <summary>The <c>domain:role</c> of a description list, or null for any other dl.</summary>
    internal static string? DescriptionRole(string[] classes)
    {
        if (classes.Length >= 2 && SphinxSelectors.DescriptionDomains.Contains(classes[0]))
        {
            return classes[0] + ":" + classes[1];
        }
        foreach (var c in classes)
        {
            if (SphinxSelectors.DomainlessDescriptions.TryGetValue(c, out var role))
            {
                return role;
            }
        }
        return null;
    }

    private Description ConvertDescription(IElement dl, string role)
    {
        var record = new DescriptionRecord(dl, role, _description);
        Records.Add(record);
        var body = new List<Block>();
        var outer = _description;
        _description = record;
        foreach (var child in DlChildren(dl))
        {
            if (child.LocalName == "dt")
            {
                record.Signatures.Add(new Signature(SignatureText(child), NullIfEmpty(child.Id)));
            }
            else if (child.LocalName == "dd")
            {
                body.AddRange(ConvertChildren(child));
            }
        }
        _description = outer;
        record.Block = new Description(role, record.Signatures, body);
        return record.Block;
    }

    /// <summary>A signature as it reads: the dt's text, white space collapsed (annotations such as <c>class </c> kept).</summary>
    private static string SignatureText(IElement dt) =>
        SphinxInlines.CollapseWhiteSpace(dt.TextContent.Replace('\u00A0', ' ')).Trim();

    // --- Tables.

    private void ConvertTable(IElement table, List<Block> blocks)
    {
        var classes = table.Classes();
        if (classes.Contains(SphinxSelectors.Footnote) || classes.Contains(SphinxSelectors.Citation))
        {
            // docutils' HTML4 writer: a footnote is a table with the label in the first cell.
            foreach (var row in table.QuerySelectorAll("tr"))
            {
                var cells = row.Children.Where(c => c.LocalName is "td" or "th").ToList();
                if (cells.Count >= 2)
                {
                    blocks.Add(new Footnote(SphinxInlines.FootnoteLabel(cells[0].TextContent), ConvertChildren(cells[1])));
                }
            }
            return;
        }
        if (classes.Contains(SphinxSelectors.FieldList))
        {
            var fields = new List<Field>();
            foreach (var row in table.QuerySelectorAll("tr"))
            {
                var name = row.Children.FirstOrDefault(c => c.HasClass(SphinxSelectors.FieldName));
                var body = row.Children.FirstOrDefault(c => c.HasClass(SphinxSelectors.FieldBody));
                if (name is not null)
                {
                    var inlines = SphinxInlines.Convert(name).ToList();
                    if (inlines.Count > 0 && inlines[^1] is TextRun t && t.Text.EndsWith(':'))
                    {
                        inlines[^1] = new TextRun(t.Text[..^1]);
                    }
                    fields.Add(new Field(inlines, body is null ? [] : ConvertChildren(body)));
                }
            }
            blocks.Add(new FieldList(fields));
            return;
        }

        // The n-th table of the source is the n-th here (the importer checked that the counts agree).
        var widths = sourceTableWidths is not null && IsSourceTable(table) && _tables < sourceTableWidths.Count
            ? sourceTableWidths[_tables++]
            : null;
        var caption = table.Children.FirstOrDefault(c => c.LocalName == "caption");
        if (caption is not null)
        {
            AddIfAny(blocks, SphinxInlines.Convert(caption), i => new Rubric(i));
        }
        var header = new List<TableRow>();
        var bodyRows = new List<TableRow>();
        foreach (var part in table.Children)
        {
            switch (part.LocalName)
            {
                case "thead":
                    header.AddRange(Rows(part));
                    break;
                case "tbody" or "tfoot":
                    bodyRows.AddRange(Rows(part));
                    break;
                case "tr":
                    bodyRows.Add(Row(part));
                    break;
            }
        }
        blocks.Add(new Table(header, bodyRows) { ColumnWidths = widths });
    }

    private int _tables;

    /// <summary>A table drawn in the reST source (not a footnote, field list or <c>hlist</c>, which docutils and Sphinx lay out as tables).</summary>
    public static bool IsSourceTable(IElement table)
    {
        var classes = table.Classes();
        return !classes.Contains(SphinxSelectors.Footnote) && !classes.Contains(SphinxSelectors.Citation)
            && !classes.Contains(SphinxSelectors.FieldList) && !classes.Contains(SphinxSelectors.HorizontalList);
    }

    private IEnumerable<TableRow> Rows(IElement group) =>
        group.Children.Where(c => c.LocalName == "tr").Select(Row).ToList();

    private TableRow Row(IElement tr) => new(tr.Children
        .Where(c => c.LocalName is "td" or "th")
        .Select(c => new TableCell(ConvertChildren(c), Span(c, "colspan"), Span(c, "rowspan")))
        .ToList());

    private static int Span(IElement cell, string attribute) =>
        int.TryParse(cell.GetAttribute(attribute), out var n) && n > 0 ? n : 1;

    // --- Admonitions and version notes.

    private Admonition ConvertAdmonition(IElement div)
    {
        var classes = div.Classes();
        var title = div.Children.FirstOrDefault(c => c.HasClass(SphinxSelectors.AdmonitionTitle));
        var kind = SphinxSelectors.AdmonitionKinds.FirstOrDefault(classes.Contains);
        var body = ConvertChildren(div, title);
        if (kind is not null)
        {
            return new Admonition(kind, null, body);
        }
        return new Admonition(SphinxSelectors.Admonition, title is null ? null : SphinxInlines.Convert(title), body);
    }

    private static VersionChange? VersionChangeOf(string[] classes)
    {
        if (classes.Contains(SphinxSelectors.VersionAdded))
        {
            return VersionChange.Added;
        }
        if (classes.Contains(SphinxSelectors.VersionChanged))
        {
            return VersionChange.Changed;
        }
        if (classes.Contains(SphinxSelectors.Deprecated) || classes.Contains(SphinxSelectors.DeprecatedRemoved))
        {
            return VersionChange.Deprecated;
        }
        if (classes.Contains(SphinxSelectors.VersionRemoved))
        {
            return VersionChange.Removed;
        }
        return null;
    }

    private VersionNote ConvertVersionNote(IElement div, VersionChange change)
    {
        var span = div.QuerySelector("span." + SphinxSelectors.VersionModified);
        if (span is null)
        {
            diagnostics.Warn(pagePath, $"a {div.ClassName} note without its version line");
            return new VersionNote(change, "", ConvertChildren(div));
        }
        var (version, removedIn) = SphinxVersionText.Parse(span.TextContent);
        if (version.Length == 0)
        {
            diagnostics.Warn(pagePath, $"no version number in '{SphinxInlines.CollapseWhiteSpace(span.TextContent).Trim()}'");
        }
        // The body is the rest of the first paragraph after the version line (dropped when nothing is
        // left of it), then any further blocks.
        span.Remove();
        var body = ConvertChildren(div);
        return new VersionNote(change, version, body)
        {
            RemovedIn = div.HasClass(SphinxSelectors.DeprecatedRemoved) ? removedIn : null,
        };
    }

    // --- Other bodies.

    private static void CollectLines(IElement lineBlock, List<IReadOnlyList<Inline>> lines)
    {
        foreach (var child in lineBlock.Children)
        {
            if (child.HasClass(SphinxSelectors.LineBlock))
            {
                CollectLines(child, lines);
            }
            else
            {
                lines.Add(SphinxInlines.Convert(child).Where(i => i is not LineBreak).ToList());
            }
        }
    }

    /// <summary>docutils 0.18+: <c>aside.footnote</c> / <c>div.citation</c> with a <c>span.label</c> and back-references.</summary>
    private Footnote ConvertFootnote(IElement element)
    {
        var label = element.Children.FirstOrDefault(c => c.HasClass(SphinxSelectors.Label));
        var labelText = label is null ? "" : SphinxInlines.FootnoteLabel(TextWithout(label, SphinxSelectors.FootnoteBracket));
        var backrefs = element.Children.Where(c => c.HasClass(SphinxSelectors.Backrefs)).ToList();
        foreach (var b in backrefs)
        {
            b.Remove();
        }
        return new Footnote(labelText, ConvertChildren(element, label));
    }

    /// <summary>docutils 0.16/0.17: <c>dt.label</c> holding the label, maybe in <c>span.brackets</c>, then back-references.</summary>
    private static string FootnoteLabelOfDt(IElement dt)
    {
        var brackets = dt.QuerySelector("span." + SphinxSelectors.Brackets);
        if (brackets is not null)
        {
            return SphinxInlines.FootnoteLabel(brackets.TextContent);
        }
        return SphinxInlines.FootnoteLabel(TextWithout(dt, SphinxSelectors.FootnoteBackref));
    }

    private static string TextWithout(IElement element, string className)
    {
        var clone = (IElement)element.Clone(deep: true);
        foreach (var e in clone.QuerySelectorAll("." + className).ToList())
        {
            e.Remove();
        }
        return clone.TextContent;
    }

    private Image ConvertFigure(IElement figure)
    {
        var img = figure.QuerySelector("img");
        var caption = new List<Block>();
        foreach (var child in figure.Children)
        {
            if (child.LocalName == "figcaption" || child.HasClass(SphinxSelectors.Caption) || child.HasClass(SphinxSelectors.Legend))
            {
                caption.AddRange(ConvertChildren(child));
            }
        }
        if (img is null)
        {
            return new Image(null, null, caption);
        }
        return ConvertImage(img, caption);
    }

    private static Image ConvertImage(IElement element, IReadOnlyList<Block> caption)
    {
        var img = element.LocalName == "img" ? element : element.QuerySelector("img")!;
        return new Image(NullIfEmpty(img.GetAttribute("src")), NullIfEmpty(img.GetAttribute("alt")), caption);
    }

    /// <summary>An image on its own among blocks, or an image reference (a link around nothing but an image).</summary>
    private static bool IsStandaloneImage(IElement element) =>
        element.LocalName == "img"
        || (element.LocalName == "a" && element.Children.Length == 1 && element.Children[0].LocalName == "img"
            && !IsVisible(element));

    private static string? NullIfEmpty(string? s) => string.IsNullOrEmpty(s) ? null : s;
}
