using System.Text;

namespace Help.Indexer.Pipeline;

/// <summary>Reads a text source as UTF-8, the encoding Sphinx and Markdown sources are written in.</summary>
public static class SourceText
{
    private static readonly UTF8Encoding Strict = new(false, true);
    private static readonly UTF8Encoding Lenient = new(false, false);

    /// <summary>
    /// The file's text. Bytes that are not UTF-8 are read as U+FFFD and reported once, with the
    /// offset of the first, so the rest of the file is still indexed.
    /// </summary>
    public static string Read(string path, Diagnostics diagnostics)
    {
        var bytes = File.ReadAllBytes(path);
        var start = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? 3 : 0;
        try
        {
            return Strict.GetString(bytes, start, bytes.Length - start);
        }
        catch (DecoderFallbackException e)
        {
            diagnostics.Warn(path, $"not valid UTF-8 (first bad byte at offset {start + e.Index}); bad bytes read as U+FFFD");
            return Lenient.GetString(bytes, start, bytes.Length - start);
        }
    }

    /// <summary>
    /// A topic file's text, or null when it is skipped: too large, unreadable, or binary (NUL bytes; not
    /// <paramref name="format"/>). Each problem is reported once against the path.
    /// </summary>
    public static string? ReadTopicFile(string path, string format, Diagnostics diagnostics)
    {
        try
        {
            if (SourceLimits.TooLarge(path) is { } tooLarge)
            {
                diagnostics.Skip(path, tooLarge);
                return null;
            }
            var text = Read(path, diagnostics);
            if (text.Contains('\0'))
            {
                diagnostics.Skip(path, $"binary file (NUL bytes), not {format}");
                return null;
            }
            return text;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Skip(path, $"cannot read: {e.Message}");
            return null;
        }
    }
}
