using System.Text.RegularExpressions;

namespace Help.Indexer.Sources.Sphinx;

/// <summary>
/// The column widths of a page's tables, read from the reST source Sphinx copies beside the HTML
/// (<c>_sources/PAGE.rst.txt</c>). The HTML drops them, and Sphinx's text writer (which made pydoc's
/// topics) lays every table out at them, so the text renderer needs them to read like pydoc.
/// </summary>
/// <remarks>
/// Widths as docutils computes <c>colwidth</c> (docutils/parsers/rst/tableparser.py): for a grid table,
/// the characters between the <c>+</c> signs of its top border; for a simple table, the span of each
/// column's <c>=</c> run, the last column widened to the longest text in it. <c>list-table</c> and
/// <c>csv-table</c> directives make tables too; they count (so that the n-th table of the source is the
/// n-th of the page) but give no widths.
/// </remarks>
internal static partial class SphinxSourceTables
{
    /// <summary>The source file of <paramref name="pagePath"/> under <paramref name="root"/>, or null when the tree has none.</summary>
    public static string? SourceOf(string root, string pagePath)
    {
        var page = pagePath.EndsWith(".html", StringComparison.OrdinalIgnoreCase) ? pagePath[..^5] : pagePath;
        // Sphinx ≥ 1.5 names the copy PAGE.rst.txt; older builds wrote PAGE.txt.
        foreach (var candidate in (string[])[page + ".rst.txt", page + ".txt"])
        {
            var path = Path.Combine(root, "_sources", candidate);
            if (File.Exists(path))
            {
                return path;
            }
        }
        return null;
    }

    /// <summary>Each table of the source in document order: its column widths, or null where the source does not draw them.</summary>
    public static List<int[]?> Read(string rst)
    {
        var lines = rst.Replace("\r\n", "\n").Split('\n');
        var tables = new List<int[]?>();
        var i = 0;
        while (i < lines.Length)
        {
            var line = lines[i];
            if (GridBorder().IsMatch(line))
            {
                tables.Add(GridWidths(line));
                i = SkipGrid(lines, i);
            }
            else if (SimpleBorder().IsMatch(line) && (i == 0 || lines[i - 1].Trim().Length == 0) && SimpleTable(lines, i) is var (widths, end))
            {
                tables.Add(widths);
                i = end + 1;
            }
            else if (TableDirective().IsMatch(line))
            {
                tables.Add(null);
                i++;
            }
            else if (LiteralIntroduction(line))
            {
                i = SkipIndented(lines, i);
            }
            else
            {
                i++;
            }
        }
        return tables;
    }

    private static int[] GridWidths(string border)
    {
        var segments = border.Trim().Split('+', StringSplitOptions.RemoveEmptyEntries);
        return segments.Select(s => s.Length).ToArray();
    }

    private static int SkipGrid(string[] lines, int start)
    {
        var indent = Indent(lines[start]);
        var i = start + 1;
        while (i < lines.Length && Indent(lines[i]) == indent && lines[i].TrimStart() is ['+' or '|', ..])
        {
            i++;
        }
        return i;
    }

    /// <summary>A simple table starting at its top border: the widths, and the line of its bottom border.</summary>
    private static (int[] Widths, int End)? SimpleTable(string[] lines, int start)
    {
        var border = lines[start];
        var columns = new List<(int Start, int End)>();
        foreach (Match run in EqualsRun().Matches(border))
        {
            columns.Add((run.Index, run.Index + run.Length));
        }
        // The bottom border: a border line followed by a blank line or the end of the text.
        var end = -1;
        for (var j = start + 1; j < lines.Length; j++)
        {
            if (SimpleBorder().IsMatch(lines[j]) && (j + 1 == lines.Length || lines[j + 1].Trim().Length == 0))
            {
                end = j;
                break;
            }
        }
        if (end < 0)
        {
            return null;
        }
        var lastEnd = columns[^1].End;
        for (var j = start + 1; j < end; j++)
        {
            if (!SimpleBorder().IsMatch(lines[j]))
            {
                lastEnd = Math.Max(lastEnd, lines[j].TrimEnd().Length);
            }
        }
        columns[^1] = (columns[^1].Start, lastEnd);
        return (columns.Select(c => c.End - c.Start).ToArray(), end);
    }

    /// <summary>A paragraph ending in <c>::</c>, or a directive whose content is code: what follows, indented, is literal.</summary>
    private static bool LiteralIntroduction(string line)
    {
        var text = line.TrimEnd();
        if (!text.EndsWith("::", StringComparison.Ordinal))
        {
            return false;
        }
        var directive = DirectiveName().Match(text);
        return !directive.Success || CodeDirectives.Contains(directive.Groups[1].Value);
    }

    private static readonly HashSet<string> CodeDirectives =
        ["code-block", "code", "sourcecode", "productionlist", "doctest", "testcode", "testoutput", "parsed-literal"];

    private static int SkipIndented(string[] lines, int start)
    {
        var indent = Indent(lines[start]);
        var i = start + 1;
        while (i < lines.Length && (lines[i].Trim().Length == 0 || Indent(lines[i]) > indent))
        {
            i++;
        }
        return i;
    }

    private static int Indent(string line) => line.Length - line.TrimStart().Length;

    [GeneratedRegex(@"^\s*\+(-+\+)+\s*$")]
    private static partial Regex GridBorder();

    /// <summary>At least two columns: a single run of <c>=</c> is a section title's adornment.</summary>
    [GeneratedRegex(@"^\s*=+( +=+)+\s*$")]
    private static partial Regex SimpleBorder();

    [GeneratedRegex("=+")]
    private static partial Regex EqualsRun();

    [GeneratedRegex(@"^\s*\.\.\s+(list-table|csv-table)::")]
    private static partial Regex TableDirective();

    [GeneratedRegex(@"^\s*\.\.\s+([\w-]+)::")]
    private static partial Regex DirectiveName();
}
