using System.Text;
using Help.Core.Model;

namespace Help.Core.Search;

/// <summary>
/// The bodies a <see cref="SearchBodySource"/> rendered most recently, as the UTF-8 text the search index's
/// <c>pyhelp_body</c> function gives FTS5 for snippets, kept up to a total size. Safe to share between threads.
/// </summary>
/// <remarks>
/// A search asks for the body of every hit it shows, and the same pages come back in search after search: on
/// python3.11-doc a search for <c>dataclass</c> spent 160 of its 175 ms and 75 MB of allocations rendering the
/// 424,000-character <c>contents</c> page, much of it on the large-object heap, which is what a server under load
/// grew by. Kept as UTF-8 bytes, which SQLite copies as they are: a string would be encoded again on every call,
/// and for a large page that is another large-object allocation per search (5 full collections a second in the
/// soak run when only the string was kept).
/// </remarks>
internal sealed class SearchBodyCache
{
    /// <summary>8 MiB: the bodies of a few hundred hits, or a few of the largest pages.</summary>
    public const int DefaultCapacityBytes = 8 * 1024 * 1024;

    private readonly SearchBodySource _source;
    private readonly long _capacity;
    private readonly Lock _lock = new();
    private readonly Dictionary<(string Key, TopicKind Kind, string DocSet), LinkedListNode<Entry>> _entries = [];
    // Most recently used first.
    private readonly LinkedList<Entry> _order = new();
    private long _bytes;

    private sealed record Entry((string Key, TopicKind Kind, string DocSet) Id, byte[] Body);

    public SearchBodyCache(SearchBodySource source, long capacityBytes = DefaultCapacityBytes)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegative(capacityBytes);
        _source = source;
        _capacity = capacityBytes;
    }

    /// <summary>Bytes held now; never more than the capacity.</summary>
    public long Bytes
    {
        get
        {
            lock (_lock)
            {
                return _bytes;
            }
        }
    }

    /// <summary>
    /// The body the index was built with (<see cref="SearchText.Clean"/> of the source's text) in UTF-8; empty
    /// when the source has none. Kept if it fits.
    /// </summary>
    public byte[] Get(string key, TopicKind kind, string docSet)
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
        var text = _source(key, kind, docSet);
        if (text is null)
        {
            return [];
        }
        var body = Encoding.UTF8.GetBytes(SearchText.Clean(text));
        // One body may take a quarter of the cache, so a page larger than that does not empty it of the rest.
        if (body.Length > _capacity / 4)
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
            _bytes += body.Length;
            while (_bytes > _capacity && _order.Last is { } oldest)
            {
                _order.RemoveLast();
                _entries.Remove(oldest.Value.Id);
                _bytes -= oldest.Value.Body.Length;
            }
        }
        return body;
    }
}
