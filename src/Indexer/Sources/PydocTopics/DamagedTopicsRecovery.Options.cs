using System.Text;

namespace Help.Indexer.Sources.PydocTopics;

/// <summary>
/// The ways to read the junk between two texts (<see cref="Option"/>): keys, then the header of the next text, each
/// length and count read as the damage may have left it, and whether a header fits the text after it.
/// </summary>
internal sealed partial class DamagedTopicsRecovery
{
    /// <summary>
    /// The first text's header: a run of keys and a header that ends at an anchor, right after the
    /// constants tuple's own header (')' and a one-byte count, or '(' and an int32 count).
    /// </summary>
    private List<Option> FirstOptions()
    {
        var result = new List<Option>();
        for (var k = 0; k < _anchors.Count && result.Count == 0; k++)
        {
            var anchor = _anchors[k];
            for (var s = Math.Max(2, anchor - MaxJunk); s < anchor; s++)
            {
                var afterTuple = _o[s - 1] == ')' || _o[s - 2] == ')'
                    || Enumerable.Range(1, 5).Any(m => s - m >= 0 && _o[s - m] == '(');
                if (!afterTuple)
                {
                    continue;
                }
                foreach (var (keys, header) in ParseJunk(s, anchor))
                {
                    result.Add(new Option(-1, s, keys, header, k));
                }
            }
        }
        return result;
    }

    /// <summary>Every way the text at anchor <paramref name="i"/> can end and what follows it can parse.</summary>
    private void AddOptions(int i)
    {
        var anchor = _anchors[i];
        var firstHole = anchor;
        while (firstHole < _o.Length && _o[firstHole] != Hole)
        {
            firstHole++;
        }
        for (var j = i + 1; j < _anchors.Count && _anchors[j] <= firstHole + MaxJunk; j++)
        {
            var next = _anchors[j];
            // A text may run over a title-and-stars of its own (a false anchor) only where that title
            // starts a line; a true text's title follows the bytes of its header instead.
            if (j > i + 1 && _o[_anchors[j - 1] - 1] != '\n')
            {
                break;
            }
            for (var end = Math.Max(anchor + 1, next - MaxJunk); end <= Math.Min(firstHole, next); end++)
            {
                foreach (var (keys, header) in ParseJunk(end, next))
                {
                    _options.Add(new Option(i, end, keys, header, j));
                }
            }
        }
        for (var end = anchor + 1; end < Math.Min(firstHole + 1, _o.Length); end++)
        {
            if (_o[end] == ')')
            {
                foreach (var keys in ParseKeyTuple(end))
                {
                    _options.Add(new Option(i, end, keys, -1, -1));
                }
            }
        }
    }

    /// <summary>
    /// The run <c>[p, end)</c> as zero or more keys, then a text header (a type code, 'a', 'u' or 'z',
    /// and what is left of its length bytes). Returns the keys and where the header starts.
    /// </summary>
    private List<(IReadOnlyList<string> Keys, int Header)> ParseJunk(int p, int end)
    {
        var results = new List<(IReadOnlyList<string>, int)>();
        ParseKeys(p, end, [], results, atTuple: false);
        return results;
    }

    private void ParseKeys(int p, int end, List<string> keys, List<(IReadOnlyList<string>, int)> results, bool atTuple)
    {
        if (results.Count >= MaxParses)
        {
            return;
        }
        if (!atTuple && end - p is >= 1 and <= 5 && _o[p] is 'a' or 'u' or 'z')
        {
            results.Add((keys.ToList(), p));
        }
        if (atTuple && p < _o.Length && _o[p] == 'N' && keys.Count > 0)
        {
            results.Add((keys.ToList(), p));
        }
        if (p + 1 >= end || _o[p] is not (Hole or 'z' or 'Z'))
        {
            return;
        }
        foreach (var (length, start) in LengthReadings(p + 1))
        {
            if (start + length > end || !IsLabel(start, length))
            {
                continue;
            }
            keys.Add(Encoding.ASCII.GetString(_o.AsSpan(start, length).ToArray().Select(b => (byte)b).ToArray()));
            ParseKeys(start + length, end, keys, results, atTuple);
            keys.RemoveAt(keys.Count - 1);
        }
    }

