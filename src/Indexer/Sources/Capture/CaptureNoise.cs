namespace Help.Indexer.Sources.Capture;

/// <summary>What <see cref="CaptureNoise.Clean"/> took off a captured page, and the page that is left.</summary>
/// <param name="Text">The document as its generator wrote it (or as near as the capture allows).</param>
/// <param name="Removed">One line per kind of noise removed, for the build's diagnostics; empty for a clean page.</param>
public sealed record CleanedCapture(string Text, IReadOnlyList<string> Removed)
{
    public bool Changed => Removed.Count > 0;
}

/// <summary>
/// Removes what a web capture put around an HTML page before the page is parsed: its source shown
/// as a table, one <c>| line | |</c> row per line (<see cref="TableWrappedSource"/>), and a banner,
/// file-manager or path header before the doctype (<see cref="HeaderBeforeDocument"/>). Both are
/// recognized by content; a clean page comes back as it is, at the cost of looking at its first lines.
/// </summary>
public static class CaptureNoise
{
    public static CleanedCapture Clean(string text)
    {
        var removed = new List<string>();
        // Unwrapping first: the wrapped rows hide the doctype the header step looks for.
        if (TableWrappedSource.TryUnwrap(text, out var unwrapped, out var wrapNote))
        {
            text = unwrapped;
            removed.Add(wrapNote);
        }
        if (HeaderBeforeDocument.TryStrip(text, out var stripped, out var headerNote))
        {
            text = stripped;
            removed.Add(headerNote);
        }
        return new CleanedCapture(text, removed);
    }

    /// <summary>The first line of some removed text, shortened, to quote in a diagnostic.</summary>
    internal static string Quote(string line)
    {
        line = line.Trim();
        return line.Length <= 40 ? $"\"{line}\"" : $"\"{line[..40]}...\"";
    }
}
