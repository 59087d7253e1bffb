using Help.Core.Model;
using Help.Indexer.Sources.Sphinx;

namespace Help.Indexer.Pipeline;

/// <summary>
/// What search learns about each topic from the whole doc set rather than from the topic itself: the authors' index
/// entries that point into it (<see cref="SphinxGenIndex"/>), how many links of the doc set point at it, and whether
/// it or its module is deprecated.
/// </summary>
/// <remarks>Index entries land on a page and an anchor: the topic that holds it (<see cref="TopicLocations"/>); links were resolved so by <see cref="TopicLinks"/>.</remarks>
public sealed class SearchSignals
{
    private readonly Dictionary<(string DocSet, string Key, TopicKind Kind), List<string>> _entries = [];
    private readonly Dictionary<(string DocSet, string Key, TopicKind Kind), int> _links = [];
    private readonly HashSet<(string DocSet, string Key, TopicKind Kind)> _deprecated = [];

    /// <summary>No entries and no links: for topics indexed without their doc set around them.</summary>
    public static SearchSignals None { get; } = new();

    /// <param name="topics">Every topic as stored: nested ones replaced by includes, links resolved (<see cref="TopicLinks"/>).</param>
    /// <param name="indexEntries">The general index of each doc set, by doc set id.</param>
    /// <param name="deprecatedModules">The modules each doc set's module index marks deprecated, by doc set id.</param>
    public static SearchSignals Compute(IReadOnlyList<Topic> topics, IReadOnlyDictionary<string, IReadOnlyList<IndexEntry>> indexEntries,
        IReadOnlyDictionary<string, IReadOnlySet<string>>? deprecatedModules = null)
    {
        var signals = new SearchSignals();
        var locations = new TopicLocations(topics);
        foreach (var (docSet, entries) in indexEntries)
        {
            foreach (var entry in entries)
            {
                if (locations.Find(docSet, entry.Page, entry.Anchor) is { } at && topics[at] is var topic)
                {
                    var list = signals._entries.TryGetValue(Id(topic), out var l) ? l : signals._entries[Id(topic)] = [];
                    if (!list.Contains(entry.Text, StringComparer.OrdinalIgnoreCase))
                    {
                        list.Add(entry.Text);
                    }
                }
            }
        }
        foreach (var source in topics)
        {
            // Each link as often as it is written, to the topic the build resolved it to (Topic.Links, TopicLinks).
            foreach (var link in ModelWalk.Links(source.Body))
            {
                if (link.External || link.Target is null || !source.Links.TryGetValue(link.Target, out var to)
                    || (to.Key == source.Key && to.Kind == source.Kind))
                {
                    continue;
                }
                var id = (source.DocSet, to.Key, to.Kind);
                signals._links[id] = signals._links.GetValueOrDefault(id) + 1;
            }
        }
        signals.MarkDeprecated(topics, deprecatedModules ?? new Dictionary<string, IReadOnlySet<string>>());
        return signals;
    }

    /// <summary>
    /// The topics the docs mark deprecated: a <c>deprecated</c> note among a topic's own first blocks (not those of
    /// a topic nested in it), and everything of a deprecated module (so noted, or flagged in the module index), on
    /// its page or named under it (<c>asyncore.dispatcher.handle_read</c> under <c>asyncore</c>).
    /// </summary>
    private void MarkDeprecated(IReadOnlyList<Topic> topics, IReadOnlyDictionary<string, IReadOnlySet<string>> flagged)
    {
        var modules = flagged.SelectMany(d => d.Value.Select(m => (DocSet: d.Key, Name: m))).ToHashSet();
        var pages = new HashSet<(string DocSet, string Page)>();
        foreach (var topic in topics.Where(t => OwnBlocks(t.Body).OfType<VersionNote>().Any(v => v.Change == VersionChange.Deprecated)
            || (t.Kind == TopicKind.Module && modules.Contains((t.DocSet, t.Key)))))
        {
            _deprecated.Add(Id(topic));
            if (topic.Kind == TopicKind.Module)
            {
                modules.Add((topic.DocSet, topic.Key));
                if (topic.SourcePage is not null)
                {
                    pages.Add((topic.DocSet, topic.SourcePage));
                }
            }
        }
        foreach (var topic in topics)
        {
            if ((topic.SourcePage is not null && pages.Contains((topic.DocSet, topic.SourcePage)))
                || Prefixes(topic.Key).Any(p => modules.Contains((topic.DocSet, p))))
            {
                _deprecated.Add(Id(topic));
            }
        }
    }

    /// <summary>A topic's own blocks: inside its one section or description, up to the first nested one.</summary>
    private static IEnumerable<Block> OwnBlocks(IReadOnlyList<Block> body)
    {
        var blocks = body is [Section s] ? s.Body : body is [Description d] ? d.Body : body;
        return blocks.TakeWhile(b => b is not (Section or Description or TopicInclude));
    }

    /// <summary><c>a</c>, <c>a.b</c> for <c>a.b.c</c>.</summary>
    private static IEnumerable<string> Prefixes(string key)
    {
        for (var dot = key.IndexOf('.'); dot > 0; dot = key.IndexOf('.', dot + 1))
        {
            yield return key[..dot];
        }
    }

    /// <summary>Whether the docs mark <paramref name="topic"/> deprecated, or the module it belongs to.</summary>
    public bool IsDeprecated(Topic topic) => _deprecated.Contains(Id(topic));

    /// <summary>The index entries that point into <paramref name="topic"/>.</summary>
    public IReadOnlyList<string> EntriesOf(Topic topic) => _entries.TryGetValue(Id(topic), out var list) ? list : [];

    /// <summary>How many links of the doc set point at <paramref name="topic"/>.</summary>
    public int LinksTo(Topic topic) => _links.GetValueOrDefault(Id(topic));

    private static (string, string, TopicKind) Id(Topic t) => (t.DocSet, t.Key, t.Kind);
}
