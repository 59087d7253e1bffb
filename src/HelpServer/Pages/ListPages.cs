using System.Text;
using Help.Core.Model;
using Help.Core.Search;
using Help.Server.Api;
using Help.Core.Query;
using Help.Server.Hosting;
using static Help.Server.Pages.Layout;

namespace Help.Server.Pages;

/// <summary>The home page, the indexes of modules, keywords, topics and symbols, and search results.</summary>
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

    public static string Home(IndexGenerations.Generation generation)
    {
        var sb = new StringBuilder();
        sb.Append("<section class=\"home\"><h1>Python documentation, offline</h1>")
            .Append("<p>Type in the search box: results appear as you type. Press <kbd>/</kbd> to focus it, ")
            .Append("<kbd>↑</kbd> <kbd>↓</kbd> to choose and <kbd>Enter</kbd> to open. ")
            .Append("A key opens directly: <code>/topic/asyncio.run</code>.</p><ul class=\"indexes\">");
        foreach (var (route, kind, title) in Indexes)
        {
            var count = generation.Query.ListKeys(kind).Count;
            sb.Append("<li><a href=\"").Append(route).Append("\">").Append(title).Append("</a> <span class=\"count\">")
                .Append(count).Append("</span></li>");
        }
        sb.Append("</ul></section>");
        return Page("Home", sb.ToString(), generation: generation.Name);
    }

    public static string KeyList(IndexGenerations.Generation generation, TopicKind kind, string title)
    {
        var keys = generation.Query.ListKeys(kind);
        var sb = new StringBuilder();
        sb.Append("<h1>").Append(Encode(title)).Append("</h1>");
        if (keys.Count == 0)
        {
            sb.Append("<p>The index holds none.</p>");
        }
        sb.Append("<ul class=\"keys columns\">");
        foreach (var key in keys)
        {
            sb.Append("<li><a href=\"").Append(Encode(RouteKeys.TopicPath(key))).Append("\">").Append(Encode(key)).Append("</a></li>");
        }
        sb.Append("</ul>");
        return Page(title, sb.ToString(), generation: generation.Name);
    }

    public static string Results(string query, IReadOnlyList<SearchHit> hits, string generation)
    {
        var sb = new StringBuilder();
        sb.Append("<h1>Search: <q>").Append(Encode(query)).Append("</q></h1>");
        if (hits.Count == 0)
        {
            sb.Append("<p class=\"empty\">Nothing matches.</p>");
        }
        sb.Append("<ol class=\"results\">");
        foreach (var h in hits)
        {
            sb.Append("<li><a href=\"").Append(Encode(RouteKeys.TopicPath(h.Key))).Append("\">").Append(Encode(h.Key))
                .Append("</a> <span class=\"kind\">").Append(Encode(TopicKinds.Name(h.Kind))).Append("</span>");
            if (h.Title != h.Key)
            {
                sb.Append(" <span class=\"title\">").Append(Encode(h.Title)).Append("</span>");
            }
            sb.Append("<p class=\"snippet\">");
            Highlighted(sb, h.Snippet, h.Highlights);
            sb.Append("</p></li>");
        }
        sb.Append("</ol>");
        return Page($"Search: {query}", sb.ToString(), query, generation);
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
