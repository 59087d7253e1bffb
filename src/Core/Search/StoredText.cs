using System.IO.Compression;
using System.Text;

namespace Help.Core.Search;

/// <summary>
/// A body as stored in the search index: UTF-8, Brotli-compressed (RFC 7932), one stream per row, so that
/// a snippet inflates only the rows shown.
/// </summary>
internal static class StoredText
{
    // Measured on the 15,000 bodies of python3.11-doc (bench/README.md): quality 5 with a 64 KiB window
    // gives 4.88 MB in 0.4 s; quality 9 the same size; the default 4 MiB window took 27 s, since each call
    // sets up hash tables for the whole window, and no row needs it.
    private const int Quality = 5;
    private const int Window = 16;

    public static byte[] Compress(string text)
    {
        var utf8 = Encoding.UTF8.GetBytes(text);
        var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(utf8.Length)];
        if (!BrotliEncoder.TryCompress(utf8, buffer, out var written, Quality, Window))
        {
            throw new InvalidOperationException("Brotli could not compress a search index body.");
        }
        return buffer.AsSpan(0, written).ToArray();
    }

    /// <summary>The text of a stored body; a damaged one reads as empty (its snippet falls back to the summary).</summary>
    public static string Inflate(byte[]? stored) => Encoding.UTF8.GetString(InflateUtf8(stored));

    /// <summary>As <see cref="Inflate"/>, the UTF-8 bytes as stored.</summary>
    public static byte[] InflateUtf8(byte[]? stored)
    {
        if (stored is null || stored.Length == 0)
        {
            return [];
        }
        try
        {
            using var input = new BrotliStream(new MemoryStream(stored, writable: false), CompressionMode.Decompress);
            using var output = new MemoryStream(stored.Length * 4);
            input.CopyTo(output);
            return output.ToArray();
        }
        catch (InvalidDataException)
        {
            return [];
        }
    }
}
