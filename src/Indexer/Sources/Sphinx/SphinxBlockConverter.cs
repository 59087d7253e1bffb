using AngleSharp.Dom;
using Help.Core.Model;
using Help.Indexer.Pipeline;

namespace Help.Indexer.Sources.Sphinx;

/// <summary>
/// Converts one page's cleaned document body to blocks, and notes sections, descriptions and glossary
/// terms as it goes. One instance per page: not shared between threads.
/// </summary>
internal sealed partial class SphinxBlockConverter(string pagePath, Diagnostics diagnostics, IReadOnlyList<int[]?>? sourceTableWidths = null)
{
    private static readonly string[] HeadingTags = ["h1", "h2", "h3", "h4", "h5", "h6"];

    private SectionRecord? _section;
    // The innermost section or description being converted: the container of what is noted inside it.
    private PageRecord? _open;

    /// <summary>Sections, descriptions and terms in document order (a parent before its children).</summary>
    public List<PageRecord> Records { get; } = [];

    /// <summary>The record of each section and description element.</summary>
    public Dictionary<IElement, PageRecord> RecordsByElement { get; } = [];

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
        var record = new SectionRecord(_section) { Anchor = NullIfEmpty(element.Id) };
        if (record.Anchor is not null)
        {
            record.StartIds.Add(record.Anchor);
        }
        record.StartIds.AddRange(idsBefore);
        Records.Add(record);
        RecordsByElement[element] = record;

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

        var (outer, outerOpen) = (_section, _open);
        (_section, _open) = (record, record);
        var body = ConvertChildren(element, heading);
        (_section, _open) = (outer, outerOpen);

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