    /// <summary>
    /// The key tuple after the last text: ')' and a one-byte count, the keys, then None ('N'). The
    /// count, if it survived, must match.
    /// </summary>
    private List<IReadOnlyList<string>> ParseKeyTuple(int paren)
    {
        var results = new List<IReadOnlyList<string>>();
        foreach (var (count, start) in CountReadings(paren + 1))
        {
            var parses = new List<(IReadOnlyList<string> Keys, int At)>();
            ParseKeys(start, _o.Length, [], parses, atTuple: true);
            results.AddRange(parses.Where(r => r.At < _o.Length && _o[r.At] == 'N' && count(r.Keys.Count)).Select(r => r.Keys));
        }
        return results;
    }

    /// <summary>What a one-byte length at <paramref name="q"/> can have been: the byte seen, or a control byte that vanished.</summary>
    private IEnumerable<(int Length, int Start)> LengthReadings(int q)
    {
        var c = _o[q];
        if (c is '\t' or '\n' || (c >= 0x20 && c < 0x7F))
        {
            yield return (c, q + 1);
        }
        if (c == '\n')
        {
            yield return ('\r', q + 1); // \r became \n
        }
        for (var n = 1; n < 0x20; n++)
        {
            if (Vanishes(n))
            {
                yield return (n, q);
            }
        }
    }

    private IEnumerable<(Func<int, bool> Count, int Start)> CountReadings(int q)
    {
        var c = _o[q];
        if (c is '\t' or '\n' || (c >= 0x20 && c < 0x7F))
        {
            yield return (n => n == c || (c == '\n' && n == '\r'), q + 1);
        }
        if (c == Hole)
        {
            yield return (n => n >= 0x80, q + 1);
        }
        yield return (n => n < 0x100 && Vanishes(n), q);
    }

    /// <summary>Control bytes that the capture dropped: C0 but tab, line feed and carriage return (which became \n), and DEL.</summary>
    private static bool Vanishes(int b) => b is (>= 0 and < 0x20 and not '\t' and not '\n' and not '\r') or 0x7F;

    /// <summary>pydoc's topic keys are Sphinx labels, which docutils normalizes to lower case.</summary>
    private bool IsLabel(int start, int length)
    {
        for (var k = start; k < start + length; k++)
        {
            if (_o[k] is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.'))
            {
                return false;
            }
        }
        return length > 0;
    }

    /// <summary>
    /// Whether the header seen at <c>[headerStart, anchor)</c> is what the damage leaves of the true
    /// header of <paramref name="option"/>'s text: its type follows from the text (ASCII or not, and
    /// shorter than 256 or not) and its length is the text's length in bytes.
    /// </summary>
    private bool HeaderFits(int headerStart, Option option)
    {
        var anchor = _anchors[option.Anchor];
        var length = option.End - anchor;
        var ascii = true;
        for (var k = anchor; k < option.End && ascii; k++)
        {
            ascii = _o[k] < 0x80;
        }
        var prefixLength = 0;
        while (prefixLength < 4 && anchor + prefixLength < option.End && _o[anchor + prefixLength] < 0x80)
        {
            prefixLength++;
        }
        var seen = _o.AsSpan(headerStart, anchor - headerStart + prefixLength);
        var prefix = _o.AsSpan(anchor, prefixLength);
        if (ascii)
        {
            return Matches([(byte)'a', .. Int32(length)], prefix, seen)
                || (length < 0x100 && Matches([(byte)'z', (byte)length], prefix, seen));
        }
        return Matches([(byte)'u', .. Int32(length)], prefix, seen);
    }

    private static byte[] Int32(int value) => [(byte)value, (byte)(value >> 8), (byte)(value >> 16), (byte)(value >> 24)];

    private static bool Matches(byte[] header, ReadOnlySpan<int> prefix, ReadOnlySpan<int> seen)
    {
        var bytes = new byte[header.Length + prefix.Length];
        header.CopyTo(bytes, 0);
        for (var k = 0; k < prefix.Length; k++)
        {
            bytes[header.Length + k] = (byte)prefix[k];
        }
        return Damage(bytes).AsSpan().SequenceEqual(seen);
    }
}
