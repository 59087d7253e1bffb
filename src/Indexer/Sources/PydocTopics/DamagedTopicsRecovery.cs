using System.Numerics;
using System.Text;

namespace Help.Indexer.Sources.PydocTopics;

/// <summary>
/// Recovers what can be known for certain from a compiled topics table that was captured as text:
/// its bytes were decoded as UTF-8 with every ill-formed sequence replaced by U+FFFD (one per
/// maximal subpart, as Unicode's "best practice" decoders do), line ends normalized (\r\n and \r
/// to \n), and the other C0 controls and DEL dropped. So every byte >= 0x80 that was not part of
/// valid UTF-8 became a hole of unknown value, every control byte vanished without a trace, and
/// marshal's lengths and type codes are damaged wherever they held such bytes; the topic texts,
/// valid UTF-8 without controls, came through whole.
/// <para>
/// The marshal stream of the module's constants is (Python/marshal.c, w_object): for each entry a
/// key (short ASCII: type 'z' or 'Z', with FLAG_REF 0x80 when interned, then a one-byte length
/// and the characters) and its text (type 'a' with an int32 length when ASCII, 'z' with a one-byte
/// length when also shorter than 256, 'u' with an int32 length of UTF-8 bytes otherwise; CPython
/// sets FLAG_REF only on objects it sees twice or interns, and a text is neither), then the texts of
/// the last block, the tuple of their keys (')' with a one-byte count) and None ('N'). See
/// <see cref="TopicsBytecode"/> for why keys and texts alternate; in 3.8 and 3.9 all texts come
/// first and all keys are in the final tuple.
/// </para>
/// <para>
/// Each text starts with its title over a line of '*' as long as the title (Sphinx's text writer);
/// those are the anchors. Between two texts lies a junk run that must parse as keys then a text
/// header, and the header must, after the same damage, be exactly what is left of the type and
/// length of the text that follows, with the length measured from that text. Every way of cutting
/// the stream that satisfies all of this is counted; where a header cannot fit (a control
/// character inside that text vanished), the reading may go on at a cost, and only the cheapest
/// readings count. A text or a key is kept only when every cheapest reading agrees on it and the
/// text's own header fitted. A key whose text was shared with another key's (the compiler stores equal
/// constants once) has no text of its own in the stream and is reported as not recovered.
/// </para>
/// </summary>
internal sealed partial class DamagedTopicsRecovery
{
    private const int Hole = -1;
    private const int MaxJunk = 200;
    private const int MaxParses = 64;

    private static readonly Encoding Utf8Replacing = new UTF8Encoding(false, false);
    private static readonly Encoding Utf8Strict = new UTF8Encoding(false, true);

    private readonly int[] _o;
    private readonly List<int> _anchors;
    private readonly List<Option> _options = [];

    private DamagedTopicsRecovery(string text)
    {
        _o = Items(text);
        _anchors = FindAnchors(_o);
    }

    /// <summary>What could be recovered, the keys seen whose text could not be, and the texts found whose length or key is not certain.</summary>
    public sealed record Result(Dictionary<string, string> Topics, IReadOnlyList<string> LostKeys, int TextsUncertain, int TextsSeen, string? PythonVersion = null);

    public static Result Recover(string text) => new DamagedTopicsRecovery(text).Run();

    /// <summary>
    /// One way of reading the run after the text at <see cref="Anchor"/>: the text ends at
    /// <see cref="End"/>, then <see cref="Keys"/>, then the header (from <see cref="HeaderStart"/>)
    /// of the text at anchor <see cref="Next"/>; or, when <see cref="Next"/> is -1, the final key tuple.
    /// </summary>
    private sealed record Option(int Anchor, int End, IReadOnlyList<string> Keys, int HeaderStart, int Next);

