using System.Text;

namespace Help.Core.Rendering.Text;

/// <summary>
/// A grid table laid out as Sphinx's <c>Table</c> and <c>Cell</c> classes do (sphinx/writers/text.py):
/// each cell's text filled to its column width, <c>+---+</c> rules between rows, <c>|===|</c> under the
/// header rows, cells spanning rows or columns drawn open across the rules they cover.
/// </summary>
/// <remarks>
/// Sphinx takes the column widths from the source (<c>colspec</c> widths: the columns of a grid table
/// as drawn in the reST); <see cref="Help.Core.Model.Table.ColumnWidths"/> carries them when the importer
/// found them. Without them, <see cref="ColumnWidths"/> derives widths from the content: each column as
/// wide as its widest cell on one line, then the widest columns narrowed in turn until the table fits
/// the width left, never below a column's longest word.
/// </remarks>
internal sealed class TextTable
{
    private readonly List<List<TextTableCell?>> _lines = [];
    private int _currentLine;
    private int _currentColumn;

    /// <summary>The line index the header rule goes above; 0 for no header.</summary>
    public int Separator { get; private set; }

    public int ColumnCount => _lines.Count == 0 ? 0 : _lines.Max(l => l.Count);

    /// <summary>Starts the next row (Sphinx's <c>add_row</c>); not needed before the first.</summary>
    public void AddRow()
    {
        _currentLine++;
        _currentColumn = 0;
    }

    /// <summary>The header rule goes below the rows added so far.</summary>
    public void SetSeparator() => Separator = _lines.Count;

    /// <summary>Places a cell in the next free column of the current row, covering every position it spans.</summary>
    public void AddCell(TextTableCell cell)
    {
        while (Get(_currentLine, _currentColumn) is not null)
        {
            _currentColumn++;
        }
        Set(_currentLine, _currentColumn, cell);
        _currentColumn += cell.ColumnSpan;
    }

    private TextTableCell? Get(int line, int column)
    {
        EnsureSize(line + 1, column + 1);
        return _lines[line][column];
    }

    private void Set(int line, int column, TextTableCell cell)
    {
        EnsureSize(line + cell.RowSpan, column + cell.ColumnSpan);
        cell.Row = line;
        cell.Column = column;
        for (var dl = 0; dl < cell.RowSpan; dl++)
        {
            for (var dc = 0; dc < cell.ColumnSpan; dc++)
            {
                _lines[line + dl][column + dc] = cell;
            }
        }
    }

    private void EnsureSize(int lines, int columns)
    {
        while (_lines.Count < lines)
        {
            _lines.Add([]);
        }
        var width = Math.Max(columns, ColumnCount);
        foreach (var line in _lines)
        {
            while (line.Count < width)
            {
                line.Add(null);
            }
        }
    }

    /// <summary>
    /// Column widths from the content (see the remarks): <paramref name="available"/> is the room for
    /// cell text, the width minus the indent and the borders.
    /// </summary>
    public int[] ColumnWidths(int available)
    {
        FillHoles();
        var columns = ColumnCount;
        var natural = new int[columns];
        var minimum = new int[columns];
        // Single columns first; then a cell spanning several widens them evenly where it needs more.
        foreach (var cell in Cells.OrderBy(c => c.ColumnSpan))
        {
            var oneLine = TextWrap.Wrap(cell.Text, int.MaxValue / 2);
            var cellNatural = oneLine.Select(DisplayWidth.Of).DefaultIfEmpty(0).Max();
            var cellMinimum = TextWrap.Split(string.Join(" ", oneLine))
                .Where(chunk => !string.IsNullOrWhiteSpace(chunk))
                .Select(DisplayWidth.Of)
                .DefaultIfEmpty(0)
                .Max();
            Widen(natural, cell, cellNatural);
            Widen(minimum, cell, cellMinimum);
        }
        var widths = new int[columns];
        for (var c = 0; c < columns; c++)
        {
            minimum[c] = Math.Max(minimum[c], 1);
            widths[c] = Math.Max(natural[c], minimum[c]);
        }
        while (widths.Sum() > available)
        {
            var widest = -1;
            for (var c = 0; c < columns; c++)
            {
                if (widths[c] > minimum[c] && (widest < 0 || widths[c] > widths[widest]))
                {
                    widest = c;
                }
            }
            if (widest < 0)
            {
                break;
            }
            widths[widest]--;
        }
        return widths;
    }

    /// <summary>Widens the columns <paramref name="cell"/> covers, evenly, until it has <paramref name="needed"/> columns of room.</summary>
    private static void Widen(int[] widths, TextTableCell cell, int needed)
    {
        var missing = needed - CellWidth(cell, widths);
        for (var i = 0; missing > 0; i = (i + 1) % cell.ColumnSpan, missing--)
        {
            widths[cell.Column + i]++;
        }
    }

