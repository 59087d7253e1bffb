using System.Text;
using Help.Core.Model;
using Help.Core.Search;
using Help.Core.Query;
using Help.Server.Hosting;
using static Help.Server.Pages.Layout;

namespace Help.Server.Pages;

/// <summary>The home page, each doc set's home, the indexes of modules, keywords, topics and symbols, and search results.</summary>
internal static class ListPages
{
    /// <summary>The index pages: route, kind listed, heading.</summary>
    public static readonly IReadOnlyList<(string Route, TopicKind Kind, string Title)> Indexes =
    [
        ("/modules", TopicKind.Module, "Modules"),
        ("/keywords", TopicKind.Keyword, "Keywords"),
        ("/topics", TopicKind.Topic, "Topics"),
        ("/symbols", TopicKind.Symbol, "Symbols"),
    ];

    /// <summary>Every doc set of the index, each leading to its home, and pydoc's indexes.</summary>
    public static string Home(IndexGenerations.Generation generation)
    {
        var sb = new StringBuilder();
        sb.Append("<section class=\"home\"><h1>Python documentation, offline</h1>")
            .Append("<p>Type in the search box: results appear as you type. Press <kbd>/</kbd> to search, <kbd>?</kbd> for every shortcut. ")
            .Append("A key opens directly: <code>/topic/asyncio.run</code>.</p>");
        sb.Append("<h2>Doc sets</h2><ul class=\"docsets\">");
        foreach (var (docSet, topics) in generation.Query.DocSetSizes())
        {
            sb.Append("<li><a href=\"").Append(Encode(Addresses.DocSet(docSet))).Append("\">").Append(Encode(docSet))
                .Append("</a> <span class=\"count\">").Append(topics).Append(" topics</span></li>");
        }
        sb.Append("</ul><h2>Indexes</h2><ul class=\"indexes\">");
        foreach (var (route, kind, title) in Indexes)
        {
            var count = generation.Query.ListKeys(kind).Count;
            sb.Append("<li><a href=\"").Append(route).Append("\">").Append(title).Append("</a> <span class=\"count\">")
                .Append(count).Append("</span></li>");
        }
        sb.Append("</ul></section>");
        return Page("Home", sb.ToString(), generation: generation.Name, frame: TopicPage.FrameOf(generation, null));
    }

    /// <summary>
    /// A doc set's home: its own start page (Sphinx's <c>index</c>, whose links lead into the guides and references),
    /// then its modules.
    /// </summary>
    public static string DocSetHome(IndexGenerations.Generation generation, string docSet)
    {
        var table = generation.Table;
        if (table.Find("index", TopicKind.Page, docSet) is { } start)
        {
            return TopicPage.Render(generation, start);
        }
        var sb = new StringBuilder();
        sb.Append("<h1>").Append(Encode(docSet)).Append("</h1><ul class=\"keys columns\">");
        var entries = table.AllKeys().Where(e => e.DocSet == docSet && !e.IsAlias && e.Kind is TopicKind.Module or TopicKind.Page or TopicKind.Manual)
            .OrderBy(e => e.Kind).ThenBy(e => e.Key, StringComparer.Ordinal);
        TopicPage.KeyItems(sb, table, entries);
        sb.Append("</ul>");
        return Page(docSet, sb.ToString(), generation: generation.Name, frame: TopicPage.FrameOf(generation, docSet));
    }

    public static string KeyList(IndexGenerations.Generation generation, TopicKind kind, string title, string? docSet)
    {
        var table = generation.Table;
        var entries = table.AllKeys().Where(e => e.Kind == kind && !e.IsAlias && (docSet is null || e.DocSet == docSet))
            .DistinctBy(e => (e.Key, e.DocSet)).OrderBy(e => e.Key, StringComparer.Ordinal).ToList();
        var sb = new StringBuilder();
        sb.Append("<h1>").Append(Encode(title)).Append("</h1>");
        if (entries.Count == 0)
        {
            sb.Append("<p>The index holds none.</p>");
        }
        sb.Append("<ul class=\"keys columns\">");
        foreach (var e in entries)
        {
            sb.Append("<li><a href=\"").Append(Encode(Addresses.Topic(table, e))).Append("\">").Append(Encode(e.Key)).Append("</a>");
            if (docSet is null && table.DocSets.Count > 1)
            {
                sb.Append(" <span class=\"docset\">").Append(Encode(e.DocSet)).Append("</span>");
            }
            sb.Append("</li>");
        }
        sb.Append("</ul>");
        return Page(title, sb.ToString(), generation: generation.Name, frame: TopicPage.FrameOf(generation, docSet));
    }

    public static string Results(IndexGenerations.Generation generation, string query, string? docSet, IReadOnlyList<SearchHit> hits)
    {
        var table = generation.Table;
        var sb = new StringBuilder();
        sb.Append("<h1>Search: <q>").Append(Encode(query)).Append("</q></h1>");
        if (table.DocSets.Count > 1)
        {
            sb.Append("<p class=\"scope\">In: ");
            Scope(sb, query, null, docSet);
            foreach (var d in table.DocSets)
            {
                Scope(sb, query, d, docSet);
            }
            sb.Append("</p>");
        }
        if (hits.Count == 0)
        {
            sb.Append("<p class=\"empty\">Nothing matches.</p>");
        }
        sb.Append("<ol class=\"results\">");
        foreach (var h in hits)
        {
            sb.Append("<li><a class=\"title\" href=\"").Append(Encode(Addresses.Topic(table, h.DocSet, h.Key, h.Kind))).Append("\">")
                .Append(Encode(h.Title)).Append("</a> <span class=\"kind\">").Append(Encode(TopicKinds.Name(h.Kind))).Append("</span>");
            if (h.Title != h.Key)
            {
                sb.Append(" <code class=\"key\">").Append(Encode(h.Key)).Append("</code>");
            }
            sb.Append(" <span class=\"docset\">").Append(Encode(h.DocSet)).Append("</span><p class=\"snippet\">");
            Highlighted(sb, h.Snippet.Length > 0 ? h.Snippet : h.Summary ?? "", h.Snippet.Length > 0 ? h.Highlights : []);
            sb.Append("</p></li>");
        }
        sb.Append("</ol>");
        return Page($"Search: {query}", sb.ToString(), query, generation.Name, TopicPage.FrameOf(generation, docSet));
    }

    private static void Scope(StringBuilder sb, string query, string? docSet, string? current)
    {
        var text = docSet ?? "all doc sets";
        if (docSet == current)
        {
            sb.Append("<strong aria-current=\"true\">").Append(Encode(text)).Append("</strong> ");
            return;
        }
        sb.Append("<a href=\"/search?q=").Append(Encode(Uri.EscapeDataString(query)))
            .Append(docSet is null ? "" : "&amp;docset=" + Encode(Uri.EscapeDataString(docSet))).Append("\">").Append(Encode(text)).Append("</a> ");
    }

    /// <summary>The snippet with each highlighted range in <c>&lt;mark&gt;</c>; every piece escaped.</summary>
    public static void Highlighted(StringBuilder sb, string snippet, IReadOnlyList<(int Start, int Length)> ranges)
    {
        var at = 0;
        foreach (var (start, length) in ranges)
        {
            if (start < at || start + length > snippet.Length) continue;
            sb.Append(Encode(snippet[at..start])).Append("<mark>").Append(Encode(snippet.Substring(start, length))).Append("</mark>");
            at = start + length;
        }
        sb.Append(Encode(snippet[at..]));
    }
}
