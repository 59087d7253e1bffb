namespace Help.Indexer.Sources.Capture;

/// <summary>
/// Lines a capture put before the document: a server banner and file-manager header ("Server:
/// Apache", "Upload Files"), a path line ("File: //usr/share/doc/..."). An HTML document starts
/// with its doctype or its <c>html</c> element (HTML Living Standard, 13.1 "Writing HTML documents":
/// optional BOM, comments and white space, then the DOCTYPE); plain text lines before it are noise.
/// </summary>
public static class HeaderBeforeDocument
{
    /// <summary>How far into the text the document start is looked for.</summary>
    private const int SearchLimit = 16 * 1024;

    public static bool TryStrip(string text, out string stripped, out string note)
    {
        stripped = text;
        note = "";
        var start = DocumentStart(text);
        if (start <= 0)
        {
            return false;
        }
        var header = text[..start];
        // Only plain text counts as a header: markup before the doctype (a comment) belongs to the page.
        if (header.Trim().TrimStart('\uFEFF').Length == 0 || header.Contains('<'))
        {
            return false;
        }
        var lines = header.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        stripped = text[start..];
        note = $"capture noise removed: {lines.Count} line{(lines.Count == 1 ? "" : "s")} before the doctype ({CaptureNoise.Quote(lines[0])}"
            + (lines.Count > 1 ? $" ... {CaptureNoise.Quote(lines[^1])})" : ")");
        return true;
    }

    /// <summary>The offset of <c>&lt;!DOCTYPE html</c>, else of <c>&lt;html</c>, at a line start; -1 when neither is near the top.</summary>
    private static int DocumentStart(string text)
    {
        var head = text.Length > SearchLimit ? text[..SearchLimit] : text;
        foreach (var marker in new[] { "<!DOCTYPE html", "<html" })
        {
            var at = head.IndexOf(marker, StringComparison.OrdinalIgnoreCase);
            if (at >= 0 && (at == 0 || head[at - 1] == '\n'))
            {
                return at;
            }
        }
        return -1;
    }
}
