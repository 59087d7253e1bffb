using System.Text;

namespace Help.Core.Search;

/// <summary>
/// Word handling shared by the writer and the query side, so both cut text into the same words.
/// A word is a run of Unicode letters and decimal digits, nearly what FTS5's <c>unicode61</c> tokenizer keeps
/// (categories L*, N*, Co: https://sqlite.org/fts5.html#unicode61_tokenizer); everything else separates.
/// Where the two differ (<c>x²</c>, private-use characters) a query word can miss, never fail.
/// </summary>
internal static class SearchText
{
    /// <summary>The longest word kept from a query; longer runs are no word anyone types.</summary>
    public const int MaxWordLength = 64;

    private static bool IsWordRune(Rune r) => Rune.IsLetterOrDigit(r);

    /// <summary>The words of <paramref name="text"/> as (start, length) spans, in order.</summary>
    public static IEnumerable<(int Start, int Length)> WordSpans(string text)
    {
        var start = -1;
        var i = 0;
        while (i < text.Length)
        {
            var status = Rune.DecodeFromUtf16(text.AsSpan(i), out var rune, out var used);
            var isWord = status == System.Buffers.OperationStatus.Done && IsWordRune(rune);
            if (isWord && start < 0)
            {
                start = i;
            }
            else if (!isWord && start >= 0)
            {
                yield return (start, i - start);
                start = -1;
            }
            i += Math.Max(used, 1);
        }
        if (start >= 0)
        {
            yield return (start, text.Length - start);
        }
    }

    /// <summary>
    /// The parts of one word written in camelCase, PascalCase or with digits (<c>ThreadPoolExecutor</c>:
    /// thread, pool, executor; <c>HTTPServer</c>: http, server; <c>sha256</c>: sha, 256), lower-cased.
    /// A word that is one part gives none: the tokenizer already has it whole. Snake case and dotted names
    /// need no help, as <c>_</c> and <c>.</c> already separate words for <c>unicode61</c>.
    /// </summary>
    public static IReadOnlyList<string> IdentifierParts(string word) =>
        IdentifierPartSpans(word).Select(p => word.Substring(p.Start, p.Length).ToLowerInvariant()).ToList();

    /// <summary>Where the parts of <see cref="IdentifierParts"/> are in the word; empty for a one-part word.</summary>
    public static IReadOnlyList<(int Start, int Length)> IdentifierPartSpans(ReadOnlySpan<char> word)
    {
        var parts = new List<(int, int)>();
        var start = 0;
        for (var i = 1; i < word.Length; i++)
        {
            char prev = word[i - 1], cur = word[i];
            var boundary =
                (char.IsLower(prev) && char.IsUpper(cur))
                || (char.IsLetter(prev) && char.IsDigit(cur))
                || (char.IsDigit(prev) && char.IsLetter(cur))
                // The last capital of a run of capitals starts the next part: HTTPServer -> HTTP, Server.
                || (char.IsUpper(prev) && char.IsUpper(cur) && i + 1 < word.Length && char.IsLower(word[i + 1]));
            if (boundary)
            {
                parts.Add((start, i - start));
                start = i;
            }
        }
        if (start == 0)
        {
            return [];
        }
        parts.Add((start, word.Length - start));
        return parts;
    }

    /// <summary>
    /// The identifier parts of every word of <paramref name="text"/> that has some, each word's parts on a
    /// line of their own, so that a phrase query (<c>"thread pool"</c>) matches parts of one word.
    /// </summary>
    public static string IdentifierPartsOf(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var sb = new StringBuilder();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (start, length) in WordSpans(text))
        {
            var word = text.Substring(start, length);
            var parts = IdentifierParts(word);
            // A long body names the same class many times; once is enough to find it.
            if (parts.Count > 0 && seen.Add(word))
            {
                sb.Append(string.Join(' ', parts)).Append('\n');
            }
        }
        return sb.ToString();
    }

    /// <summary>
    /// Text as stored: control characters become spaces, because the reader marks highlights in snippets
    /// with two of them and must not meet them in the text itself.
    /// </summary>
    public static string Clean(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var needs = false;
        foreach (var c in text)
        {
            if (char.IsControl(c) && c is not ('\n' or '\t'))
            {
                needs = true;
                break;
            }
        }
        if (!needs)
        {
            return text;
        }
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            if (char.IsControl(chars[i]) && chars[i] is not ('\n' or '\t'))
            {
                chars[i] = chars[i] == '\r' ? '\n' : ' ';
            }
        }
        return new string(chars);
    }

    /// <summary>
    /// A name as compared for the exact-name tier: its letters and digits only, lower case. Spaces, dots,
    /// underscores and parentheses do not count, so <c>asyncio.gather()</c>, <c>asyncio gather</c> and
    /// <c>thread pool executor</c> (against <c>ThreadPoolExecutor</c>) are exact names.
    /// </summary>
    public static string NameKey(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }
        var sb = new StringBuilder(text.Length);
        foreach (var (start, length) in WordSpans(text))
        {
            sb.Append(text.AsSpan(start, length));
        }
        return sb.ToString().ToLowerInvariant();
    }

    /// <summary>The last dotted component of a key as a <see cref="NameKey"/>: <c>threadpoolexecutor</c>.</summary>
    public static string LeafKey(string key)
    {
        var dot = key.TrimEnd('.').LastIndexOf('.');
        return NameKey(dot >= 0 ? key[(dot + 1)..] : key);
    }
}
