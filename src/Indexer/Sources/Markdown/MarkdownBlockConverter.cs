using Help.Indexer.Sources.Highlighting;
using System.Text;
using Help.Core.Model;
using Markdig.Extensions.Tables;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Inline = Help.Core.Model.Inline;
using MdBlock = Markdig.Syntax.Block;
using MdTable = Markdig.Extensions.Tables.Table;
using TableRow = Help.Core.Model.TableRow;
using ModelTable = Help.Core.Model.Table;

namespace Help.Indexer.Sources.Markdown;

/// <summary>
/// Turns Markdig's syntax tree (CommonMark 0.31 and pipe tables) into the document model: headings
/// become nested <see cref="Section"/>s, fenced and indented code <see cref="LiteralBlock"/>s, a quote
/// that starts with <c>**Note:**</c> (or GitHub's <c>[!NOTE]</c>) an <see cref="Admonition"/>.
/// </summary>
internal sealed class MarkdownBlockConverter
{
    private static readonly Dictionary<string, string> AdmonitionWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["note"] = "note", ["warning"] = "warning", ["tip"] = "tip", ["important"] = "important",
        ["caution"] = "caution", ["see also"] = "seealso", ["hint"] = "hint", ["danger"] = "danger",
    };

    private readonly Func<string, string?> _linkTarget;

    /// <summary>The sections made, in document order, with their heading level; the caller makes section topics of them.</summary>
    public List<(Section Section, int Level, string Title)> Sections { get; } = [];

    /// <param name="linkTarget">Maps a relative link (<c>pyhelp-search.md</c>, <c>pyhelp-search</c>) to a topic key, or null to keep it as written.</param>
    public MarkdownBlockConverter(Func<string, string?> linkTarget) => _linkTarget = linkTarget;

    /// <summary>
    /// The document's blocks, with every heading opening a section that runs until the next heading
    /// of the same or a higher level (a smaller number).
    /// </summary>
    public List<Help.Core.Model.Block> ConvertDocument(MarkdownDocument document) => Nest(document.ToList(), 0, out _);

    private List<Help.Core.Model.Block> Nest(List<MdBlock> blocks, int start, out int next, int level = 0)
    {
        var result = new List<Help.Core.Model.Block>();
        var i = start;
        while (i < blocks.Count)
        {
            if (blocks[i] is HeadingBlock heading)
            {
                if (heading.Level <= level)
                {
                    break;
                }
                var title = Inlines(heading.Inline);
                var body = Nest(blocks, i + 1, out i, heading.Level);
                var text = PlainText(title);
                var section = new Section(title, body, UniqueAnchor(Anchors.Slug(text)));
                Sections.Add((section, heading.Level, text));
                result.Add(section);
                continue;
            }
            if (Convert(blocks[i]) is { } block)
            {
                result.Add(block);
            }
            i++;
        }
        next = i;
        return result;
    }

    private readonly HashSet<string> _anchors = new(StringComparer.Ordinal);

    /// <summary>A second "Examples" heading gets <c>examples-1</c>, as GitHub numbers repeated anchors.</summary>
    private string UniqueAnchor(string slug)
    {
        var anchor = slug.Length > 0 ? slug : "section";
        for (var n = 1; !_anchors.Add(anchor); n++)
        {
            anchor = $"{(slug.Length > 0 ? slug : "section")}-{n}";
        }
        return anchor;
    }

    private List<Help.Core.Model.Block> Blocks(ContainerBlock container) =>
        container.Select(Convert).OfType<Help.Core.Model.Block>().ToList();

    private Help.Core.Model.Block? Convert(MdBlock block) => block switch
    {
        HeadingBlock h => new Rubric(Inlines(h.Inline)), // A heading inside a list or quote: not a section.
        ParagraphBlock p => new Paragraph(Inlines(p.Inline)),
        FencedCodeBlock f => CodeHighlighter.Colour(new LiteralBlock(CodeText(f), string.IsNullOrWhiteSpace(f.Info) ? null : f.Info.Trim())),
        CodeBlock c => new LiteralBlock(CodeText(c), null),
        ListBlock { IsOrdered: true } l => new EnumeratedList(Items(l), int.TryParse(l.OrderedStart, out var n) ? n : 1),
        ListBlock l => new BulletList(Items(l)),
        QuoteBlock q => Quote(q),
        ThematicBreakBlock => Transition.Instance,
        MdTable t => Table(t),
        _ => null, // Raw HTML blocks and link reference definitions: nothing to show in a terminal.
    };

    private List<ListItem> Items(ListBlock list) =>
        list.OfType<ListItemBlock>().Select(item => new ListItem(Blocks(item))).ToList();

    /// <summary>A quote, or an admonition when its first paragraph opens with <c>**Note:**</c> or <c>[!NOTE]</c>.</summary>
    private Help.Core.Model.Block Quote(QuoteBlock quote)
    {
        var body = Blocks(quote);
        if (body is [Paragraph first, ..] && AdmonitionKind(first.Content) is var (kind, rest))
        {
            var remaining = rest.Count > 0 ? new List<Help.Core.Model.Block> { new Paragraph(rest) } : [];
            remaining.AddRange(body.Skip(1));
            return new Admonition(kind, null, remaining);
        }
        return new BlockQuote(body);
    }

    private static (string Kind, IReadOnlyList<Inline> Remainder)? AdmonitionKind(IReadOnlyList<Inline> content)
    {
        switch (content.ToArray())
        {
            case [Strong s, .. var rest] when PlainText(s.Content).TrimEnd(':').Trim() is var word && AdmonitionWords.TryGetValue(word, out var kind):
                return (kind, TrimStart(rest));
            case [TextRun t, .. var rest] when t.Text.StartsWith("[!", StringComparison.Ordinal) && t.Text.IndexOf(']') is > 2 and var close
                && AdmonitionWords.TryGetValue(t.Text[2..close], out var gfm):
                var after = t.Text[(close + 1)..].TrimStart();
                return (gfm, TrimStart(after.Length > 0 ? [new TextRun(after), .. rest] : rest));
            default:
                return null;
        }
    }

    private static IReadOnlyList<Inline> TrimStart(IReadOnlyList<Inline> inlines)
    {
        var list = inlines.ToList();
        while (list.Count > 0 && list[0] is TextRun { Text: var t } && (t.Trim().Length == 0 || t.TrimStart().StartsWith(':')))
        {
            var rest = t.TrimStart().TrimStart(':').TrimStart();
            if (rest.Length > 0)
            {
                list[0] = new TextRun(rest);
                break;
            }
            list.RemoveAt(0);
        }
        while (list.Count > 0 && list[0] is LineBreak) list.RemoveAt(0);
        return list;
    }

    private ModelTable Table(MdTable table)
    {
        var header = new List<TableRow>();
        var body = new List<TableRow>();
        foreach (var row in table.OfType<Markdig.Extensions.Tables.TableRow>())
        {
            var cells = row.OfType<Markdig.Extensions.Tables.TableCell>()
                .Select(c => new Help.Core.Model.TableCell(Blocks(c), Math.Max(1, c.ColumnSpan), Math.Max(1, c.RowSpan)))
                .ToList();
            (row.IsHeader ? header : body).Add(new TableRow(cells));
        }
        return new ModelTable(header, body);
    }

    private static string CodeText(LeafBlock block)
    {
        var lines = block.Lines;
        var sb = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            if (i > 0) sb.Append('\n');
            sb.Append(lines.Lines[i].Slice.ToString());
        }
        return sb.ToString().TrimEnd('\n');
    }

    private List<Inline> Inlines(ContainerInline? container)
    {
        var result = new List<Inline>();
        if (container is null)
        {
            return result;
        }
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline l:
                    Append(result, l.Content.ToString());
                    break;
                case HtmlEntityInline e:
                    Append(result, e.Transcoded.ToString());
                    break;
                case CodeInline c:
                    result.Add(new Code(c.Content));
                    break;
                case EmphasisInline e:
                    var content = Inlines(e);
                    result.Add(e.DelimiterCount >= 2 ? new Strong(content) : new Emphasis(content));
                    break;
                case LinkInline { IsImage: true } image:
                    Append(result, PlainText(Inlines(image)));
                    break;
                case LinkInline link:
                    result.Add(Link(Inlines(link), link.Url ?? ""));
                    break;
                case AutolinkInline auto:
                    result.Add(Link([new TextRun(auto.Url)], auto.IsEmail ? "mailto:" + auto.Url : auto.Url));
                    break;
                case LineBreakInline br:
                    if (br.IsHard) result.Add(LineBreak.Instance);
                    else Append(result, " ");
                    break;
                case HtmlInline:
                    break; // Raw inline HTML (<kbd>, <br>) carries no text of its own.
                case ContainerInline other:
                    result.AddRange(Inlines(other));
                    break;
            }
        }
        return result;
    }

    private Link Link(List<Inline> content, string url)
    {
        if (IsExternal(url))
        {
            return new Link(content, url, External: true);
        }
        return new Link(content, _linkTarget(url) ?? url, External: false);
    }

    private static bool IsExternal(string url) =>
        url.Contains("://", StringComparison.Ordinal) || url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase);

    /// <summary>Adjacent text is kept in one run, as docutils keeps one text node.</summary>
    private static void Append(List<Inline> result, string text)
    {
        if (result.Count > 0 && result[^1] is TextRun last)
        {
            result[^1] = new TextRun(last.Text + text);
        }
        else if (text.Length > 0)
        {
            result.Add(new TextRun(text));
        }
    }

    internal static string PlainText(IEnumerable<Inline> inlines)
    {
        var sb = new StringBuilder();
        foreach (var inline in inlines)
        {
            sb.Append(inline switch
            {
                TextRun t => t.Text,
                Code c => c.Text,
                Emphasis e => PlainText(e.Content),
                Strong s => PlainText(s.Content),
                Link l => PlainText(l.Content),
                Script s => PlainText(s.Content),
                LineBreak => " ",
                _ => "",
            });
        }
        return sb.ToString().Trim();
    }
}

/// <summary>Section anchors as GitHub and Markdig's auto-identifiers make them: lower case, spaces to dashes, punctuation dropped.</summary>
internal static class Anchors
{
    public static string Slug(string title)
    {
        var sb = new StringBuilder(title.Length);
        foreach (var c in title.Trim().ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                sb.Append(c);
            }
            else if (c == ' ')
            {
                sb.Append('-');
            }
        }
        return sb.ToString();
    }
}
