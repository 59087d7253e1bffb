namespace Help.Core.Search;

/// <summary>One thing the user typed between spaces, as words the index can match.</summary>
/// <param name="Words">The chunk's words, lower case: <c>asyncio.gather</c> gives asyncio, gather.</param>
/// <param name="Parts">Each word cut at case and digit changes, or null when no word has parts.</param>
/// <param name="Prefix">Whether the last word also matches as the start of a longer word.</param>
/// <param name="IsStopWord">A word so common in questions that requiring it would lose the answer.</param>
/// <param name="Text">The chunk as typed, from its first word to its last (<c>asyncio.gather</c>, <c>ThreadPoolExecutor</c>).</param>
internal sealed record QueryTerm(
    string Text,
    IReadOnlyList<string> Words,
    IReadOnlyList<IReadOnlyList<string>>? Parts,
    bool Prefix,
    bool IsStopWord);

/// <summary>
/// What a user typed, as terms: no operator syntax is read from it, so any text is a query (quotes, <c>AND</c>,
/// <c>*</c> in the middle, unbalanced brackets, a pasted page); <see cref="SearchQueryBuilder"/> makes Lucene
/// queries of the terms.
/// </summary>
internal sealed class SearchTerms
{
    /// <summary>Enough words for any real question; a pasted page is cut here so a query stays fast.</summary>
    public const int MaxTerms = 16;

    private const int MaxWordsPerTerm = 8;

    /// <summary>The last word is taken as a prefix from this length on: shorter ones match too much.</summary>
    private const int ImplicitPrefixMinLength = 3;

    /// <summary>A typed <c>x*</c> of one letter would merge the lists of a twentieth of all words.</summary>
    private const int ExplicitPrefixMinLength = 2;

    // Question words only: Python's keywords (and, or, not, in, is, as, for, with, from, if) are not here,
    // as people search for them. The verbs of a question ("how do I get / check / convert ...") are here
    // too: the docs say "Return the current date" where the reader asks to get it, so they may match but
    // must not be required.
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "to", "how", "do", "does", "i", "what", "which", "my", "me", "can", "you",
        "your", "on", "at", "into", "by", "about", "using", "there", "this", "that", "be", "are",
        "get", "check", "convert", "make", "generate", "way", "want", "need", "should", "would", "could",
        "please", "it", "its", "we",
    };

    // A query that names the change logs wants them; any other query should not be drowned by them.
    private static readonly HashSet<string> ChangelogWords = new(StringComparer.Ordinal)
    {
        "whatsnew", "changelog", "changelogs", "news", "changes", "release", "releases", "history",
    };

    private SearchTerms(IReadOnlyList<QueryTerm> terms, string exactName, bool namesChangelogs)
    {
        Terms = terms;
        ExactName = exactName;
        NamesChangelogs = namesChangelogs;
    }

    public IReadOnlyList<QueryTerm> Terms { get; }

    /// <summary>The whole query as a <see cref="SearchText.NameKey"/>, for the exact-name tier.</summary>
    public string ExactName { get; }

    public bool NamesChangelogs { get; }

    public bool IsEmpty => Terms.Count == 0;

    public static SearchTerms Parse(string? text)
    {
        text ??= "";
        var terms = new List<QueryTerm>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var groups = Groups(text).ToList();
        for (var g = 0; g < groups.Count && terms.Count < MaxTerms; g++)
        {
            var term = ParseGroup(text, groups[g], isLast: g == groups.Count - 1);
            if (seen.Add(string.Join(' ', term.Words) + (term.Prefix ? "*" : "")))
            {
                terms.Add(term);
            }
        }
        var words = terms.SelectMany(t => t.Words).ToHashSet(StringComparer.Ordinal);
        var namesChangelogs = words.Overlaps(ChangelogWords) || (words.Contains("what") && words.Contains("new"));
        return new SearchTerms(terms, SearchText.NameKey(text), namesChangelogs);
    }

    /// <summary>
    /// The terms that count: stop words are dropped unless the query is nothing else (<c>how to</c>), since
    /// requiring them loses answers and allowing them alone matches every page.
    /// </summary>
    public IReadOnlyList<QueryTerm> Required
    {
        get
        {
            var required = Terms.Where(t => !t.IsStopWord).ToList();
            return required.Count > 0 ? required : Terms;
        }
    }

    /// <summary>Whether some results may match only some of the terms.</summary>
    public bool HasOptionalTerms => Required.Count > 1;

    private static QueryTerm ParseGroup(string text, IReadOnlyList<(int Start, int Length)> spans, bool isLast)
    {
        spans = spans.Take(MaxWordsPerTerm).ToList();
        var originals = spans.Select(s => text.Substring(s.Start, Math.Min(s.Length, SearchText.MaxWordLength))).ToList();
        var words = originals.Select(w => w.ToLowerInvariant()).ToList();
        var end = spans[^1].Start + spans[^1].Length;
        var explicitPrefix = end < text.Length && text[end] == '*' && words[^1].Length >= ExplicitPrefixMinLength;
        // Only while the user is still typing the word: nothing but punctuation after it.
        var implicitPrefix = isLast && words[^1].Length >= ImplicitPrefixMinLength && !text.AsSpan(end).ContainsAny(" \t\r\n");

        IReadOnlyList<IReadOnlyList<string>>? parts = null;
        var split = originals.Select(SearchText.IdentifierParts).ToList();
        if (split.Any(p => p.Count > 0))
        {
            parts = split.Select((p, i) => p.Count > 0 ? p : (IReadOnlyList<string>)[words[i]]).ToList();
        }
        var isStop = words.Count == 1 && !explicitPrefix && StopWords.Contains(words[0]);
        return new QueryTerm(text[spans[0].Start..end], words, parts, explicitPrefix || implicitPrefix, isStop);
    }

    /// <summary>
    /// The words of the text grouped into terms: words joined only by <c>.</c>, <c>_</c>, <c>-</c> or an
    /// apostrophe are one term, matched as a phrase (<c>asyncio.gather</c>, <c>what's</c>, <c>non-blocking</c>),
    /// as the index holds them side by side; any other character between words separates terms.
    /// </summary>
    private static IEnumerable<List<(int Start, int Length)>> Groups(string text)
    {
        List<(int Start, int Length)>? group = null;
        var previousEnd = 0;
        foreach (var span in SearchText.WordSpans(text))
        {
            if (group is not null && !IsJoiner(text.AsSpan(previousEnd, span.Start - previousEnd)))
            {
                yield return group;
                group = null;
            }
            (group ??= []).Add(span);
            previousEnd = span.Start + span.Length;
        }
        if (group is not null)
        {
            yield return group;
        }
    }

    private static bool IsJoiner(ReadOnlySpan<char> gap) =>
        gap.Length is > 0 and <= 2 && !gap.ContainsAnyExcept("._-'\u2019");

    /// <summary>The words and parts a snippet shows as matched where the postings marked nothing (a summary).</summary>
    public IReadOnlyList<(string Word, bool Prefix)> HighlightWords()
    {
        var list = new List<(string, bool)>();
        foreach (var t in Required)
        {
            for (var i = 0; i < t.Words.Count; i++)
            {
                var prefix = t.Prefix && i == t.Words.Count - 1;
                list.Add((t.Words[i], prefix));
                if (t.Parts is not null)
                {
                    var parts = t.Parts[i];
                    for (var j = 0; j < parts.Count; j++)
                    {
                        list.Add((parts[j], prefix && j == parts.Count - 1));
                    }
                }
            }
        }
        return list;
    }
}
