using Help.Core.Model;

namespace Help.Indexer.Sources.Rest;

/// <summary>
/// reST tables (docutils spec, "Tables"): grid tables, simple tables, and the <c>list-table</c>
/// directive. Cell text is parsed as body elements. Spans are read where the borders show them.
/// </summary>
internal static class RestTables
{
    public static bool IsGridBorder(string line) =>
        line.Length >= 3 && line[0] == '+' && line[^1] == '+' && line.All(c => c is '+' or '-' or '=' );

    public static bool IsSimpleBorder(string line) =>
        line.Length >= 2 && line.All(c => c is '=' or ' ') && line.Contains("= ", StringComparison.Ordinal) | line.All(c => c == '=');

    /// <summary>A grid table from line <paramref name="i"/>; returns the line after it.</summary>
    public static int Grid(RestBlockParser parser, string[] lines, int i, int depth, List<Block> blocks)
    {
        var end = i;
        while (end < lines.Length && lines[end].Length > 0 && lines[end][0] is '+' or '|')
        {
            end++;
        }
        var top = lines[i];
        var columns = new List<int>();
        for (var k = 0; k < top.Length; k++)
        {
            if (top[k] == '+')
            {
                columns.Add(k);
            }
        }
        var header = new List<TableRow>();
        var body = new List<TableRow>();
        var rowLines = new List<string>();
        for (var k = i + 1; k < end; k++)
        {
            var line = lines[k];
            if (line[0] == '+')
            {
                if (rowLines.Count > 0)
                {
                    body.Add(GridRow(parser, rowLines, columns, depth));
                }
                if (line.Contains('='))
                {
                    // The rows above a border of '=' are the header.
                    header.AddRange(body);
                    body.Clear();
                }
                rowLines.Clear();
                continue;
            }
            rowLines.Add(line);
        }
        if (rowLines.Count > 0)
        {
            body.Add(GridRow(parser, rowLines, columns, depth));
        }
        // docutils' colwidth for a grid table: the characters between the '+' signs of the top border.
        var widths = columns.Zip(columns.Skip(1), (from, to) => to - from - 1).ToArray();
        blocks.Add(new Table(header, body) { ColumnWidths = widths });
        return end;
    }

    private static TableRow GridRow(RestBlockParser parser, List<string> rowLines, List<int> columns, int depth)
    {
        var cells = new List<TableCell>();
        var first = rowLines[0];
        var c = 0;
        while (c < columns.Count - 1)
        {
            // A cell spans columns until a '|' stands at a column boundary in its first line.
            var span = 1;
            while (c + span < columns.Count - 1 && !(columns[c + span] < first.Length && first[columns[c + span]] == '|'))
            {
                span++;
            }
            var from = columns[c] + 1;
            var to = columns[c + span];
            var text = rowLines.Select(l => from < l.Length ? l[from..Math.Min(to, l.Length)].TrimEnd() : "").ToArray();
            var content = parser.ParseNested(RestBlockParser.Dedent(text, 0, text.Length), depth + 1);
            cells.Add(new TableCell(content, span));
            c += span;
        }
        return new TableRow(cells);
    }

