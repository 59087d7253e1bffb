using AngleSharp.Dom;
using Help.Core.Model;
using Help.Indexer.Pipeline;

namespace Help.Indexer.Sources.Sphinx;

/// <summary>
/// Pages that only send the reader elsewhere: a moved page's stub (<c>&lt;meta http-equiv="refresh"
/// content="0;URL=user_guide/10min.html"&gt;</c>, as sphinx-reredirects and pandas write them). A stub is no topic
/// of its own and no damage: its path becomes another name of the page it leads to.
/// </summary>
/// <remarks>
/// The importer returns a stub as a marker topic (<see cref="Role"/>, the target as its one link), so that it is
/// cached with the page like any import; <see cref="Resolve"/> then turns every marker of a tree into an alias of its
/// target's topic, once all pages are in.
/// </remarks>
public static class Redirects
{
    /// <summary>The role of a marker topic.</summary>
    public const string Role = "pyhelp:redirect";

    /// <summary>More text than this in a page with a refresh is a page of its own that also refreshes.</summary>
    private const int MaxStubText = 500;

    /// <summary>The marker of a stub page, or null when <paramref name="document"/> is a page of its own.</summary>
    public static Topic? Of(IDocument document, string pagePath, DocSet docSet)
    {
        var content = document.QuerySelectorAll("meta").FirstOrDefault(m =>
            string.Equals(m.GetAttribute("http-equiv"), "refresh", StringComparison.OrdinalIgnoreCase))?.GetAttribute("content");
        if (content is null || (document.Body?.TextContent.Trim().Length ?? 0) > MaxStubText)
        {
            return null;
        }
        var at = content.IndexOf("url=", StringComparison.OrdinalIgnoreCase);
        var target = at < 0 ? "" : content[(at + 4)..].Trim().Trim('\'', '"');
        if (target.Length == 0)
        {
            return null;
        }
        var key = pagePath.EndsWith(".html", StringComparison.OrdinalIgnoreCase) ? pagePath[..^5] : pagePath;
        return new Topic
        {
            Key = key,
            Kind = TopicKind.Page,
            DocSet = docSet.Id,
            Title = key,
            Role = Role,
            SourcePage = pagePath,
            Body = [new Paragraph([new Link([new TextRun(target)], target, External: false)])],
            Origin = pagePath,
        };
    }

    /// <summary>
    /// <paramref name="topics"/> without their redirect markers, each marker's page now an alias of the topic of the page
    /// it leads to (that page's own topic, or its first module). A marker whose target is not in the tree is reported.
    /// </summary>
    public static List<Topic> Resolve(IReadOnlyList<Topic> topics, Action<string, string> warn)
    {
        var markers = topics.Where(t => t.Role == Role).ToList();
        if (markers.Count == 0)
        {
            return topics as List<Topic> ?? [.. topics];
        }
        var result = topics.Where(t => t.Role != Role).ToList();
        var locations = new TopicLocations(result);
        var aliases = new Dictionary<int, List<string>>();
        foreach (var marker in markers)
        {
            var href = ModelWalk.Links(marker.Body).FirstOrDefault()?.Target ?? "";
            // A stub may lead to another stub: follow up to a few steps.
            var target = LinkTarget.Resolve(href, marker.SourcePage);
            for (var hop = 0; hop < 5 && target is not null && locations.Find(marker.DocSet, target.Page, null) is null; hop++)
            {
                var next = markers.FirstOrDefault(m => m.DocSet == marker.DocSet && m.SourcePage == target.Page);
                target = next is null ? null : LinkTarget.Resolve(ModelWalk.Links(next.Body).FirstOrDefault()?.Target ?? "", next.SourcePage);
            }
            if (target is not null && locations.Find(marker.DocSet, target.Page, null) is { } index)
            {
                (aliases.TryGetValue(index, out var list) ? list : aliases[index] = []).Add(marker.Key);
            }
            else
            {
                warn(marker.Origin ?? marker.Key, $"redirects to {href}, which is not a page of this tree");
            }
        }
        foreach (var (index, names) in aliases)
        {
            result[index] = result[index] with { Aliases = [.. result[index].Aliases, .. names.Order(StringComparer.Ordinal)] };
        }
        return result;
    }
}
