using System.Text;

namespace Help.Core.Search;

/// <summary>
/// Snippets: the best passage of a text around the query's words (<see cref="TermOffsets"/> finds them), marked with
/// two control characters, which plain text never holds (<see cref="Parse"/> turns any it meets into spaces), then
/// turned into plain text and highlight offsets.
/// </summary>
internal static class Snippets
{
    public const string Open = "\u0002";
    public const string Close = "\u0003";
    public const string Ellipsis = "\u2026";

    /// <summary>
    /// The passage of <paramref name="text"/>, about <paramref name="chars"/> long, with the most of the query's terms
    /// (then the most matches, then the earliest), its matches marked, and an ellipsis where it cuts the text; null
    /// when <paramref name="matches"/> (in text order) has none inside the text.
    /// </summary>
    public static string? Passage(string text, IReadOnlyList<TermMatch> matches, int chars)
    {
        var valid = matches.Where(m => m.Start >= 0 && m.End <= text.Length && m.End > m.Start).ToList();
        if (valid.Count == 0)
        {
            return null;
        }
        var (first, last) = BestWindow(valid, chars);
        var (start, end) = Around(text, valid[first].Start, valid[last].End, chars);

        var sb = new StringBuilder(end - start + 16);
        var at = start;
        foreach (var m in valid)
        {
            // Inside the passage, and not inside a match already marked (a name's parts sit inside the name).
            if (m.Start < at || m.End > end)
            {
                continue;
            }
            sb.Append(text, at, m.Start - at).Append(Open).Append(text, m.Start, m.End - m.Start).Append(Close);
            at = m.End;
        }
        sb.Append(text, at, end - at);
        var before = text.AsSpan(0, start).IsWhiteSpace() ? "" : Ellipsis + " ";
        var after = text.AsSpan(end).IsWhiteSpace() ? "" : " " + Ellipsis;
        return before + sb.ToString().Trim() + after;
    }

    /// <summary>The run of matches within <paramref name="chars"/> that has the most distinct terms, then the most matches.</summary>
    private static (int First, int Last) BestWindow(List<TermMatch> matches, int chars)
    {
        var best = (First: 0, Last: 0, Terms: 0, Count: 0);
        var terms = new HashSet<int>();
        for (var i = 0; i < matches.Count; i++)
        {
            terms.Clear();
            var last = i;
            for (var j = i; j < matches.Count && (j == i || matches[j].End - matches[i].Start <= chars); j++)
            {
                terms.Add(matches[j].Term);
                last = j;
            }
            if (terms.Count > best.Terms || (terms.Count == best.Terms && last - i + 1 > best.Count))
            {
                best = (i, last, terms.Count, last - i + 1);
            }
        }
        return (best.First, best.Last);
    }

    /// <summary>
    /// About <paramref name="chars"/> of <paramref name="text"/> around [<paramref name="from"/>, <paramref name="to"/>):
    /// some words before it, then on to the length, cut between words.
    /// </summary>
    private static (int Start, int End) Around(string text, int from, int to, int chars)
    {
        var spare = Math.Max(0, chars - (to - from));
        var start = Math.Max(0, from - Math.Min(spare / 2, chars / 4));
        if (start > 0)
        {
            // Start at a word: after the first space between the lead's start and the match.
            var space = text.AsSpan(start, from - start).IndexOfAny(' ', '\n', '\t');
            start = space < 0 ? from : start + space + 1;
        }
        var end = Math.Min(text.Length, Math.Max(to, start + chars));
        if (end < text.Length)
        {
            // End at a word: before the last space between the match's end and the length.
            var space = text.AsSpan(to, end - to).LastIndexOfAny(' ', '\n', '\t');
            end = space < 0 ? to : to + space;
        }
        return (start, end);
    }

    /// <summary>The start of <paramref name="text"/>, about <paramref name="chars"/> long, cut at a space.</summary>
    public static string Start(string text, int chars)
    {
        if (text.Length <= chars)
        {
            return text;
        }
        var cut = text.LastIndexOf(' ', chars);
        return text[..(cut > chars / 2 ? cut : chars)] + " " + Ellipsis;
    }