    /// <summary>Rows with fewer cells than others get empty ones, so that every position has a cell.</summary>
    private void FillHoles()
    {
        for (var line = 0; line < _lines.Count; line++)
        {
            for (var column = 0; column < _lines[line].Count; column++)
            {
                if (_lines[line][column] is null)
                {
                    Set(line, column, new TextTableCell(""));
                }
            }
        }
    }

    private IEnumerable<TextTableCell> Cells
    {
        get
        {
            var seen = new HashSet<TextTableCell>(ReferenceEqualityComparer.Instance);
            foreach (var line in _lines)
            {
                foreach (var cell in line)
                {
                    if (cell is not null && seen.Add(cell))
                    {
                        yield return cell;
                    }
                }
            }
        }
    }

    /// <summary>Sphinx's <c>Table.__str__</c> with <paramref name="columnWidths"/> as the <c>colwidth</c>.</summary>
    public string Render(int[] columnWidths)
    {
        FillHoles();
        // rewrap: fill each cell to the width of the columns it covers; a column grows to fit a wider line.
        var measured = (int[])columnWidths.Clone();
        foreach (var cell in Cells)
        {
            cell.Wrapped = TextWrap.Wrap(cell.Text, CellWidth(cell, columnWidths));
            if (cell.Wrapped.Count == 0)
            {
                continue;
            }
            var width = (int)Math.Ceiling(cell.Wrapped.Max(DisplayWidth.Of) / (double)cell.ColumnSpan);
            for (var c = cell.Column; c < cell.Column + cell.ColumnSpan; c++)
            {
                measured[c] = Math.Max(measured[c], width);
            }
        }

        var output = new List<string>();
        for (var lineNo = 0; lineNo < _lines.Count; lineNo++)
        {
            var line = _lines[lineNo];
            output.Add(Rule(Separator != 0 && lineNo == Separator ? '=' : '-', lineNo, measured));
            var physicalLines = Math.Max(1, line.Max(c => c!.Wrapped.Count));
            for (var physical = 0; physical < physicalLines; physical++)
            {
                var text = new StringBuilder("|");
                for (var colNo = 0; colNo < line.Count; colNo++)
                {
                    var cell = line[colNo]!;
                    if (cell.Column != colNo)
                    {
                        continue;
                    }
                    // A cell spanning rows prints its text in its first row only.
                    var part = lineNo != cell.Row || physical >= cell.Wrapped.Count ? "" : cell.Wrapped[physical];
                    text.Append(' ').Append(part).Append(' ', Math.Max(CellWidth(cell, measured) + 1 - DisplayWidth.Of(part), 0)).Append('|');
                }
                output.Add(text.ToString());
            }
        }
        output.Add(Rule('-', null, measured));
        return string.Join("\n", output);
    }

    /// <summary>The width of the columns a cell covers, with the borders between them.</summary>
    private static int CellWidth(TextTableCell cell, int[] widths)
    {
        var width = 0;
        for (var i = 0; i < cell.ColumnSpan; i++)
        {
            width += widths[cell.Column + i];
        }
        return width + ((cell.ColumnSpan - 1) * 3);
    }

    /// <summary>
    /// Sphinx's <c>writesep</c>: the rule above <paramref name="lineNo"/> (or the last one), left open
    /// where a cell continues from the row above; <c>+</c> where a <c>-</c> rule meets, else <c>|</c>.
    /// </summary>
    private string Rule(char fill, int? lineNo, int[] widths)
    {
        var parts = new List<string>();
        for (var colNo = 0; colNo < widths.Length; colNo++)
        {
            var continues = lineNo is > 0 && ReferenceEquals(_lines[lineNo.Value][colNo], _lines[lineNo.Value - 1][colNo]);
            parts.Add(new string(continues ? ' ' : fill, widths[colNo] + 2));
        }
        var text = new StringBuilder();
        text.Append(parts[0][0] == '-' ? '+' : '|');
        for (var i = 0; i < parts.Count; i++)
        {
            text.Append(parts[i]);
            if (i + 1 < parts.Count)
            {
                text.Append(parts[i][0] == '-' || parts[i + 1][0] == '-' ? '+' : '|');
            }
        }
        text.Append(parts[^1][0] == '-' ? '+' : '|');
        return text.ToString();
    }
}

/// <summary>One cell of a <see cref="TextTable"/>: its text (paragraphs joined by line ends) and span.</summary>
internal sealed class TextTableCell(string text, int rowSpan = 1, int columnSpan = 1)
{
    public string Text { get; } = text;

    public int RowSpan { get; } = Math.Max(rowSpan, 1);

    public int ColumnSpan { get; } = Math.Max(columnSpan, 1);

    public int Row { get; set; }

    public int Column { get; set; }

    public List<string> Wrapped { get; set; } = [];
}
