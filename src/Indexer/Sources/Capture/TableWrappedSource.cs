namespace Help.Indexer.Sources.Capture;

/// <summary>
/// A page whose source was captured from a table view: every line of the HTML became a row
/// <c>| line | |</c> (the last one <c>| line |</c>), with the viewer's own lines ("Spaces:",
/// "Sleeping") above the first row. The rows' leading white space is gone and cannot be restored.
/// </summary>
public static class TableWrappedSource
{
    /// <summary>Rows looked at to decide; a clean page is rejected on its first lines.</summary>
    private const int SampleRows = 20;

    /// <summary>Lines before the first row that may be viewer chrome; more than this and it is not this kind of capture.</summary>
    private const int MaxChromeLines = 12;

    public static bool TryUnwrap(string text, out string unwrapped, out string note)
    {
        unwrapped = text;
        note = "";
        var lines = text.Split('\n');
        var first = -1;
        for (var i = 0; i < Math.Min(lines.Length, MaxChromeLines + 1); i++)
        {
            if (IsRow(lines[i]))
            {
                first = i;
                break;
            }
        }
        if (first < 0 || !LooksWrapped(lines, first))
        {
            return false;
        }

        var kept = new List<string>(lines.Length);
        var others = 0;
        for (var i = first; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (Cell(line) is { } cell)
            {
                kept.Add(cell);
            }
            else if (line.Trim().Length > 0)
            {
                others++; // A line outside the table, after it started: viewer chrome at the end.
            }
        }
        var content = string.Join('\n', kept);
        if (!content.Contains("<html", StringComparison.OrdinalIgnoreCase))
        {
            return false; // A table of something else: leave it alone.
        }
        unwrapped = content;
        var chrome = lines.Take(first).Where(l => l.Trim().Length > 0).ToList();
        note = $"capture noise removed: {kept.Count} lines of HTML source unwrapped from '| ... | |' table rows"
            + (chrome.Count > 0 ? $", {chrome.Count} lines of page chrome before them ({CaptureNoise.Quote(chrome[0])})" : "")
            + (others > 0 ? $", {others} other lines among them" : "")
            + "; the rows' indentation was lost, so code blocks may be unindented";
        return true;
    }

    private static bool LooksWrapped(string[] lines, int first)
    {
        var rows = 0;
        var sampled = 0;
        for (var i = first; i < lines.Length && sampled < SampleRows; i++)
        {
            if (lines[i].Trim().Length == 0) continue;
            sampled++;
            if (IsRow(lines[i])) rows++;
        }
        // Nearly every line is a row; a Markdown table inside a page would not fill the first lines.
        return sampled >= 3 && rows * 10 >= sampled * 9;
    }

    private static bool IsRow(string line) => Cell(line.TrimEnd('\r')) is not null;

    /// <summary>The text of a row <c>| text | |</c> or <c>| text |</c>; null when the line is not one.</summary>
    private static string? Cell(string line)
    {
        if (!line.StartsWith("| ", StringComparison.Ordinal))
        {
            return null;
        }
        if (line.EndsWith(" | |", StringComparison.Ordinal) && line.Length >= 6)
        {
            return line[2..^4];
        }
        if (line.EndsWith(" |", StringComparison.Ordinal) && line.Length >= 4)
        {
            return line[2..^2];
        }
        return null;
    }
}
