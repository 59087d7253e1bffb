using System.Text.RegularExpressions;
using Help.Server.Api;

namespace Help.Server.Pages;

/// <summary>
/// Points the internal links of a rendered topic at viewer routes. The HTML renderer keeps each link's
/// target as the source page wrote it (<c>../library/spam.html#spam.Tin</c>, relative to the topic's page)
/// and marks it <c>class="internal"</c>; this turns it into <c>/topic/{key}</c> without any lookup:
/// a Python object's anchor is its key, a <c>module-</c> anchor names a module, a page is keyed by its
/// path, and any other anchor becomes the <c>page#anchor</c> form that <see cref="TopicResolver"/> resolves.
/// </summary>
internal static partial class LinkRewriter
{
    // The renderer writes exactly this shape (HtmlRenderer, case Link): an encoded href, then the class.
    [GeneratedRegex("""<a href="([^"]*)" class="internal">""")]
    private static partial Regex InternalLink();

    public static string Rewrite(string html, string? sourcePage) =>
        InternalLink().Replace(html, m =>
        {
            var href = System.Net.WebUtility.HtmlDecode(m.Groups[1].Value);
            var key = TargetKey(href, sourcePage);
            return key is null
                ? m.Value
                : $"<a href=\"{Layout.Encode(RouteKeys.TopicPath(key))}\" class=\"internal\">";
        });

    /// <summary>The key a link target most likely names, or null when it leaves the doc set (an image, a download).</summary>
    public static string? TargetKey(string href, string? sourcePage)
    {
        var hash = href.IndexOf('#');
        var path = hash < 0 ? href : href[..hash];
        var anchor = hash < 0 ? null : href[(hash + 1)..];
        var query = path.IndexOf('?');
        if (query >= 0) path = path[..query];
        var page = Resolve(path, sourcePage);
        if (page is null)
        {
            return null;
        }
        if (string.IsNullOrEmpty(anchor))
        {
            return page;
        }
        if (anchor.StartsWith("module-", StringComparison.Ordinal) && anchor.Length > 7)
        {
            return anchor[7..];
        }
        return IsDottedName(anchor) ? anchor : $"{page}#{anchor}";
    }

    /// <summary>The page key (path without <c>.html</c>) of <paramref name="path"/> taken relative to the source page.</summary>
    private static string? Resolve(string path, string? sourcePage)
    {
        var basePage = sourcePage ?? "";
        if (path.Length == 0)
        {
            path = basePage;
        }
        else
        {
            var dir = basePage.LastIndexOf('/') is var slash and >= 0 ? basePage[..(slash + 1)] : "";
            path = dir + path;
        }
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part is "" or ".") continue;
            if (part == "..")
            {
                if (parts.Count > 0) parts.RemoveAt(parts.Count - 1);
                continue;
            }
            parts.Add(part);
        }
        var joined = string.Join('/', parts);
        if (joined.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
        {
            return joined[..^5];
        }
        return joined.Length == 0 || joined.Contains('.') ? null : joined;
    }

    /// <summary><c>asyncio.run</c>, <c>object.__init__</c>: how Sphinx ids a documented Python object.</summary>
    private static bool IsDottedName(string anchor)
    {
        if (!anchor.Contains('.') || anchor.StartsWith('.') || anchor.EndsWith('.')) return false;
        foreach (var c in anchor)
        {
            if (!(char.IsLetterOrDigit(c) || c is '_' or '.')) return false;
        }
        return true;
    }
}
