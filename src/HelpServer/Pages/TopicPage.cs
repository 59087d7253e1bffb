using System.Text;
using Help.Core.Index;
using Help.Core.Model;
using Help.Core.Query;
using Help.Core.Rendering.Html;
using Help.Server.Hosting;
using static Help.Server.Pages.Layout;

namespace Help.Server.Pages;

/// <summary>A topic: the path down to it, its HTML with viewer links, its contents, related topics, the source page.</summary>
internal static class TopicPage
{
    /// <summary>Fewer headings and objects than this and a topic shows no table of contents.</summary>
    private const int ContentsAtLeast = 3;

    /// <summary>Beyond this a table of contents shows the sections alone.</summary>
    private const int ContentsAtMost = 400;

    public static string Render(IndexGenerations.Generation generation, Topic topic, string? heading = null)
    {
        var table = generation.Table;
        var contents = new List<HtmlRenderer.ContentsEntry>();
        var body = generation.Query.RenderHtml(topic, (owner, href) => Addresses.Link(table, owner, href), contents);
        var sb = new StringBuilder(body.Length + 2048);
        Breadcrumb(sb, table, topic);
        sb.Append("<article class=\"topic\">");
        sb.Append("<p class=\"meta\"><span class=\"kind\">").Append(Encode(TopicKinds.Name(topic.Kind)))
            .Append("</span> <a class=\"docset\" href=\"").Append(Encode(Addresses.DocSet(topic.DocSet))).Append("\">").Append(Encode(topic.DocSet))
            .Append("</a> <code class=\"key\">").Append(Encode(topic.Key)).Append("</code></p>");
        // A body that opens with a section shows its own heading (a page, a label, a keyword's section).
        if (!body.StartsWith("<section", StringComparison.Ordinal))
        {
            sb.Append("<h1>").Append(Encode(heading ?? topic.Title)).Append("</h1>");
        }
        sb.Append("<div class=\"doc\">").Append(body).Append("</div>");
        if (topic.Related.Count > 0)
        {
            sb.Append("<section class=\"related\"><h2>Related topics</h2><ul>");
            foreach (var key in topic.Related)
            {
                // pydoc names its related topics whether or not the index has them: only those it has are links.
                var to = table.FindExact(key).FirstOrDefault(e => e.DocSet == topic.DocSet) ?? table.FindExact(key).FirstOrDefault();
                sb.Append(to is null ? "<li>" : $"<li><a href=\"{Encode(Addresses.Topic(table, to))}\">").Append(Encode(key))
                    .Append(to is null ? "</li>" : "</a></li>");
            }
            sb.Append("</ul></section>");
        }
        Source(sb, generation, topic);
        sb.Append("</article>");
        var page = topic.SourcePage is { } p && p.EndsWith(".html", StringComparison.OrdinalIgnoreCase)
            && table.Find(p[..^5], TopicKind.Page, topic.DocSet) is not null
            ? Addresses.Topic(table, topic.DocSet, p[..^5], TopicKind.Page)
            : null;
        return Page(heading ?? topic.Title, sb.ToString(), generation: generation.Name, frame: FrameOf(generation, topic.DocSet) with
        {
            Contents = Contents(contents),
            Address = Addresses.Topic(table, topic),
            PageAddress = page,
        });
    }

    /// <summary>The frame of a page of <paramref name="docSet"/>: the switcher set to it and its sidebar.</summary>
    public static Frame FrameOf(IndexGenerations.Generation generation, string? docSet) =>
        new(docSet, generation.Table.DocSets, docSet is null ? null : NavTree.Address(generation, docSet));

    /// <summary>The topic's sections (below its title) and described objects as a nested list, or null when it has few.</summary>
    private static string? Contents(List<HtmlRenderer.ContentsEntry> entries)
    {
        var shown = entries.Skip(entries.Count > 0 && entries[0].Level == 1 && !entries[0].IsObject ? 1 : 0).ToList();
        if (shown.Count > ContentsAtMost)
        {
            shown = shown.Where(e => !e.IsObject).ToList();
        }
        if (shown.Count < ContentsAtLeast)
        {
            return null;
        }
        var top = shown.Min(e => e.Level + (e.IsObject ? 1 : 0));
        var sb = new StringBuilder("<ul>");
        foreach (var e in shown)
        {
            var depth = Math.Min(e.Level + (e.IsObject ? 1 : 0) - top, 3);
            sb.Append("<li class=\"d").Append(depth).Append(e.IsObject ? " object" : "").Append("\"><a href=\"#")
                .Append(Encode(Uri.EscapeDataString(e.Id))).Append("\">").Append(Encode(e.Text)).Append("</a></li>");
        }
        return sb.Append("</ul>").ToString();
    }

