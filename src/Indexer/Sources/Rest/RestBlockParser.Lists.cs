using Help.Indexer.Sources.Highlighting;
using System.Text;
using Help.Core.Model;

namespace Help.Indexer.Sources.Rest;

// Lists, field lists, line blocks, paragraphs and definition lists (docutils spec, "Body Elements").
internal sealed partial class RestBlockParser
{
    // --- Lists.

    private static string? BulletMarker(string line)
    {
        if (line.Length >= 1 && "*+-\u2022\u2023\u2043".Contains(line[0]) && (line.Length == 1 || line[1] == ' '))
        {
            return line[..1];
        }
        return null;
    }

    private int BulletList(string[] lines, int i, string bullet, int depth, List<Block> blocks)
    {
        var items = new List<ListItem>();
        while (i < lines.Length && BulletMarker(lines[i]) == bullet)
        {
            var end = IndentedEnd(lines, i + 1, 1);
            var first = lines[i].Length > 2 ? lines[i][2..].TrimStart() : "";
            items.Add(new ListItem(ParseNested(Body(first, lines, i + 1, end), depth + 1)));
            i = SkipBlank(lines, end);
        }
        blocks.Add(new BulletList(items));
        return i;
    }

    private (string Style, int Value, int Width)? EnumeratorAt(string[] lines, int i)
    {
        var m = Enumerator().Match(lines[i]);
        if (!m.Success)
        {
            return null;
        }
        // docutils: an enumerator is a list only when the next line is blank, indented, or another item.
        if (i + 1 < lines.Length && lines[i + 1].Length > 0 && lines[i + 1][0] != ' ' && !Enumerator().IsMatch(lines[i + 1]))
        {
            return null;
        }
        var token = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value;
        var style = token == "#" ? "#" : char.IsAsciiDigit(token[0]) ? "1" : char.IsAsciiLetterLower(token[0]) ? "a" : "A";
        var value = style switch
        {
            "1" => int.TryParse(token, out var v) ? v : 1,
            "#" => 1,
            _ => char.ToLowerInvariant(token[0]) - 'a' + 1,
        };
        return (style, value, m.Length);
    }

    private int EnumeratedList(string[] lines, int i, (string Style, int Value, int Width) first, int depth, List<Block> blocks)
    {
        var items = new List<ListItem>();
        while (i < lines.Length && EnumeratorAt(lines, i) is { } e && (items.Count == 0 || e.Style == first.Style || e.Style == "#"))
        {
            var end = IndentedEnd(lines, i + 1, 1);
            var text = lines[i][e.Width..].TrimStart();
            items.Add(new ListItem(ParseNested(Body(text, lines, i + 1, end), depth + 1)));
            i = SkipBlank(lines, end);
        }
        blocks.Add(new EnumeratedList(items, first.Value));
        return i;
    }

    private int FieldList(string[] lines, int i, int depth, List<Block> blocks)
    {
        var fields = new List<Field>();
        while (i < lines.Length && FieldMarker().Match(lines[i]) is { Success: true } m)
        {
            var end = IndentedEnd(lines, i + 1, 1);
            var body = Body(m.Groups[2].Value.Trim(), lines, i + 1, end);
            fields.Add(new Field(ParseInlines(m.Groups[1].Value), ParseNested(body, depth + 1)));
            i = SkipBlank(lines, end);
        }
        blocks.Add(new FieldList(fields));
        return i;
    }

    private int LineBlock(string[] lines, int i, List<Block> blocks)
    {
        var result = new List<IReadOnlyList<Inline>>();
        while (i < lines.Length && (lines[i] == "|" || lines[i].StartsWith("| ", StringComparison.Ordinal)))
        {
            var text = new StringBuilder(lines[i].Length > 2 ? lines[i][2..] : "");
            i++;
            // A continuation line is indented.
            while (i < lines.Length && lines[i].StartsWith(' ') && lines[i].Trim().Length > 0)
            {
                text.Append('\n').Append(lines[i].Trim());
                i++;
            }
            result.Add(ParseInlines(text.ToString().Trim()));
        }
        blocks.Add(new LineBlock(result));
        return i;
    }

    // --- Paragraphs, literal blocks, definition lists.

    private int Paragraph(string[] lines, int i, int depth, List<Block> blocks)
    {
        var start = i;
        var n = lines.Length;
        while (i < n && lines[i].Length > 0 && lines[i][0] != ' ')
        {
            i++;
        }
        if (i < n && lines[i].Length > 0 && i - start == 1)
        {
            return DefinitionList(lines, start, depth, blocks);
        }
        var text = string.Join('\n', lines[start..i]);
        var literal = text.EndsWith("::", StringComparison.Ordinal);
        if (literal)
        {
            text = text == "::" ? "" : text.EndsWith(" ::", StringComparison.Ordinal) || text.EndsWith("\n::", StringComparison.Ordinal)
                ? text[..^3].TrimEnd() : text[..^1];
        }
        if (text.Length > 0)
        {
            var noted = NotedIds.Count;
            var inlines = ParseInlines(text);
            // The index targets its roles made (:pep:, :index:) are anchors before it, as the HTML importer places them.
            blocks.AddRange(NotedIds.Skip(noted).Select(e => new Anchor(e.Id)));
            if (inlines.Count > 0)
            {
                blocks.Add(new Paragraph(inlines));
            }
        }
        if (literal)
        {
            var next = SkipBlank(lines, i);
            if (next < n && lines[next].StartsWith(' '))
            {
                var end = IndentedEnd(lines, next + 1, 1);
                blocks.Add(CodeHighlighter.Colour(new LiteralBlock(string.Join('\n', Dedent(lines, next, end)), _directives.HighlightLanguage)));
                return end;
            }
        }
        return i;
    }

    private int DefinitionList(string[] lines, int i, int depth, List<Block> blocks)
    {
        var items = new List<DefinitionItem>();
        while (i + 1 < lines.Length && lines[i].Length > 0 && lines[i][0] != ' ' && lines[i + 1].StartsWith(' ')
            && lines[i + 1].Trim().Length > 0)
        {
            var end = IndentedEnd(lines, i + 2, 1);
            var term = lines[i];
            // docutils: " : " separates classifiers from the term.
            var classifier = term.IndexOf(" : ", StringComparison.Ordinal);
            if (classifier > 0)
            {
                term = term[..classifier];
            }
            items.Add(new DefinitionItem(ParseInlines(term), ParseNested(Dedent(lines, i + 1, end), depth + 1)));
            var next = SkipBlank(lines, end);
            if (next >= lines.Length || next == end || !(next + 1 < lines.Length && lines[next + 1].StartsWith(' ') && lines[next + 1].Trim().Length > 0)
                || lines[next][0] == ' ' || lines[next].StartsWith("..", StringComparison.Ordinal) || BulletMarker(lines[next]) is not null
                || FieldMarker().IsMatch(lines[next]))
            {
                i = end;
                break;
            }
            i = next;
        }
        blocks.Add(new DefinitionList(items));
        return i;
    }
}
