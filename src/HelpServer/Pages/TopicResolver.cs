using Help.Core.Query;

namespace Help.Server.Pages;

/// <summary>What a <c>/topic/{key}</c> request shows: a topic, a choice, a jump into a page, or suggestions.</summary>
internal static class TopicResolver
{
    public sealed record Resolution(LookupResult Lookup, string? RedirectTo = null);

    /// <summary>
    /// The key as the query layer resolves it; failing that, a rewritten link's <c>page#anchor</c> form
    /// (see <see cref="LinkRewriter"/>) is tried as the anchor's own key (a label, an object), then as
    /// the page, which the browser then scrolls to the anchor.
    /// </summary>
    public static Resolution Resolve(HelpQuery query, string key)
    {
        var found = query.Lookup(key);
        if (found.Status != LookupStatus.NotFound)
        {
            return new Resolution(found);
        }
        var hash = key.IndexOf('#');
        if (hash <= 0 || hash == key.Length - 1)
        {
            return new Resolution(found);
        }
        var page = key[..hash];
        var anchor = key[(hash + 1)..];
        var byAnchor = query.Lookup(anchor);
        if (byAnchor.Status == LookupStatus.Found && byAnchor.MatchedBy == KeyMatch.Exact)
        {
            return new Resolution(byAnchor);
        }
        var byPage = query.Lookup(page);
        if (byPage is { Status: LookupStatus.Found, Topic: { } topic } && byPage.MatchedBy == KeyMatch.Exact)
        {
            return new Resolution(byPage, $"{Api.RouteKeys.TopicPath(topic.Key)}#{Uri.EscapeDataString(anchor)}");
        }
        return new Resolution(found);
    }
}