    /// <summary>
    /// The plain snippet on one line (runs of white space become one space) and where the marked phrases are
    /// in it; then the parts of identifiers the query named (<c>Pool</c> in <c>ThreadPoolExecutor</c> for
    /// <c>pool</c>), which the tokenizer cannot mark because it sees the identifier as one word.
    /// </summary>
    public static (string Text, IReadOnlyList<(int Start, int Length)> Highlights) Parse(
        string marked, IReadOnlyList<(string Word, bool Prefix)> queryWords)
    {
        var sb = new StringBuilder(marked.Length);
        var highlights = new List<(int Start, int Length)>();
        var open = -1;
        var pendingSpace = false;
        foreach (var c in marked)
        {
            if (c == Open[0])
            {
                FlushSpace(sb, ref pendingSpace);
                open = sb.Length;
            }
            else if (c == Close[0])
            {
                if (open >= 0 && sb.Length > open)
                {
                    highlights.Add((open, sb.Length - open));
                }
                open = -1;
            }
            else if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                pendingSpace = sb.Length > 0;
            }
            else
            {
                FlushSpace(sb, ref pendingSpace);
                sb.Append(c);
            }
        }
        var text = sb.ToString();
        AddIdentifierParts(text, highlights, queryWords);
        highlights.Sort((a, b) => a.Start.CompareTo(b.Start));
        return (text, Joined(text, highlights));
    }

    /// <summary>Highlights with only a space between them become one (<c>worker pool</c> reads as one match).</summary>
    private static List<(int Start, int Length)> Joined(string text, List<(int Start, int Length)> sorted)
    {
        var joined = new List<(int Start, int Length)>();
        foreach (var (start, length) in sorted)
        {
            if (joined.Count > 0 && joined[^1] is var (s, l) && start >= s + l && start <= s + l + 1 && text.AsSpan(s + l, start - s - l).IsWhiteSpace())
            {
                joined[^1] = (s, start + length - s);
            }
            else if (joined.Count == 0 || start >= joined[^1].Start + joined[^1].Length)
            {
                joined.Add((start, length));
            }
        }
        return joined;
    }

    private static void FlushSpace(StringBuilder sb, ref bool pendingSpace)
    {
        if (pendingSpace)
        {
            sb.Append(' ');
            pendingSpace = false;
        }
    }

    private static void AddIdentifierParts(
        string text, List<(int Start, int Length)> highlights, IReadOnlyList<(string Word, bool Prefix)> queryWords)
    {
        if (queryWords.Count == 0)
        {
            return;
        }
        var marked = highlights.Count;
        foreach (var (start, length) in SearchText.WordSpans(text))
        {
            if (Overlaps(highlights, marked, start, length))
            {
                continue;
            }
            var word = text.AsSpan(start, length);
            if (Matches(word, queryWords))
            {
                highlights.Add((start, length));
                continue;
            }
            foreach (var (partStart, partLength) in SearchText.IdentifierPartSpans(word))
            {
                if (Matches(word.Slice(partStart, partLength), queryWords))
                {
                    highlights.Add((start + partStart, partLength));
                }
            }
        }
    }

    /// <summary>Whether one of the first <paramref name="count"/> highlights overlaps the span.</summary>
    private static bool Overlaps(List<(int Start, int Length)> highlights, int count, int start, int length)
    {
        for (var i = 0; i < count; i++)
        {
            if (highlights[i].Start < start + length && start < highlights[i].Start + highlights[i].Length)
            {
                return true;
            }
        }
        return false;
    }

    private static bool Matches(ReadOnlySpan<char> word, IReadOnlyList<(string Word, bool Prefix)> queryWords)
    {
        for (var i = 0; i < queryWords.Count; i++)
        {
            var (q, prefix) = queryWords[i];
            if (prefix
                    ? word.StartsWith(q, StringComparison.OrdinalIgnoreCase)
                    : word.Equals(q, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}
