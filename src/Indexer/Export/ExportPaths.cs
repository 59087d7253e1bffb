namespace Help.Indexer.Export;

/// <summary>Where a topic's page goes in an export that writes pages.</summary>
public static class ExportPaths
{
    private static readonly string[] SourceSuffixes = [".rst", ".md", ".txt"];

    /// <summary>
    /// The page as a relative <c>.html</c> path, or null when it cannot be one safely (no page, a
    /// rooted path, <c>..</c>, a scheme). Source files (<c>.rst</c>, <c>.md</c>, <c>.txt</c>) become
    /// the <c>.html</c> page built from them, as Sphinx names it.
    /// </summary>
    public static string? HtmlPage(string? sourcePage)
    {
        if (string.IsNullOrWhiteSpace(sourcePage))
        {
            return null;
        }
        var page = sourcePage.Replace('\\', '/');
        foreach (var suffix in SourceSuffixes)
        {
            if (page.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                page = page[..^suffix.Length] + ".html";
            }
        }
        var parts = page.Split('/');
        if (page.StartsWith('/') || page.Contains(':') || page.Contains('#') || page.Contains('?')
            || parts.Any(p => p is "" or "." or "..")
            || !(page.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || page.EndsWith(".htm", StringComparison.OrdinalIgnoreCase)))
        {
            return null;
        }
        return page;
    }

    /// <summary>A file name made from a key: letters, digits, <c>.</c>, <c>-</c>, <c>_</c> kept, anything else as <c>_XX</c>.</summary>
    public static string FileNameOf(string key)
    {
        var sb = new System.Text.StringBuilder(key.Length + 8);
        foreach (var c in key)
        {
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' || (c == '.' && sb.Length > 0))
            {
                sb.Append(c);
            }
            else
            {
                sb.Append('_').Append(((int)c).ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return sb.Length == 0 ? "_" : sb.ToString();
    }
}
