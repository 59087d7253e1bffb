namespace Help.Core.Model;

/// <summary>Where an internal link points: a page of the doc set (relative to its root) and an anchor on it.</summary>
/// <param name="Page">The page as topics name their <see cref="Topic.SourcePage"/>: <c>library/asyncio-task.html</c>.</param>
/// <param name="Anchor">The id on that page, or null for the page itself.</param>
public sealed record LinkTarget(string Page, string? Anchor)
{
    /// <summary>
    /// The target of <paramref name="href"/> as written on <paramref name="sourcePage"/> (<c>../library/spam.html#spam.Tin</c>),
    /// or null when it does not name an HTML page of the doc set (an image, a download, a path above the root).
    /// </summary>
    public static LinkTarget? Resolve(string href, string? sourcePage)
    {
        var hash = href.IndexOf('#');
        var path = hash < 0 ? href : href[..hash];
        var anchor = hash < 0 || hash == href.Length - 1 ? null : Uri.UnescapeDataString(href[(hash + 1)..]);
        var query = path.IndexOf('?');
        if (query >= 0)
        {
            path = path[..query];
        }
        var page = File(path, sourcePage);
        return page is not null && page.EndsWith(".html", StringComparison.OrdinalIgnoreCase) ? new LinkTarget(page, anchor) : null;
    }

    /// <summary>
    /// The file a relative <paramref name="path"/> (percent-encoded, as in an href) names from <paramref name="sourcePage"/>,
    /// relative to the doc set's root (<c>_images/spam.png</c>, <c>genindex.html</c>); the page itself for an empty path;
    /// null for a path above the root.
    /// </summary>
    public static string? File(string path, string? sourcePage)
    {
        var basePage = sourcePage ?? "";
        var dir = basePage.LastIndexOf('/') is var slash and >= 0 ? basePage[..(slash + 1)] : "";
        var parts = new List<string>();
        foreach (var part in (path.Length == 0 ? basePage : dir + Uri.UnescapeDataString(path)).Split('/'))
        {
            if (part is "" or ".")
            {
                continue;
            }
            if (part == "..")
            {
                if (parts.Count == 0)
                {
                    return null;
                }
                parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        return parts.Count == 0 ? null : string.Join('/', parts);
    }
}

/// <summary>The topic an internal link lands on (of the linking topic's doc set), and the id inside it, or null for its top.</summary>
public sealed record LinkTo(string Key, TopicKind Kind, string? Anchor);