    private Result Run()
    {
        var empty = new Result(new Dictionary<string, string>(StringComparer.Ordinal), [], 0, 0);
        if (_anchors.Count == 0)
        {
            return empty;
        }
        var starts = FirstOptions();
        for (var i = 0; i < _anchors.Count; i++)
        {
            AddOptions(i);
        }
        var byAnchor = _options.Select((o, id) => (o, id)).ToLookup(x => x.o.Anchor, x => x.id);

        // The edges: from a run of keys and a header to each way the text after it can end. An edge
        // whose header does not fit the text costs 1: that text is unverified (a control character
        // inside it vanished, say) but the texts after it can still be read. Only the cheapest
        // readings count.
        var startEdges = starts.SelectMany(start => byAnchor[start.Next]
            .Select(id => (Start: start, To: id, Cost: HeaderFits(start.HeaderStart, _options[id]) ? 0 : 1))).ToList();
        var edges = _options.Select(option => option.Next < 0
            ? new List<(int To, int Cost)>()
            : byAnchor[option.Next].Select(id => (To: id, Cost: HeaderFits(option.HeaderStart, _options[id]) ? 0 : 1)).ToList()).ToList();

        // Forward: the cheapest cost and the number of ways at it to reach each (option, tail count)
        // from a start; the tail count is how many texts so far had no key before them, which only
        // the texts of the last block have.
        var forward = new Dictionary<(int Option, int Tail), (int Cost, BigInteger Ways)>();
        foreach (var (start, to, cost) in startEdges)
        {
            Relax(forward, (to, start.Keys.Count == 0 ? 1 : 0), cost, 1);
        }
        // Options only lead to later anchors, so going through them by anchor is a topological order.
        var order = Enumerable.Range(0, _options.Count).OrderBy(id => _options[id].Anchor).ToList();
        foreach (var id in order)
        {
            foreach (var (state, value) in forward.Where(kv => kv.Key.Option == id).ToList())
            {
                if (Successor(id, state.Tail) is not { } nextTail)
                {
                    continue;
                }
                foreach (var (to, cost) in edges[id])
                {
                    Relax(forward, (to, nextTail), value.Cost + cost, value.Ways);
                }
            }
        }
        // Backward: the cheapest cost and ways to finish; a finish is the key tuple, as long as the tail.
        var backward = new Dictionary<(int Option, int Tail), (int Cost, BigInteger Ways)>();
        foreach (var id in order.AsEnumerable().Reverse())
        {
            foreach (var state in forward.Keys.Where(k => k.Option == id).ToList())
            {
                if (_options[id].Next < 0)
                {
                    if (_options[id].Keys.Count == state.Tail)
                    {
                        backward[state] = (0, 1);
                    }
                    continue;
                }
                if (Successor(id, state.Tail) is not { } nextTail)
                {
                    continue;
                }
                foreach (var (to, cost) in edges[id])
                {
                    if (backward.TryGetValue((to, nextTail), out var after))
                    {
                        Relax(backward, state, after.Cost + cost, after.Ways);
                    }
                }
            }
        }
        var best = int.MaxValue;
        BigInteger total = 0;
        foreach (var (start, to, cost) in startEdges)
        {
            if (backward.TryGetValue((to, start.Keys.Count == 0 ? 1 : 0), out var after))
            {
                var c = cost + after.Cost;
                if (c < best)
                {
                    (best, total) = (c, 0);
                }
                if (c == best)
                {
                    total += after.Ways;
                }
            }
        }
        if (total <= 0)
        {
            return empty;
        }
        // Counted exactly: the readings multiply along the stream and a double lost the unit long before the end.
        bool Certain(BigInteger ways) => ways == total;

        // The cheapest readings' edges into each state, with the keys before the text and whether
        // its header fitted.
        var into = new Dictionary<(int Option, int Tail), List<(IReadOnlyList<string> Keys, bool Verified, BigInteger Ways)>>();
        void Into((int, int) state, IReadOnlyList<string> keys, int cost, BigInteger ways)
        {
            if (!into.TryGetValue(state, out var list))
            {
                into[state] = list = [];
            }
            list.Add((keys, cost == 0, ways));
        }
        var usedStarts = new List<Option>();
        foreach (var (start, to, cost) in startEdges)
        {
            var state = (to, start.Keys.Count == 0 ? 1 : 0);
            if (backward.TryGetValue(state, out var after) && cost + after.Cost == best)
            {
                Into(state, start.Keys, cost, after.Ways);
                usedStarts.Add(start);
            }
        }
        foreach (var (state, before) in forward)
        {
            if (Successor(state.Option, state.Tail) is not { } nextTail)
            {
                continue;
            }
            foreach (var (to, cost) in edges[state.Option])
            {
                if (backward.TryGetValue((to, nextTail), out var after) && before.Cost + cost + after.Cost == best)
                {
                    Into((to, nextTail), _options[state.Option].Keys, cost, before.Ways * after.Ways);
                }
            }
        }

        var through = forward
            .Where(kv => backward.TryGetValue(kv.Key, out var after) && kv.Value.Cost + after.Cost == best)
            .ToDictionary(kv => kv.Key, kv => kv.Value.Ways * backward[kv.Key].Ways);
        // A key is reported lost only when every reading sees it: a key read one way only may not exist.
        var keyWays = new Dictionary<string, BigInteger>(StringComparer.Ordinal);
        foreach (var (state, ways) in through)
        {
            foreach (var key in _options[state.Option].Keys.Distinct())
            {
                keyWays[key] = keyWays.GetValueOrDefault(key) + ways;
            }
        }
        var finals = through.Where(kv => _options[kv.Key.Option].Next < 0).ToList();
        var tupleKeys = finals.Count > 0 && Certain(Sum(finals.Where(kv => kv.Key.Option == finals[0].Key.Option).Select(kv => kv.Value)))
            ? _options[finals[0].Key.Option].Keys
            : null;

        var topics = new Dictionary<string, string>(StringComparer.Ordinal);
        var textsSeen = 0;
        var textsUncertain = 0;
        foreach (var group in through.GroupBy(kv => (_options[kv.Key.Option].Anchor, _options[kv.Key.Option].End)))
        {
            if (!Certain(Sum(group.Select(kv => kv.Value))))
            {
                continue;
            }
            textsSeen++;
            var incoming = group.SelectMany(kv => into.GetValueOrDefault(kv.Key) ?? [], (kv, edge) => (kv.Key.Tail, edge.Keys, edge.Verified, edge.Ways)).ToList();
            var key = CertainKey(incoming.Select(e => (e.Tail, e.Keys, e.Ways)), tupleKeys, total);
            var verified = Certain(Sum(incoming.Where(e => e.Verified).Select(e => e.Ways)));
            var anchor = _anchors[group.Key.Anchor];
            var text = Decode(anchor, group.Key.End);
            if (key is null || !verified || text is null)
            {
                textsUncertain++;
                continue;
            }
            topics[key] = text;
        }
        var lost = keyWays.Where(kv => Certain(kv.Value) && !topics.ContainsKey(kv.Key))
            .Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();
        return new Result(topics, lost, textsUncertain, textsSeen, VersionFromCodeEnd(usedStarts));
    }