    /// <summary>
    /// Module, then class, then the topic. <see cref="Topic.Parent"/> names the nearest one; above it the
    /// chain follows the dotted name to the keys the doc set holds as modules or classes, so that no
    /// ancestor has to be read and decoded.
    /// </summary>
    private static void Breadcrumb(StringBuilder sb, TopicsTable table, Topic topic)
    {
        if (topic.Parent is null)
        {
            return;
        }
        var chain = new List<KeyEntry>();
        for (var key = topic.Parent; key is not null && chain.Count < 8; key = ContainerAbove(key))
        {
            if (Container(table, key, topic.DocSet) is { } e)
            {
                chain.Insert(0, e);
            }
        }
        sb.Append("<nav class=\"crumbs\" aria-label=\"Breadcrumb\"><ol>");
        foreach (var e in chain)
        {
            sb.Append("<li><a href=\"").Append(Encode(Addresses.Topic(table, e))).Append("\">").Append(Encode(e.Key)).Append("</a></li>");
        }
        sb.Append("<li aria-current=\"page\">").Append(Encode(topic.Key)).Append("</li></ol></nav>");
    }

    private static KeyEntry? Container(TopicsTable table, string key, string docSet) =>
        table.FindExact(key).FirstOrDefault(e => e.DocSet == docSet && e.Kind is TopicKind.Module or TopicKind.Class or TopicKind.Exception);

    private static string? ContainerAbove(string key) => key.LastIndexOf('.') is var dot and > 0 ? key[..dot] : null;

    /// <summary>The page the topic came from, served by the viewer itself (a browser opens no <c>file:</c> link from a web page).</summary>
    private static void Source(StringBuilder sb, IndexGenerations.Generation generation, Topic topic)
    {
        if (topic.SourcePage is null)
        {
            return;
        }
        sb.Append("<p class=\"source\">Source: ");
        var file = generation.SourceFile(topic);
        if (file is not null && generation.DocSetRoot(topic.DocSet) is not null)
        {
            sb.Append("<a href=\"").Append(Encode(Addresses.Source(topic.DocSet, topic.SourcePage, topic.Anchor))).Append("\">")
                .Append(Encode(file)).Append(topic.Anchor is null ? "" : "#" + Encode(topic.Anchor)).Append("</a>");
        }
        else
        {
            sb.Append("<code>").Append(Encode(file ?? topic.Source)).Append("</code>");
        }
        sb.Append("</p>");
    }

    /// <summary>Several topics match: list them to choose from.</summary>
    public static string Choice(IndexGenerations.Generation generation, string key, IReadOnlyList<KeyEntry> candidates)
    {
        var sb = new StringBuilder();
        sb.Append("<h1>Several topics match <code>").Append(Encode(key)).Append("</code></h1><ul class=\"keys\">");
        KeyItems(sb, generation.Table, candidates);
        sb.Append("</ul>");
        return Page(key, sb.ToString(), generation: generation.Name, frame: FrameOf(generation, null));
    }

    /// <summary>Nothing matches: say so plainly, offer close spellings and a search.</summary>
    public static string NotFound(IndexGenerations.Generation generation, string key, IReadOnlyList<KeyEntry> suggestions, string? docSet = null)
    {
        var sb = new StringBuilder();
        sb.Append("<h1 class=\"notfound\">No Python documentation found for <code>").Append(Encode(key)).Append("</code></h1>");
        if (suggestions.Count > 0)
        {
            sb.Append("<p>Did you mean:</p><ul class=\"keys suggestions\">");
            KeyItems(sb, generation.Table, suggestions);
            sb.Append("</ul>");
        }
        sb.Append("<p><a href=\"/search?q=").Append(Encode(Uri.EscapeDataString(key))).Append("\">Search the documentation for <q>")
            .Append(Encode(key)).Append("</q></a></p>");
        return Page("Not found", sb.ToString(), generation: generation.Name,
            frame: FrameOf(generation, docSet is not null && generation.Table.DocSets.Contains(docSet) ? docSet : null));
    }

    public static void KeyItems(StringBuilder sb, TopicsTable table, IEnumerable<KeyEntry> entries)
    {
        foreach (var e in entries)
        {
            sb.Append("<li><a href=\"").Append(Encode(Addresses.Topic(table, e))).Append("\">").Append(Encode(e.Key))
                .Append("</a> <span class=\"kind\">").Append(Encode(TopicKinds.Name(e.Kind))).Append("</span> <span class=\"docset\">")
                .Append(Encode(e.DocSet)).Append("</span></li>");
        }
    }
}
