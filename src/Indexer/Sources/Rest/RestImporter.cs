using System.Text;
using Help.Core.Model;
using Help.Indexer.Pipeline;
using Help.Indexer.Sources.Inventory;
using Help.Indexer.Sources.Sphinx;

namespace Help.Indexer.Sources.Rest;

/// <summary>
/// Imports one reST source file (the subset the Python docs use) into topics: the same document
/// model, keys, kinds and anchors that <see cref="SphinxHtmlImporter"/> makes from the HTML Sphinx
/// builds from that file. Built once and reused: it holds no per-file state, so files can be imported
/// in parallel.
/// </summary>
/// <remarks>
/// The steps, in order: normalize the text (line ends, tabs, trailing white space); note which
/// section each label names (so a <c>:ref:</c> to a label further down has its title); parse the body
/// elements, folding sections by their title styles; make topics. Bad content is reported through
/// <see cref="Diagnostics"/>, never thrown.
/// </remarks>
public sealed class RestImporter
{
    /// <summary>Imports a reST file.</summary>
    /// <param name="docPath">
    /// The file relative to the doc root, forward slashes: <c>library/asyncio-task.rst</c>, or as Sphinx
    /// copies it, <c>_sources/library/asyncio-task.rst.txt</c>. Either gives the page <c>library/asyncio-task.html</c>.
    /// </param>
    /// <param name="text">The file's text.</param>
    /// <param name="docSet">The doc set the topics belong to.</param>
    /// <param name="inventory">The doc set's <c>objects.inv</c>, when there is one: it names objects and labels, and gives <c>:ref:</c> titles.</param>
    /// <param name="diagnostics">Where problems are reported.</param>
    /// <returns>The file's topics, the page (or module) topic first; empty when the file was skipped.</returns>
    public IReadOnlyList<Topic> ImportFile(string docPath, string text, DocSet docSet, SphinxInventory? inventory, Diagnostics diagnostics)
    {
        try
        {
            return Import(docPath, text, docSet, inventory, diagnostics);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            diagnostics.Skip(docPath, $"could not be converted ({e.GetType().Name}: {e.Message})");
            return [];
        }
    }

    /// <summary>The HTML page a source file becomes: <c>_sources/library/json.rst.txt</c> and <c>library/json.rst</c> give <c>library/json.html</c>.</summary>
    public static string PagePath(string docPath)
    {
        var path = docPath.Replace('\\', '/');
        if (path.StartsWith("_sources/", StringComparison.Ordinal))
        {
            path = path["_sources/".Length..];
        }
        foreach (var suffix in (ReadOnlySpan<string>)[".rst.txt", ".txt", ".rst"])
        {
            if (path.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return path[..^suffix.Length] + ".html";
            }
        }
        return path + ".html";
    }

    private static IReadOnlyList<Topic> Import(string docPath, string text, DocSet docSet, SphinxInventory? inventory, Diagnostics diagnostics)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            diagnostics.Skip(docPath, "empty file");
            return [];
        }
        var pagePath = PagePath(docPath);
        var lines = Lines(text);
        var references = new RestReferences(pagePath, inventory, LabelTitles(lines));
        var parser = new RestBlockParser(docPath, diagnostics, references);
        var blocks = parser.ParseDocument(lines);
        foreach (var role in references.UnknownRoles.Order(StringComparer.Ordinal))
        {
            diagnostics.Warn(docPath, $"unknown role ':{role}:': its text is kept as a literal");
        }

        var top = TopSection(blocks, parser, pagePath);
        if (top.Block.Body.Count == 0 && top.Block.Title.Count == 0)
        {
            diagnostics.Skip(docPath, "the document has no content");
            return [];
        }
        return new RestTopicBuilder(pagePath, docPath, docSet, inventory, diagnostics).Build(top, parser);
    }

    /// <summary>The document's one top section, or, when it holds anything else, a section made for the whole of it.</summary>
    private static RestSectionRecord TopSection(List<Block> blocks, RestBlockParser parser, string pagePath)
    {
        if (blocks is [Section only] && parser.Records.OfType<RestSectionRecord>().FirstOrDefault(r => ReferenceEquals(r.Block, only)) is { } record)
        {
            return record;
        }
        var first = parser.Records.OfType<RestSectionRecord>().FirstOrDefault();
        var title = first?.Title ?? [];
        var top = new RestSectionRecord(null, -1)
        {
            Title = title,
            TitleText = first?.TitleText ?? "",
        };
        top.Block = new Section(title, blocks, null);
        return top;
    }

    /// <summary>Lines with line ends normalized, tabs expanded to 8 columns (docutils' tab_width) and trailing white space removed.</summary>
    internal static string[] Lines(string text)
    {
        if (text.Length > 0 && text[0] == '\uFEFF')
        {
            text = text[1..];
        }
        var raw = text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n');
        var lines = new string[raw.Length];
        for (var i = 0; i < raw.Length; i++)
        {
            var line = raw[i];
            if (line.Contains('\t'))
            {
                var sb = new StringBuilder();
                foreach (var c in line)
                {
                    if (c == '\t')
                    {
                        sb.Append(' ', 8 - sb.Length % 8);
                    }
                    else
                    {
                        sb.Append(c);
                    }
                }
                line = sb.ToString();
            }
            lines[i] = line.TrimEnd().Replace('\f', ' ').Replace('\v', ' ');
        }
        return lines;
    }

    /// <summary>For each label written right before a section title, that title's text (<c>:ref:</c> shows it).</summary>
    private static Dictionary<string, string> LabelTitles(string[] lines)
    {
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        var pending = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }
            if (line.StartsWith(".. _", StringComparison.Ordinal) && line.EndsWith(':') && !line.Contains(": ", StringComparison.Ordinal))
            {
                pending.Add(RestBlockParser.NormalizeName(line[4..^1].Trim('`')));
                continue;
            }
            if (pending.Count > 0)
            {
                string? title = null;
                if (IsAdornment(line) && i + 2 < lines.Length && lines[i + 2] == line)
                {
                    title = lines[i + 1].Trim();
                }
                else if (i + 1 < lines.Length && IsAdornment(lines[i + 1]))
                {
                    title = line.Trim();
                }
                if (title is not null)
                {
                    foreach (var label in pending)
                    {
                        titles.TryAdd(label, PlainTitle(title));
                    }
                }
                pending.Clear();
            }
        }
        return titles;
    }

    private static bool IsAdornment(string line) =>
        line.Length >= 2 && !char.IsLetterOrDigit(line[0]) && !char.IsWhiteSpace(line[0]) && line.All(c => c == line[0]);

    /// <summary>A title's text for a cross-reference: roles and markup dropped, quotes educated.</summary>
    private static string PlainTitle(string title)
    {
        var parser = new RestInlineParser(new RestReferences("", null, new Dictionary<string, string>()));
        return parser.PlainText(title);
    }
}