    /// <summary>
    /// The version, when the module code's last instructions (just before the constants tuple)
    /// say it: the code ends <c>STORE_NAME 0; RETURN_CONST n</c>, which is 'Z' 'y' in 3.12 and
    /// 'r' 'g' in 3.13 (their opcode numbers), with the argument 0 vanished and n one byte or
    /// vanished; 3.8 to 3.11 end in LOAD_CONST n; RETURN_VALUE alike ('Z' 'd' n 'S'), so no
    /// version is claimed for them. Null unless every reading agrees.
    /// </summary>
    private string? VersionFromCodeEnd(IEnumerable<Option> starts)
    {
        bool At(int k, char c) => k >= 0 && k < _o.Length && _o[k] == c;
        var versions = new HashSet<string?>();
        foreach (var start in starts)
        {
            // The constants tuple's header, ')' and its count (vanished or one item), ends where the first key starts.
            foreach (var paren in new[] { start.End - 1, start.End - 2 }.Where(t => At(t, ')')))
            {
                string? version = null;
                foreach (var gap in new[] { 0, 1 })
                {
                    if (At(paren - 2 - gap, 'Z') && At(paren - 1 - gap, 'y'))
                    {
                        version ??= "3.12";
                    }
                    else if (At(paren - 2 - gap, 'r') && At(paren - 1 - gap, 'g'))
                    {
                        version ??= "3.13";
                    }
                }
                versions.Add(version);
            }
        }
        return versions.Count == 1 ? versions.Single() : null;
    }

    /// <summary>The tail count after the text of <paramref name="option"/>, or null where the reading breaks the layout.</summary>
    private int? Successor(int option, int tail)
    {
        var keyed = _options[option].Keys.Count > 0;
        if (_options[option].Next < 0 || (keyed && tail > 0))
        {
            return null; // keys never come after the texts of the last block
        }
        return keyed ? 0 : tail + 1;
    }

    private static BigInteger Sum(IEnumerable<BigInteger> ways) => ways.Aggregate(BigInteger.Zero, (sum, w) => sum + w);

    private static void Relax(Dictionary<(int, int), (int Cost, BigInteger Ways)> map, (int, int) state, int cost, BigInteger ways)
    {
        if (!map.TryGetValue(state, out var current) || cost < current.Cost)
        {
            map[state] = (cost, ways);
        }
        else if (cost == current.Cost)
        {
            map[state] = (cost, current.Ways + ways);
        }
    }

    /// <summary>The text's bytes as strict UTF-8 without U+FFFD, or null.</summary>
    private string? Decode(int start, int end)
    {
        var bytes = new byte[end - start];
        for (var k = 0; k < bytes.Length; k++)
        {
            bytes[k] = (byte)_o[start + k];
        }
        try
        {
            var text = Utf8Strict.GetString(bytes);
            return text.Contains('\uFFFD') ? null : text;
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>
    /// The key of a text, when every reading agrees: the last key of the run before it, or, for a
    /// text of the last block, the key at its place in the final tuple.
    /// </summary>
    private static string? CertainKey(IEnumerable<(int Tail, IReadOnlyList<string> Keys, BigInteger Ways)> incoming, IReadOnlyList<string>? tupleKeys, BigInteger total)
    {
        var votes = new Dictionary<string, BigInteger>(StringComparer.Ordinal);
        foreach (var (tail, keys, ways) in incoming)
        {
            var key = keys.Count > 0
                ? keys[^1]
                : tupleKeys is not null && tail >= 1 && tail <= tupleKeys.Count ? tupleKeys[tail - 1] : null;
            if (key is null)
            {
                return null;
            }
            votes[key] = votes.GetValueOrDefault(key) + ways;
        }
        return votes.Count == 1 && votes.First().Value == total ? votes.First().Key : null;
    }
}
