using System.Text;
using Help.Core.Index;
using Help.Core.Model;
using Help.Core.Query;
using Help.Server.Api;
using Help.Server.Hosting;
using static Help.Server.Pages.Layout;

namespace Help.Server.Pages;

/// <summary>A topic: the path down to it, its cleaned HTML with viewer links, related topics, the source page.</summary>
internal static class TopicPage
{
    public static string Render(IndexGenerations.Generation generation, Topic topic)
    {
        var query = generation.Query;
        var sb = new StringBuilder();
        Breadcrumb(sb, generation.Table, topic);
        sb.Append("<article class=\"topic\">");
        sb.Append("<p class=\"meta\"><span class=\"kind\">").Append(Encode(TopicKinds.Name(topic.Kind)))
            .Append("</span> <span class=\"docset\">").Append(Encode(topic.DocSet))
            .Append("</span> <code class=\"key\">").Append(Encode(topic.Key)).Append("</code></p>");
        if (topic.Body is not [Section])
        {
            // A section renders its own heading; anything else (an object, a term) needs one.
            sb.Append("<h1>").Append(Encode(topic.Title)).Append("</h1>");
        }
        sb.Append("<div class=\"doc\">").Append(LinkRewriter.Rewrite(query.RenderHtml(topic), topic.SourcePage)).Append("</div>");
        if (topic.Related.Count > 0)
        {
            sb.Append("<section class=\"related\"><h2>Related topics</h2><ul>");
            foreach (var key in topic.Related)
            {
                sb.Append("<li><a href=\"").Append(Encode(RouteKeys.TopicPath(key))).Append("\">").Append(Encode(key)).Append("</a></li>");
            }
            sb.Append("</ul></section>");
        }
        Source(sb, generation, topic);
        sb.Append("</article>");
        return Page(topic.Title, sb.ToString(), generation: generation.Name);
    }

    /// <summary>
    /// Module, then class, then the topic. <see cref="Topic.Parent"/> names the nearest one; above it the
    /// chain follows the dotted name to the keys the table holds as modules or classes, so that no
    /// ancestor has to be read and decoded.
    /// </summary>
    private static void Breadcrumb(StringBuilder sb, TopicsTable table, Topic topic)
    {
        if (topic.Parent is null)
        {
            return;
        }
        var chain = new List<string> { topic.Parent };
        for (var key = topic.Parent; chain.Count < 8 && ContainerAbove(table, key) is { } up; key = up)
        {
            chain.Insert(0, up);
        }
        sb.Append("<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><ol>");
        foreach (var key in chain)
        {
            sb.Append("<li><a href=\"").Append(Encode(RouteKeys.TopicPath(key))).Append("\">").Append(Encode(key)).Append("</a></li>");
        }
        sb.Append("<li aria-current=\"page\">").Append(Encode(topic.Key)).Append("</li></ol></nav>");
    }

    private static string? ContainerAbove(TopicsTable table, string key)
    {
        for (var dot = key.LastIndexOf('.'); dot > 0; dot = key.LastIndexOf('.', dot - 1))
        {
            var prefix = key[..dot];
            if (table.FindExact(prefix).Any(e => e.Kind is TopicKind.Module or TopicKind.Class or TopicKind.Exception))
            {
                return prefix;
            }
        }
        return null;
    }

    /// <summary>The page the topic came from, linked as a file when it is still where the index found it.</summary>
    private static void Source(StringBuilder sb, IndexGenerations.Generation generation, Topic topic)
    {
        if (topic.SourcePage is null)
        {
            return;
        }
        sb.Append("<p class=\"source\">Source: ");
        if (generation.SourceFile(topic) is { } file)
        {
            sb.Append("<a class=\"external\" href=\"").Append(Encode(generation.SourceAddress(topic)!)).Append("\">").Append(Encode(file))
                .Append(topic.Anchor is null ? "" : "#" + Encode(topic.Anchor)).Append("</a>");
        }
        else
        {
            sb.Append("<code>").Append(Encode(topic.Source)).Append("</code>");
        }
        sb.Append("</p>");
    }

    /// <summary>Several topics match: list them to choose from.</summary>
    public static string Choice(string key, IReadOnlyList<KeyEntry> candidates, string generation)
    {
        var sb = new StringBuilder();
        sb.Append("<h1>Several topics match <code>").Append(Encode(key)).Append("</code></h1><ul class=\"keys\">");
        KeyItems(sb, candidates);
        sb.Append("</ul>");
        return Page(key, sb.ToString(), generation: generation);
    }

    /// <summary>Nothing matches: say so plainly, offer close spellings and a search.</summary>
    public static string NotFound(string key, IReadOnlyList<KeyEntry> suggestions, string? generation)
    {
        var sb = new StringBuilder();
        sb.Append("<h1 class=\"notfound\">No Python documentation found for <code>").Append(Encode(key)).Append("</code></h1>");
        if (suggestions.Count > 0)
        {
            sb.Append("<p>Did you mean:</p><ul class=\"keys suggestions\">");
            KeyItems(sb, suggestions);
            sb.Append("</ul>");
        }
        sb.Append("<p><a href=\"/search?q=").Append(Encode(Uri.EscapeDataString(key))).Append("\">Search the documentation for <q>")
            .Append(Encode(key)).Append("</q></a></p>");
        return Page("Not found", sb.ToString(), generation: generation);
    }

    private static void KeyItems(StringBuilder sb, IReadOnlyList<KeyEntry> entries)
    {
        foreach (var e in entries)
        {
            sb.Append("<li><a href=\"").Append(Encode(RouteKeys.TopicPath(e.Key))).Append("\">").Append(Encode(e.Key))
                .Append("</a> <span class=\"kind\">").Append(Encode(TopicKinds.Name(e.Kind))).Append("</span></li>");
        }
    }
}
