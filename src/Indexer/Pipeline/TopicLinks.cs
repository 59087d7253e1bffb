using Help.Core.Model;

namespace Help.Indexer.Pipeline;

/// <summary>
/// Resolves every internal link of every topic, once, at build time: the topic it lands on (<see cref="TopicLocations"/>)
/// and the id inside that topic, stored as <see cref="Topic.Links"/>, so that a reader (the viewer, an editor through
/// the API) points a link at a topic without guessing from the source page's path.
/// </summary>
public static class TopicLinks
{
    /// <param name="topics">The topics as stored, nested ones already replaced by includes: each link belongs to its innermost topic.</param>
    public static IReadOnlyList<Topic> Apply(IReadOnlyList<Topic> topics)
    {
        var locations = new TopicLocations(topics);
        var result = new Topic[topics.Count];
        Parallel.For(0, topics.Count, i =>
        {
            var source = topics[i];
            Dictionary<string, LinkTo>? links = null;
            foreach (var link in ModelWalk.Links(source.Body))
            {
                if (link.External || link.Target is not { } href || links?.ContainsKey(href) == true
                    || LinkTarget.Resolve(href, source.SourcePage) is not { } target
                    || locations.Find(source.DocSet, target.Page, target.Anchor) is not { } at)
                {
                    continue;
                }
                var holder = topics[at];
                var anchor = target.Anchor is null || target.Anchor == holder.Anchor ? null : target.Anchor;
                (links ??= new(StringComparer.Ordinal))[href] = new LinkTo(holder.Key, holder.Kind, anchor);
            }
            result[i] = links is null ? source : source with { Links = links };
        });
        return result;
    }
}
