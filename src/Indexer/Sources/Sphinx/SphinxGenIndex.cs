using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Help.Indexer.Pipeline;

namespace Help.Indexer.Sources.Sphinx;

/// <summary>One entry of a doc set's general index: the words the authors indexed, and where they point.</summary>
/// <param name="Text">The entry, with its parent entry's words before a sub-entry's (<c>with statement</c>).</param>
/// <param name="Page">The page it points into, relative to the doc root (<c>reference/expressions.html</c>).</param>
/// <param name="Anchor">The id on that page (<c>index-86</c>).</param>
public sealed record IndexEntry(string Text, string Page, string Anchor);

/// <summary>
/// Reads a Sphinx tree's general index (<c>genindex-all.html</c>, else <c>genindex.html</c>): the entries of the
/// authors' <c>index</c> directives, which point at <c>index-N</c> targets inside pages ("walrus operator",
/// "context manager", "with statement"). Objects and glossary terms are indexed there too, but they are topics of
/// their own and searched by their names, so only the <c>index-N</c> entries are kept.
/// </summary>
/// <remarks>
/// Sphinx 2 and later write the entries as nested lists (<c>table.indextable li</c>, sub-entries in a <c>ul</c> of the
/// entry); Sphinx 1 as definition lists (<c>dt</c>, sub-entries in the next <c>dd</c>). Both are read.
/// </remarks>
public static class SphinxGenIndex
{
    /// <summary>The index pages tried, in order: all letters on one page, else the single page of a small doc set.</summary>
    public static readonly IReadOnlyList<string> Pages = ["genindex-all.html", "genindex.html"];

    /// <summary>The table that holds the entries.</summary>
    public const string TableSelector = "table.indextable";

    /// <summary>The id prefix of the targets Sphinx makes for <c>index</c> directives.</summary>
    public const string IndexTargetPrefix = "index-";

    /// <summary>The entries of the tree at <paramref name="root"/>; none when it has no index page.</summary>
    public static IReadOnlyList<IndexEntry> Read(string root, Diagnostics diagnostics)
    {
        foreach (var name in Pages)
        {
            var path = Path.Combine(root, name);
            if (!File.Exists(path))
            {
                continue;
            }
            try
            {
                if (SourceLimits.TooLarge(path) is { } tooLarge)
                {
                    diagnostics.Warn(path, $"the general index is not read: {tooLarge}");
                    return [];
                }
                return Parse(File.ReadAllText(path));
            }
            catch (IOException e)
            {
                diagnostics.Warn(path, $"the general index could not be read: {e.Message}");
                return [];
            }
        }
        return [];
    }

    /// <summary>The <c>index-N</c> entries of a general index page's HTML.</summary>
    public static IReadOnlyList<IndexEntry> Parse(string html)
    {
        using var document = new HtmlParser().ParseDocument(html);
        var entries = new List<IndexEntry>();
        foreach (var column in document.QuerySelectorAll(TableSelector + " td"))
        {
            foreach (var entry in Items(column))
            {
                Add(entry, "", entries);
            }
        }
        return entries;
    }

    private static void Add(IElement entry, string parentText, List<IndexEntry> entries)
    {
        var own = OwnText(entry);
        var text = parentText.Length == 0 ? own : own.StartsWith('(') ? parentText : $"{parentText} {own}";
        foreach (var link in OwnLinks(entry))
        {
            var href = link.GetAttribute("href") ?? "";
            var hash = href.IndexOf('#');
            if (hash > 0 && href[(hash + 1)..].StartsWith(IndexTargetPrefix, StringComparison.Ordinal) && text.Length > 0)
            {
                entries.Add(new IndexEntry(text, Uri.UnescapeDataString(href[..hash]), href[(hash + 1)..]));
            }
        }
        // Sub-entries: in the entry's own lists (li), or in the dd after it (dt).
        var scope = entry.LocalName == "dt" ? entry.NextElementSibling is { LocalName: "dd" } dd ? dd : null : entry;
        foreach (var child in scope is null ? [] : Items(scope))
        {
            Add(child, text, entries);
        }
    }

    /// <summary>The entries of the lists directly in <paramref name="parent"/>: <c>ul &gt; li</c> or <c>dl &gt; dt</c>.</summary>
    private static IEnumerable<IElement> Items(IElement parent) =>
        parent.Children.Where(c => c.LocalName is "ul" or "dl")
            .SelectMany(list => list.Children.Where(i => i.LocalName is "li" or "dt"));

    /// <summary>The entry's words: its first link's text, or its own text before any nested list.</summary>
    private static string OwnText(IElement entry)
    {
        var words = string.Concat(entry.ChildNodes
            .TakeWhile(n => n is not IElement { LocalName: "ul" or "dl" })
            .Select(n => n is IElement { LocalName: "a" } a && a.TextContent.StartsWith('[') ? "" : n.TextContent));
        var first = words.IndexOf(',');
        return SphinxInlines.CollapseWhiteSpace(first > 0 && entry.FirstElementChild?.LocalName == "a" ? words[..first] : words).Trim();
    }

    /// <summary>The links of the entry itself, not of its sub-entries.</summary>
    private static IEnumerable<IElement> OwnLinks(IElement entry) =>
        entry.Children.TakeWhile(c => c.LocalName is not ("ul" or "dl")).SelectMany(c => c.LocalName == "a" ? [c] : c.QuerySelectorAll("a").ToArray());
}

/// <summary>
/// Reads a Sphinx tree's module index (<c>py-modindex.html</c>) for the modules its authors mark deprecated (the
/// <c>:deprecated:</c> option of <c>py:module</c>, which the index shows as <c>Deprecated:</c> before the synopsis).
/// </summary>
public static class SphinxModuleIndex
{
    public const string Page = "py-modindex.html";

    /// <summary>The rows of the index table, one module each.</summary>
    public const string RowSelector = "table.modindextable tr";

    /// <summary>The names of the deprecated modules of the tree at <paramref name="root"/>; none without a module index.</summary>
    public static IReadOnlySet<string> Deprecated(string root, Diagnostics diagnostics)
    {
        var path = Path.Combine(root, Page);
        if (!File.Exists(path))
        {
            return new HashSet<string>();
        }
        try
        {
            if (SourceLimits.TooLarge(path) is { } tooLarge)
            {
                diagnostics.Warn(path, $"the module index is not read: {tooLarge}");
                return new HashSet<string>();
            }
            return Parse(File.ReadAllText(path));
        }
        catch (IOException e)
        {
            diagnostics.Warn(path, $"the module index could not be read: {e.Message}");
            return new HashSet<string>();
        }
    }

    public static IReadOnlySet<string> Parse(string html)
    {
        using var document = new HtmlParser().ParseDocument(html);
        return document.QuerySelectorAll(RowSelector)
            .Where(row => row.QuerySelectorAll("strong").Any(s => s.TextContent.Trim().StartsWith("Deprecated", StringComparison.OrdinalIgnoreCase)))
            .Select(row => row.QuerySelector("code")?.TextContent.Trim() ?? "")
            .Where(name => name.Length > 0)
            .ToHashSet(StringComparer.Ordinal);
    }
}
