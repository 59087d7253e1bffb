using Help.Core.Model;

namespace Help.Indexer.Pipeline;

/// <summary>
/// Where a link, an index entry or an inventory entry lands: the topic that holds a page's anchor. The topic whose
/// own anchor it is comes first (the best kind, where a section and its labels share one), then the topic whose
/// <see cref="Topic.Anchors"/> hold it; a page itself lands on its page topic or first module.
/// </summary>
public sealed class TopicLocations
{
    private readonly Dictionary<(string DocSet, string Page, string Anchor), int> _holders = [];

    /// <summary>The locations of <paramref name="topics"/>, by their indexes in that list.</summary>
    public TopicLocations(IReadOnlyList<Topic> topics)
    {
        for (var i = 0; i < topics.Count; i++)
        {
            var topic = topics[i];
            if (topic.SourcePage is null)
            {
                continue;
            }
            Offer(topics, i, topic.Anchor ?? "");
            if (topic.Kind is TopicKind.Page or TopicKind.Module)
            {
                Offer(topics, i, "");
            }
        }
        // Ids held inside a topic come second: a topic's own anchor is never taken by one that merely contains it.
        for (var i = 0; i < topics.Count; i++)
        {
            foreach (var anchor in topics[i].Anchors)
            {
                _holders.TryAdd((topics[i].DocSet, topics[i].SourcePage!, anchor), i);
            }
        }
    }

    private void Offer(IReadOnlyList<Topic> topics, int index, string anchor)
    {
        var topic = topics[index];
        var key = (topic.DocSet, topic.SourcePage!, anchor);
        if (!_holders.TryGetValue(key, out var held) || TopicKinds.Priority(topic.Kind) < TopicKinds.Priority(topics[held].Kind))
        {
            _holders[key] = index;
        }
    }

    /// <summary>The index of the topic that holds <paramref name="anchor"/> (empty or null: the page) of a page, or null.</summary>
    public int? Find(string docSet, string page, string? anchor) =>
        _holders.TryGetValue((docSet, page, anchor ?? ""), out var index) ? index : null;
}
