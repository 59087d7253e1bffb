using System.Text;
using AngleSharp.Dom;
using Help.Core.Model;

namespace Help.Indexer.Sources.Sphinx;

/// <summary>
/// Converts inline HTML to the model's inlines. HTML white space is collapsed to single spaces as a
/// browser would (CSS <c>white-space: normal</c>), except inside literals; runs are then trimmed at
/// the edges of their block.
/// </summary>
internal static class SphinxInlines
{
    /// <summary>Converts sibling nodes (a paragraph's children, a run of inline nodes) to normalized inlines.</summary>
    public static IReadOnlyList<Inline> Convert(IReadOnlyList<INode> nodes)
    {
        var raw = new List<Inline>();
        Append(nodes, raw);
        return Normalize(raw);
    }

    public static IReadOnlyList<Inline> Convert(INode parent) => Convert(parent.ChildNodes.ToList());

    /// <summary>
    /// The text a reader sees, without markup: for titles and terms. The one plain-text walk of inlines
    /// (<see cref="Help.Core.Rendering.PlainText.Inline"/>): footnote references left out, white space collapsed.
    /// </summary>
    public static string PlainText(IReadOnlyList<Inline> inlines) => Help.Core.Rendering.PlainText.Inline(inlines);

    /// <summary>Collapses runs of HTML white space (space, tab, CR, LF, FF) to one space.</summary>
    public static string CollapseWhiteSpace(string text)
    {
        StringBuilder? sb = null;
        var inSpace = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (IsHtmlSpace(c))
            {
                if (!inSpace)
                {
                    sb ??= new StringBuilder(text.Length).Append(text, 0, i);
                    sb.Append(' ');
                    inSpace = true;
                }
                else
                {
                    sb ??= new StringBuilder(text.Length).Append(text, 0, i);
                }
                continue;
            }
            inSpace = false;
            sb?.Append(c);
        }
        if (sb is null)
        {
            return text;
        }
        return sb.ToString();
    }

    /// <summary>
    /// White space as docutils keeps it, which Sphinx's HTML writer leaves in the text: the reST source's
    /// line breaks become one space each, while spaces within a line stay as written (two after a
    /// sentence, as the text writer prints them). A run that holds a line break becomes one space.
    /// </summary>
    public static string SourceWhiteSpace(string text)
    {
        if (!text.AsSpan().ContainsAny('\n', '\r') && !text.AsSpan().ContainsAny('\t', '\f'))
        {
            return text;
        }
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length;)
        {
            if (!IsHtmlSpace(text[i]))
            {
                sb.Append(text[i++]);
                continue;
            }
            var start = i;
            var lineBreak = false;
            while (i < text.Length && IsHtmlSpace(text[i]))
            {
                lineBreak |= text[i] is '\n' or '\r';
                i++;
            }
            sb.Append(' ', lineBreak ? 1 : i - start);
        }
        return sb.ToString();
    }

    public static bool IsHtmlSpace(char c) => c is ' ' or '\t' or '\n' or '\r' or '\f';

    public static bool IsWhiteSpaceText(INode node) =>
        node.NodeType == NodeType.Text && node.TextContent.All(IsHtmlSpace);

    /// <summary>The text of a literal: words as written, separators kept, non-breaking spaces as spaces.</summary>
    public static string LiteralText(string text) =>
        text.Replace('\u00A0', ' ').Replace("\r\n", " ").Replace('\n', ' ').Replace('\r', ' ');

    private static void Append(IReadOnlyList<INode> nodes, List<Inline> output)
    {
        for (var i = 0; i < nodes.Count; i++)
        {
            var node = nodes[i];
            switch (node)
            {
                case IText text:
                    output.Add(new TextRun(SourceWhiteSpace(text.Data)));
                    break;
                case IElement element when IsPreSpan(element):
                    // docutils writes a literal as words in span.pre with the white space between them
                    // (HTML5 writer, visit_literal); outside a code element the group is one literal.
                    var sb = new StringBuilder(element.TextContent);
                    var end = i;
                    for (var j = i + 1; j < nodes.Count; j++)
                    {
                        if (nodes[j] is IElement next && IsPreSpan(next))
                        {
                            for (var k = end + 1; k < j; k++)
                            {
                                sb.Append(nodes[k].TextContent);
                            }
                            sb.Append(next.TextContent);
                            end = j;
                        }
                        else if (!IsWhiteSpaceText(nodes[j]))
                        {
                            break;
                        }
                    }
                    output.Add(new Code(LiteralText(sb.ToString())));
                    i = end;
                    break;
                case IElement element:
                    AppendElement(element, output);
                    break;
            }
        }
    }

    private static bool IsPreSpan(IElement element) =>
        element.LocalName == "span" && element.HasClass(SphinxSelectors.Pre);

    private static void AppendElement(IElement element, List<Inline> output)
    {
        switch (element.LocalName)
        {
            case "code" or "tt" or "kbd" or "samp":
                var literal = LiteralText(element.TextContent);
                if (literal.Length > 0)
                {
                    output.Add(new Code(literal));
                }
                return;
            case "em" or "i":
                output.Add(new Emphasis(Children(element)));
                return;
            case "strong" or "b":
                output.Add(new Strong(Children(element)));
                return;
            case "span" when element.HasClass(SphinxSelectors.TermReference):
                // A :term: reference: Sphinx's text writer shows it as emphasis (*iterable*), as pydoc does.
                output.Add(new Emphasis(Children(element)));
                return;
            case "abbr" when element.GetAttribute("title") is { Length: > 0 } explanation:
                // :abbr:`LIFO (last-in, first-out)`: the text writer spells the explanation out after it.
                Append(element.ChildNodes.ToList(), output);
                output.Add(new TextRun($" ({CollapseWhiteSpace(explanation)})"));
                return;
            case "sub" or "sup":
                output.Add(new Script(Children(element), element.LocalName == "sup"));
                return;
            case "br":
                output.Add(LineBreak.Instance);
                return;
            case "img":
                var alt = element.GetAttribute("alt");
                if (!string.IsNullOrWhiteSpace(alt))
                {
                    output.Add(new TextRun(CollapseWhiteSpace(alt)));
                }
                return;
            case "a" when element.HasClass(SphinxSelectors.TocBackref):
                // A title's link back to the contents directive: chrome around text that is not.
                Append(element.ChildNodes.ToList(), output);
                return;
            case "a" when element.HasClass(SphinxSelectors.FootnoteReference):
                output.Add(new FootnoteRef(FootnoteLabel(element.TextContent)));
                return;
            case "a" when element.GetAttribute("href") is { } href:
                var external = element.HasClass(SphinxSelectors.External) || HasScheme(href);
                output.Add(new Link(Children(element), href, external));
                return;
            default:
                Append(element.ChildNodes.ToList(), output);
                return;
        }
    }

    private static List<Inline> Children(IElement element)
    {
        var list = new List<Inline>();
        Append(element.ChildNodes.ToList(), list);
        return list;
    }

    /// <summary>A footnote label without its brackets: <c>[1]</c> and <c>1</c> both give <c>1</c>.</summary>
    public static string FootnoteLabel(string text) =>
        CollapseWhiteSpace(text).Trim().TrimStart('[').TrimEnd(']').Trim();

    // RFC 3986 section 3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ), followed by ":".
    private static bool HasScheme(string href)
    {
        var colon = href.IndexOf(':');
        if (colon <= 0 || !char.IsAsciiLetter(href[0]))
        {
            return false;
        }
        for (var i = 1; i < colon; i++)
        {
            var c = href[i];
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// Drops white space at the start of the block and after a space or line break, merges adjacent
    /// text, removes empty containers and trims the end, so that the result reads as a browser shows it.
    /// </summary>
    public static IReadOnlyList<Inline> Normalize(IReadOnlyList<Inline> raw)
    {
        var lastWasSpace = true;
        var list = NormalizeList(raw, ref lastWasSpace);
        TrimEnd(list);
        return list;
    }

    private static List<Inline> NormalizeList(IReadOnlyList<Inline> items, ref bool lastWasSpace)
    {
        var result = new List<Inline>(items.Count);
        foreach (var item in items)
        {
            switch (item)
            {
                case TextRun run:
                    var text = lastWasSpace ? run.Text.TrimStart(' ') : run.Text;
                    if (text.Length == 0)
                    {
                        break;
                    }
                    lastWasSpace = text[^1] == ' ';
                    if (result.Count > 0 && result[^1] is TextRun previous)
                    {
                        result[^1] = new TextRun(previous.Text + text);
                    }
                    else
                    {
                        result.Add(new TextRun(text));
                    }
                    break;
                case LineBreak:
                    TrimEnd(result);
                    result.Add(item);
                    lastWasSpace = true;
                    break;
                case Emphasis e:
                    AddContainer(result, NormalizeList(e.Content, ref lastWasSpace), c => new Emphasis(c));
                    break;
                case Strong s:
                    AddContainer(result, NormalizeList(s.Content, ref lastWasSpace), c => new Strong(c));
                    break;
                case Script s:
                    AddContainer(result, NormalizeList(s.Content, ref lastWasSpace), c => new Script(c, s.Superscript));
                    break;
                case Link l:
                    AddContainer(result, NormalizeList(l.Content, ref lastWasSpace), c => new Link(c, l.Target, l.External));
                    break;
                default:
                    result.Add(item);
                    lastWasSpace = false;
                    break;
            }
        }
        return result;
    }

    /// <summary>
    /// Adds a container, moving white space at its edges outside it (<c>&lt;b&gt; fry &lt;/b&gt;it</c> reads
    /// "fry it", with the space between the words, not inside the bold).
    /// </summary>
    private static void AddContainer(List<Inline> result, List<Inline> content, Func<List<Inline>, Inline> make)
    {
        if (content.Count > 0 && content[0] is TextRun { Text: [' ', ..] } first)
        {
            AppendText(result, " ");
            ReplaceOrRemove(content, 0, first.Text.TrimStart(' '));
        }
        var trailing = false;
        if (content.Count > 0 && content[^1] is TextRun { Text: [.., ' '] } last)
        {
            trailing = true;
            ReplaceOrRemove(content, content.Count - 1, last.Text.TrimEnd(' '));
        }
        if (content.Count > 0)
        {
            result.Add(make(content));
        }
        if (trailing)
        {
            AppendText(result, " ");
        }
    }

    private static void ReplaceOrRemove(List<Inline> list, int index, string text)
    {
        if (text.Length == 0)
        {
            list.RemoveAt(index);
        }
        else
        {
            list[index] = new TextRun(text);
        }
    }

    private static void AppendText(List<Inline> result, string text)
    {
        if (result.Count > 0 && result[^1] is TextRun previous)
        {
            if (!(text == " " && previous.Text.EndsWith(' ')))
            {
                result[^1] = new TextRun(previous.Text + text);
            }
        }
        else
        {
            result.Add(new TextRun(text));
        }
    }

    /// <summary>Removes trailing spaces from the last text of the list, descending into containers.</summary>
    private static void TrimEnd(List<Inline> list)
    {
        while (list.Count > 0)
        {
            var last = list[^1];
            Inline? replaced = last switch
            {
                TextRun t => t.Text.TrimEnd(' ') is { Length: > 0 } s ? new TextRun(s) : null,
                Emphasis e => Rebuild(e.Content, c => new Emphasis(c)),
                Strong s => Rebuild(s.Content, c => new Strong(c)),
                Script s => Rebuild(s.Content, c => new Script(c, s.Superscript)),
                Link l => Rebuild(l.Content, c => new Link(c, l.Target, l.External)),
                _ => last,
            };
            if (replaced is null)
            {
                list.RemoveAt(list.Count - 1);
                continue;
            }
            list[^1] = replaced;
            return;
        }
    }

    private static Inline? Rebuild(IReadOnlyList<Inline> content, Func<List<Inline>, Inline> make)
    {
        var copy = content.ToList();
        TrimEnd(copy);
        return copy.Count == 0 ? null : make(copy);
    }
}
