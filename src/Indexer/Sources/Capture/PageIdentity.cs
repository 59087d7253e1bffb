using System.Net;
using System.Text.RegularExpressions;
using Help.Core.Model;

namespace Help.Indexer.Sources.Capture;

/// <summary>
/// What a single Sphinx page says about itself, for a page indexed without its tree (a capture, a
/// saved page): its path in the doc tree and its doc set. A captured file's own name
/// (<c>000_e3c284c6bf372ec4.txt</c>) and folder say nothing, so both are read from the page.
/// </summary>
public static partial class PageIdentity
{
    /// <summary>How much of the page is looked at: the head, where Sphinx writes both.</summary>
    private const int HeadChars = 16 * 1024;

    /// <summary>
    /// The page's path in its doc tree (<c>library/asyncio.html</c>): the last segments of its
    /// canonical URL, as many as its root link (<c>data-content_root</c> in Sphinx 7+,
    /// <c>data-url_root</c> before) climbs plus one. Null when the page states neither.
    /// </summary>
    public static string? PagePath(string html)
    {
        var head = Head(html);
        var canonical = Canonical().Match(head);
        var root = RootLink().Match(head);
        if (!canonical.Success || !root.Success)
        {
            return null;
        }
        var href = WebUtility.HtmlDecode(canonical.Groups[1].Value);
        var cut = href.IndexOfAny(['#', '?']);
        var segments = (cut >= 0 ? href[..cut] : href).Split('/', StringSplitOptions.RemoveEmptyEntries);
        var depth = Regex.Count(root.Groups[1].Value, @"\.\./");
        if (segments.Length < depth + 2 || !segments[^1].EndsWith(".html", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        return string.Join('/', segments[^(depth + 1)..]);
    }

    /// <summary>
    /// The doc set a page's title names: "asyncio — Asynchronous I/O — Python 3.15.0a6 documentation"
    /// gives <c>python-3.15</c>, version 3.15.0a6. Null when the title names no version.
    /// </summary>
    public static DocSet? DocSetOf(string html, string? root)
    {
        var title = Title().Match(Head(html));
        if (!title.Success)
        {
            return null;
        }
        return Sphinx.SphinxDocTree.ProjectOfTitle(WebUtility.HtmlDecode(title.Groups[1].Value)) is { } project
            ? DocSet.Create(project.Name, project.Version, root)
            : null;
    }

    private static string Head(string html) => html.Length > HeadChars ? html[..HeadChars] : html;

    [GeneratedRegex(@"<link\s+rel=""canonical""\s+href=""([^""]+)""", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Canonical();

    [GeneratedRegex(@"data-(?:content|url)_root=""([^""]*)""", RegexOptions.CultureInvariant)]
    private static partial Regex RootLink();

    [GeneratedRegex(@"<title>([^<]*)</title>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Title();
}
