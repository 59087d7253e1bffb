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
/// section each label names and which terms the page defines (so a <c>:ref:</c> or <c>:term:</c> to one further
/// down has its title and link); parse the body
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
        var references = new RestReferences(pagePath, inventory, RestLocalTargets.Scan(lines));
        var parser = new RestBlockParser(docPath, diagnostics, references);
        var blocks = parser.ParseDocument(lines);
        foreach (var role in references.UnknownRoles.Order(StringComparer.Ordinal))
        {
            diagnostics.Warn(docPath, $"unknown role ':{role}:': its text is kept as a literal");
        }

        var top = TopSection(blocks, parser);
        if (top.Block.Body.Count == 0 && top.Block.Title.Count == 0)
        {
            diagnostics.Skip(docPath, "the document has no content");
            return [];
        }
        var outline = new PageOutline(top);
        outline.Records.AddRange(parser.Records.Where(r => !ReferenceEquals(r, top)));
        outline.Ids.AddRange(parser.NotedIds);
        return new PageTopicBuilder(pagePath, docPath, docSet, inventory, diagnostics).Build(outline);
    }

    /// <summary>The document's one top section, or, when it holds anything else, a section made for the whole of it.</summary>
    private static SectionRecord TopSection(List<Block> blocks, RestBlockParser parser)
    {
        var sections = parser.Records.OfType<SectionRecord>();
        if (blocks is [Section only] && sections.FirstOrDefault(r => ReferenceEquals(r.Block, only)) is { } record)
        {
            return record;
        }
        var first = sections.FirstOrDefault();
        var title = first?.Block.Title ?? [];
        var top = new SectionRecord(null) { TitleText = first?.TitleText ?? "" };
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
}
