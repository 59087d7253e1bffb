using Help.Core.Index;
using Help.Core.Model;

namespace Help.Server.Pages;

/// <summary>
/// The viewer's address of every topic: <c>/docs/{docset}/{key}</c>, with <c>?kind=</c> only where the doc set has
/// several topics under the key (the class <c>dict</c>, the label <c>dict</c>), so that each topic has one address of its
/// own. A key that a browser would take for a path step (<c>.</c>, <c>..</c>) goes in the query instead.
/// </summary>
internal static class Addresses
{
    public static string DocSet(string docSet) => $"/docs/{Uri.EscapeDataString(docSet)}/";

    public static string Topic(TopicsTable table, string docSet, string key, TopicKind kind, string? anchor = null)
    {
        var shared = table.FindExact(key).Count(e => e.DocSet == docSet && !e.IsAlias) > 1;
        return Topic(docSet, key, shared ? kind : null, anchor);
    }

    public static string Topic(TopicsTable table, Topic topic) => Topic(table, topic.DocSet, topic.Key, topic.Kind);

    public static string Topic(TopicsTable table, KeyEntry entry) => Topic(table, entry.DocSet, entry.Key, entry.Kind);

    public static string Topic(string docSet, string key, TopicKind? kind, string? anchor = null)
    {
        var dotted = key is "." or ".." || key.Length == 0;
        var path = DocSet(docSet) + (dotted ? "" : Uri.EscapeDataString(key));
        var query = (dotted ? "?key=" + Uri.EscapeDataString(key) : "") + (kind is { } k ? (dotted ? "&" : "?") + "kind=" + TopicKinds.Name(k) : "");
        return path + query + (anchor is null ? "" : "#" + Uri.EscapeDataString(anchor));
    }

    /// <summary>An original file of a doc set's tree, served by <see cref="SourceFiles"/>.</summary>
    public static string Source(string docSet, string page, string? anchor = null) =>
        $"/source/{Uri.EscapeDataString(docSet)}/{string.Join('/', page.Split('/').Select(Uri.EscapeDataString))}"
        + (anchor is null ? "" : "#" + Uri.EscapeDataString(anchor));

    /// <summary>
    /// Where an internal link of <paramref name="owner"/> leads in the viewer: the topic the index resolved it to
    /// (<see cref="Topic.Links"/>), else the original file in the doc tree (a general index, an image, a download).
    /// </summary>
    public static string? Link(TopicsTable table, Topic owner, string href)
    {
        if (owner.Links.TryGetValue(href, out var to))
        {
            return Topic(table, owner.DocSet, to.Key, to.Kind, to.Anchor);
        }
        if (owner.SourcePage is null)
        {
            return null;
        }
        var hash = href.IndexOf('#');
        var path = hash < 0 ? href : href[..hash];
        var anchor = hash < 0 || hash == href.Length - 1 ? null : Uri.UnescapeDataString(href[(hash + 1)..]);
        if (path.Length == 0)
        {
            // An id on the same page that no topic holds: let the browser look for it on this one.
            return anchor is null ? null : "#" + Uri.EscapeDataString(anchor);
        }
        var query = path.IndexOf('?');
        var file = LinkTarget.File(query < 0 ? path : path[..query], owner.SourcePage);
        return file is null ? null : Source(owner.DocSet, file, anchor);
    }
}
