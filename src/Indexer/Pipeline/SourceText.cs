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
}