    /// <summary>A simple table from line <paramref name="i"/>; returns the line after it.</summary>
    public static int Simple(RestBlockParser parser, string[] lines, int i, int depth, List<Block> blocks)
    {
        var border = lines[i];
        var end = i + 1;
        var borders = new List<int> { i };
        while (end < lines.Length)
        {
            if (IsSimpleBorder(lines[end]) && lines[end].Length > 0 && lines[end][0] == '=')
            {
                borders.Add(end);
                if (end + 1 >= lines.Length || lines[end + 1].Length == 0)
                {
                    end++;
                    break;
                }
            }
            end++;
        }
        var columns = new List<(int From, int To)>();
        for (var k = 0; k < border.Length;)
        {
            if (border[k] == '=')
            {
                var start = k;
                while (k < border.Length && border[k] == '=')
                {
                    k++;
                }
                columns.Add((start, k));
            }
            else
            {
                k++;
            }
        }
        var headerEnd = borders.Count >= 3 ? borders[1] : -1;
        var header = new List<TableRow>();
        var body = new List<TableRow>();
        var row = new List<string>();
        var rowIsHeader = false;
        void Flush()
        {
            if (row.Count > 0)
            {
                (rowIsHeader ? header : body).Add(SimpleRow(parser, row, columns, depth));
                row.Clear();
            }
        }
        for (var k = i + 1; k < end; k++)
        {
            var line = lines[k];
            if (borders.Contains(k) || (line.Length > 0 && line.All(ch => ch is '-' or ' ')))
            {
                Flush();
                continue;
            }
            if (line.Length == 0)
            {
                Flush();
                continue;
            }
            // A line whose first column is blank continues the row above.
            var firstBlank = line.Length <= columns[0].To && line.Trim().Length == 0 || line[..Math.Min(line.Length, columns[0].To)].Trim().Length == 0;
            if (!firstBlank)
            {
                Flush();
            }
            rowIsHeader = headerEnd > 0 && k < headerEnd;
            row.Add(line);
        }
        Flush();
        blocks.Add(new Table(header, body) { ColumnWidths = SimpleWidths(lines, i, end, columns) });
        return end;
    }

    /// <summary>
    /// docutils' colwidth for a simple table (tableparser.py, SimpleTableParser): each column's run of
    /// <c>=</c>, the last column widened to the longest text in it.
    /// </summary>
    private static int[] SimpleWidths(string[] lines, int start, int end, List<(int From, int To)> columns)
    {
        var lastEnd = columns[^1].To;
        for (var k = start + 1; k < end; k++)
        {
            if (!IsSimpleBorder(lines[k]))
            {
                lastEnd = Math.Max(lastEnd, lines[k].TrimEnd().Length);
            }
        }
        var widths = columns.Select(c => c.To - c.From).ToArray();
        widths[^1] = lastEnd - columns[^1].From;
        return widths;
    }

    private static TableRow SimpleRow(RestBlockParser parser, List<string> rowLines, List<(int From, int To)> columns, int depth)
    {
        var cells = new List<TableCell>();
        for (var c = 0; c < columns.Count; c++)
        {
            var from = columns[c].From;
            var isLast = c == columns.Count - 1;
            var to = isLast ? int.MaxValue : columns[c + 1].From;
            var text = rowLines.Select(l => from < l.Length ? l[from..Math.Min(to, l.Length)].TrimEnd() : "").ToArray();
            cells.Add(new TableCell(parser.ParseNested(RestBlockParser.Dedent(text, 0, text.Length), depth + 1)));
        }
        return new TableRow(cells);
    }

    /// <summary>The <c>list-table</c> directive: a bullet list of rows, each a bullet list of cells.</summary>
    public static IEnumerable<Block> ListTable(RestBlockParser parser, (string[] Arguments, Dictionary<string, string> Options, string[] Content) directive, int depth)
    {
        if (directive.Arguments.Length > 0 && string.Join(' ', directive.Arguments).Trim() is { Length: > 0 } caption)
        {
            // The title is the table's caption, which the HTML importer reads as a rubric.
            yield return new Rubric(parser.ParseInlines(caption));
        }
        var headerRows = directive.Options.TryGetValue("header-rows", out var h) && int.TryParse(h, out var hr) ? hr : 0;
        var blocks = parser.ParseNested(directive.Content, depth + 1);
        var rows = new List<TableRow>();
        foreach (var list in blocks.OfType<BulletList>())
        {
            foreach (var item in list.Items)
            {
                var cells = item.Content.OfType<BulletList>().FirstOrDefault()?.Items.Select(i => new TableCell(i.Content)).ToList() ?? [];
                rows.Add(new TableRow(cells));
            }
        }
        yield return new Table(rows.Take(headerRows).ToList(), rows.Skip(headerRows).ToList());
    }
}
