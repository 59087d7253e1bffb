using System.Text;

namespace Help.Core.Search;

/// <summary>
/// Turns the highlighter's marked-up passages into plain text and highlight offsets. Lucene's highlighter wraps each
/// matched word in the strings it is given (<c>SimpleHTMLFormatter</c>); the reader gives two control characters,
/// which plain text never holds (<see cref="Parse"/> turns any it meets into spaces), and reads their positions back here.
/// </summary>
internal static class Snippets
{
    public const string Open = "\u0002";
    public const string Close = "\u0003";
    public const string Ellipsis = "\u2026";

    public static bool HasMarks(string? marked) => marked is not null && marked.Contains(Open, StringComparison.Ordinal);

    /// <summary>
    /// <paramref name="passage"/> (a marked part of <paramref name="text"/>) with an ellipsis where it cuts the text:
    /// before it when it does not start the text, after it when it does not end it.
    /// </summary>
    public static string WithEllipses(string passage, string text)
    {
        var plain = passage.Replace(Open, "", StringComparison.Ordinal).Replace(Close, "", StringComparison.Ordinal);
        var at = text.IndexOf(plain, StringComparison.Ordinal);
        if (at < 0)
        {
            return passage;
        }
        var before = text.AsSpan(0, at).Trim().Length > 0 ? Ellipsis + " " : "";
        var after = text.AsSpan(at + plain.Length).Trim().Length > 0 ? " " + Ellipsis : "";
        return before + passage.Trim() + after;
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
        var marked = highlights.ToList();
        foreach (var (start, length) in SearchText.WordSpans(text))
        {
            if (marked.Any(h => h.Start < start + length && start < h.Start + h.Length))
            {
                continue;
            }
            var word = text.Substring(start, length);
            if (Matches(word, queryWords))
            {
                highlights.Add((start, length));
                continue;
            }
            foreach (var (partStart, partLength) in SearchText.IdentifierPartSpans(word))
            {
                if (Matches(word.Substring(partStart, partLength), queryWords))
                {
                    highlights.Add((start + partStart, partLength));
                }
            }
        }
    }

    private static bool Matches(string word, IReadOnlyList<(string Word, bool Prefix)> queryWords)
    {
        foreach (var (q, prefix) in queryWords)
        {
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
