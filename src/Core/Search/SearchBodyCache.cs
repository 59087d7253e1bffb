using Help.Core.Model;

namespace Help.Core.Search;

/// <summary>
/// The bodies a <see cref="SearchBodySource"/> rendered most recently, kept up to a total size, for snippets.
/// A search asks for the body of every hit it shows, and the same pages come back in search after search:
/// on python3.11-doc a search for <c>dataclass</c> spent 160 of its 175 ms and 75 MB of allocations rendering
/// the 424,000-character <c>contents</c> page, much of it on the large-object heap, which is what a server under
/// load grew by; with the body kept the same search takes 10 ms and allocates under 1 MB. Safe to share between threads.
/// </summary>
internal sealed class SearchBodyCache
{
    /// <summary>8 MiB of UTF-16: the bodies of a few hundred hits, or a few of the largest pages.</summary>
    public const int DefaultCapacityChars = 4 * 1024 * 1024;

    private readonly SearchBodySource _source;
    private readonly long _capacity;
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Key, TopicKind Kind, string DocSet), LinkedListNode<Entry>> _entries = [];
    // Most recently used first.
    private readonly LinkedList<Entry> _order = new();
    private long _chars;

    private sealed record Entry((string Key, TopicKind Kind, string DocSet) Id, string Body);

    public SearchBodyCache(SearchBodySource source, long capacityChars = DefaultCapacityChars)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegative(capacityChars);
        _source = source;
        _capacity = capacityChars;
    }

    /// <summary>Characters held now; never more than the capacity.</summary>
    public long Chars
    {
        get
        {
            lock (_lock)
            {
                return _chars;
            }
        }
    }

    /// <summary>As <see cref="SearchBodySource"/>: the cached body, else the source's (kept if it fits).</summary>
    public string? Get(string key, TopicKind kind, string docSet)
    {
        var id = (key, kind, docSet);
        lock (_lock)
        {
            if (_entries.TryGetValue(id, out var node))
            {
                _order.Remove(node);
                _order.AddFirst(node);
                return node.Value.Body;
            }
        }
        // Rendered outside the lock, so a large body does not hold up other searches; two searches may render
        // the same body at once, and the second finds it kept.
        var body = _source(key, kind, docSet);
        // One body may take a quarter of the cache, so a page larger than that does not empty it of the rest.
        if (body is null || body.Length > _capacity / 4)
        {
            return body;
        }
        lock (_lock)
        {
            if (_entries.ContainsKey(id))
            {
                return body;
            }
            _entries[id] = _order.AddFirst(new Entry(id, body));
            _chars += body.Length;
            while (_chars > _capacity && _order.Last is { } oldest)
            {
                _order.RemoveLast();
                _entries.Remove(oldest.Value.Id);
                _chars -= oldest.Value.Body.Length;
            }
        }
        return body;
    }
}
