using System.Text;
using Help.Indexer.Sources.Capture;
using Help.Indexer.Sources.Markdown;
using Help.Indexer.Sources.Rest;

namespace Help.Indexer.Pipeline;

/// <summary>The kinds of input the indexer reads, recognized from content rather than file names.</summary>
public enum SourceFormat
{
    Unknown,
    /// <summary>A folder of Sphinx HTML output (has <c>objects.inv</c> or Sphinx pages).</summary>
    SphinxHtmlTree,
    /// <summary>One Sphinx HTML page.</summary>
    SphinxHtmlPage,
    /// <summary>pydoc's <c>topics.py</c> or its compiled <c>.pyc</c>.</summary>
    PydocTopics,
    /// <summary>The tool's content folder: Markdown topic files and <c>pydoc/keys.json</c>.</summary>
    ContentFolder,
    /// <summary>One Markdown topic file with front matter (<see cref="Sources.Markdown.MarkdownImporter"/>).</summary>
    MarkdownTopic,
    /// <summary>A folder of reST sources: Sphinx's <c>_sources/</c> copy (<c>*.rst.txt</c>) or a project's <c>*.rst</c> (<see cref="Sources.Rest.RestSourceTree"/>).</summary>
    RestTree,
    /// <summary>One reST file (<c>.rst</c>, <c>.rst.txt</c>), or one captured from a blame view (<see cref="BlameCapture"/>).</summary>
    RestFile,
}

/// <summary>Recognizes a source's format from what it contains.</summary>
public static class SourceDetector
{
    /// <summary>How much of a file is read to recognize it: enough to see past a capture's header and junk.</summary>
    private const int HeadBytes = 64 * 1024;

    private static readonly UTF8Encoding Utf8Strict = new(false, true);

    public static SourceFormat Detect(string path) => Recognize(path).Format;

    /// <summary>The format of <paramref name="path"/>, and for <see cref="SourceFormat.Unknown"/> the reason, as a diagnostic states it.</summary>
    public static (SourceFormat Format, string? Reason) Recognize(string path)
    {
        if (Directory.Exists(path))
        {
            if (File.Exists(Path.Combine(path, "objects.inv")))
            {
                return (SourceFormat.SphinxHtmlTree, null);
            }
            // A reST tree may hold a README.md; it is still a reST tree, unless it is the tool's content folder.
            var rest = RestSourceTree.IsTree(path);
            if (File.Exists(Path.Combine(path, "pydoc", "keys.json")) || !rest && Directory.EnumerateFiles(path, "*.md", SearchOption.AllDirectories).Any())
            {
                return (SourceFormat.ContentFolder, null);
            }
            // An HTML tree holds its _sources too: the HTML is the tree (_sources is indexed only when named itself).
            var page = Directory.EnumerateFiles(path, "*.html", SearchOption.AllDirectories).FirstOrDefault();
            if (page is not null && Detect(page) == SourceFormat.SphinxHtmlPage)
            {
                return (SourceFormat.SphinxHtmlTree, null);
            }
            return rest
                ? (SourceFormat.RestTree, null)
                : (SourceFormat.Unknown, "a folder with no Sphinx HTML pages, reST sources, Markdown topics or pydoc key map");
        }
        if (!File.Exists(path))
        {
            return (SourceFormat.Unknown, "no such file or folder");
        }
        byte[] buffer = new byte[HeadBytes];
        int n;
        using (var f = File.OpenRead(path))
        {
            n = f.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        }
        var head = buffer.AsSpan(0, n);
        if (n == 0)
        {
            return (SourceFormat.Unknown, "empty file");
        }
        if (RestSourceTree.IsRestName(path) && head.IndexOf((byte)0) < 0)
        {
            return (SourceFormat.RestFile, null);
        }
        // A .pyc starts with a 2-byte magic number followed by "\r\n" (importlib._bootstrap_external).
        if (n >= 16 && head[2] == '\r' && head[3] == '\n')
        {
            return (SourceFormat.PydocTopics, null);
        }
        if (head.IndexOf((byte)0) >= 0)
        {
            return (SourceFormat.Unknown, "binary file (NUL bytes), and not a compiled topics table");
        }
        var text = Encoding.UTF8.GetString(head);
        if (text.Contains("topics = {", StringComparison.Ordinal))
        {
            return (SourceFormat.PydocTopics, null);
        }
        // A page captured from a web view: recognized once the capture's noise is taken off.
        var cleaned = CaptureNoise.Clean(text).Text;
        if (cleaned.Contains("<html", StringComparison.OrdinalIgnoreCase) || cleaned.Contains("<!DOCTYPE html", StringComparison.OrdinalIgnoreCase))
        {
            return (SourceFormat.SphinxHtmlPage, null);
        }
        if (MarkdownImporter.LooksLikeTopic(text, path))
        {
            return (SourceFormat.MarkdownTopic, null);
        }
        if (BlameCapture.IsBlame(text))
        {
            return (SourceFormat.RestFile, null);
        }
        if (LooksLikeDamagedTopicsTable(text))
        {
            return (SourceFormat.PydocTopics, null);
        }
        if (!IsValidUtf8(head, complete: n < HeadBytes))
        {
            return (SourceFormat.Unknown, "not UTF-8 text, and not a format this indexer reads");
        }
        return (SourceFormat.Unknown, "not a format this indexer reads (Sphinx HTML, reST, pydoc topics table, Markdown topics, content folder)");
    }

    /// <summary>
    /// A compiled topics table captured as text (seed 004): bytes that were not UTF-8 became U+FFFD,
    /// and the topic texts show through, each starting with a title over a line of <c>*</c> as long
    /// as the title (Sphinx's text writer). <see cref="Sources.PydocTopics.PydocTopicsReader"/> then
    /// keeps only what it can recover with certainty.
    /// </summary>
    private static bool LooksLikeDamagedTopicsTable(string text)
    {
        if (text.Count(c => c == '\uFFFD') < 8)
        {
            return false;
        }
        var lines = text.Split('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            var rule = lines[i].TrimEnd('\r');
            if (rule.Length >= 3 && rule.All(c => c == '*') && lines[i - 1].TrimEnd('\r').Length == rule.Length)
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsValidUtf8(ReadOnlySpan<byte> head, bool complete)
    {
        try
        {
            Utf8Strict.GetCharCount(head);
            return true;
        }
        catch (DecoderFallbackException e)
        {
            // A multi-byte sequence cut by the end of the sample is not an error in the file.
            return !complete && e.Index >= head.Length - 4;
        }
    }
}
