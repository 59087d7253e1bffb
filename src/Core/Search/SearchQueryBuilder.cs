using System.Globalization;
using Help.Core.Model;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Queries.Function;
using Lucene.Net.Queries.Function.ValueSources;
using Lucene.Net.Search;
using LuceneQuery = Lucene.Net.Search.Query;
using Lucene.Net.Util;
using Lucene.Net.Util.Automaton;

namespace Help.Core.Search;

/// <summary>
/// Lucene queries for <see cref="SearchTerms"/>, built from the library's query types: each term is looked for in
/// every text field (weighted), as a phrase of its analyzed words, so <c>asyncio.gather</c> and <c>thread pool</c>
/// keep their order; the last word still being typed also matches as a prefix; words near each other rank higher.
/// </summary>
internal static class SearchQueryBuilder
{
    /// <summary>The text fields and their weights: names most, then the authors' index, the signature, the summary, the body.</summary>
    private static readonly (string Field, float Weight)[] Fields =
    [
        (SearchFields.Names, 10f),
        (SearchFields.IndexEntries, 8f),
        (SearchFields.Signature, 5f),
        (SearchFields.Summary, 3f),
        (SearchFields.Body, 1f),
    ];

    /// <summary>How far apart the words of a multi-word query may be for the proximity boost.</summary>
    private const int ProximitySlop = 3;

    /// <summary>Expansions of a prefix that are scored on names (the rest of a prefix's matches score alike).</summary>
    private const int ScoredPrefixTerms = 64;

    /// <summary>
    /// The topics with at least two of the required terms (each in some field), or all of one; null when there is
    /// none. A long question's words are not all in its answer, and the pages that have every word are tables of
    /// contents: so each term matched adds to the score, and the score is then scaled by the share of terms
    /// matched (<see cref="SearchSimilarity.Coord"/>).
    /// </summary>
    public static LuceneQuery? MostOf(SearchTerms terms) => Combine(terms, MostOf(terms.Required.Count));

    /// <summary>Any one required term, for when <see cref="MostOf"/> finds too little; null when there is none.</summary>
    public static LuceneQuery? AnyOf(SearchTerms terms) => Combine(terms, 1);

    /// <summary>How many of <paramref name="count"/> terms a result must have: two, or the one.</summary>
    public static int MostOf(int count) => Math.Min(count, 2);

    private static LuceneQuery? Combine(SearchTerms terms, int minimum)
    {
        var required = terms.Required;
        if (required.Count == 0)
        {
            return null;
        }
        var matched = new BooleanQuery(disableCoord: false) { MinimumNumberShouldMatch = minimum };
        foreach (var term in required)
        {
            matched.Add(Term(term), Occur.SHOULD);
        }
        var query = new BooleanQuery(disableCoord: true) { { matched, Occur.MUST } };
        if (Proximity(required) is { } near)
        {
            query.Add(near, Occur.SHOULD);
        }
        return query;
    }

    /// <summary>One term in every text field: the phrase of its words, and its prefix while it is being typed.</summary>
    private static LuceneQuery Term(QueryTerm term)
    {
        var any = new BooleanQuery(disableCoord: true);
        foreach (var (field, weight) in Fields)
        {
            if (Phrase(field, term.Text, 0) is { } phrase)
            {
                phrase.Boost = weight;
                any.Add(phrase, Occur.SHOULD);
            }
            if (term.Prefix && PrefixOf(term) is { } prefix)
            {
                var byPrefix = new PrefixQuery(new Term(field, prefix))
                {
                    // Names score each expansion (gather before gathering); in prose, any will do: one filter of the
                    // documents with any of the words (the automatic choice collects the words first, 32 kB a field).
                    MultiTermRewriteMethod = field == SearchFields.Names
                        ? new MultiTermQuery.TopTermsScoringBooleanQueryRewrite(ScoredPrefixTerms)
                        : MultiTermQuery.CONSTANT_SCORE_FILTER_REWRITE,
                    Boost = weight / 2,
                };
                any.Add(byPrefix, Occur.SHOULD);
            }
        }
        return any;
    }

    /// <summary>The words of a multi-word query close together (within <see cref="ProximitySlop"/> positions), in any text field.</summary>
    private static LuceneQuery? Proximity(IReadOnlyList<QueryTerm> required)
    {
        if (required.Count < 2)
        {
            return null;
        }
        var text = string.Join(' ', required.Select(t => t.Text));
        var near = new BooleanQuery(disableCoord: true);
        foreach (var (field, weight) in Fields)
        {
            if (Phrase(field, text, ProximitySlop) is { } phrase)
            {
                phrase.Boost = weight;
                near.Add(phrase, Occur.SHOULD);
            }
        }
        return near.Clauses.Count == 0 ? null : near;
    }

    /// <summary>
    /// The words of <paramref name="text"/> as <paramref name="field"/>'s analyzer makes them, as one phrase (or one
    /// term); stacked tokens (a name and its parts) become alternatives at their position.
    /// </summary>
    private static LuceneQuery? Phrase(string field, string text, int slop) =>
        new QueryBuilder(SearchAnalysis.PerField).CreatePhraseQuery(field, text, slop);

    /// <summary>The last word of a term in the indexed form of a prefix (lower case, no stemming: the word is unfinished).</summary>
    private static string? PrefixOf(QueryTerm term)
    {
        var last = term.Words[^1];
        return last.Length == 0 ? null : last;
    }

    /// <summary>
    /// The close spellings of a query's words (<c>datetime.strptme</c>, <c>wrker poool</c>): every word within one edit
    /// in about four letters (at most two, Lucene's limit), the first letter as typed, in the names or, weighted less,
    /// the summary and the body.
    /// </summary>
    public static LuceneQuery? FuzzyWords(SearchTerms terms)
    {
        var words = terms.Required.SelectMany(t => t.Words).Where(w => w.Length > 0).ToList();
        if (words.Count == 0)
        {
            return null;
        }
        var everyWord = new BooleanQuery(disableCoord: true);
        foreach (var word in words)
        {
            var edits = Math.Min(LevenshteinAutomata.MAXIMUM_SUPPORTED_DISTANCE, word.Length / 4);
            var anyField = new DisjunctionMaxQuery(0.1f);
            foreach (var (field, weight) in Fields.Where(f => f.Field is SearchFields.Names or SearchFields.Summary or SearchFields.Body))
            {
                LuceneQuery close = edits == 0 ? new TermQuery(new Term(field, word)) : new FuzzyQuery(new Term(field, word), edits, prefixLength: 1);
                close.Boost = weight;
                anyField.Add(close);
            }
            everyWord.Add(anyField, Occur.MUST);
        }
        return everyWord;
    }

    /// <summary>
    /// Close spellings of a whole key (<c>spam.open_al</c>) or, for a name without dots, of a key's last name, within
    /// one edit in about four letters: "did you mean", and the first close spellings of a search.
    /// </summary>
    public static LuceneQuery CloseKeys(string key)
    {
        var folded = key.Trim().ToLowerInvariant();
        var edits = Math.Clamp(folded.Length / 4, 1, LevenshteinAutomata.MAXIMUM_SUPPORTED_DISTANCE);
        // Scored by closeness alone (each spelling's boost is its similarity to the query), not by how rare it is.
        FuzzyQuery Close(string field) => new(new Term(field, folded), edits, prefixLength: 1)
        {
            MultiTermRewriteMethod = new MultiTermQuery.TopTermsBoostOnlyBooleanQueryRewrite(ScoredPrefixTerms),
        };
        // The closer of the two, not their sum: a key without dots is its own last name.
        var query = new DisjunctionMaxQuery(0f) { Close(SearchFields.KeyFolded) };
        if (!folded.Contains('.'))
        {
            query.Add(Close(SearchFields.LeafFolded));
        }
        return query;
    }

    /// <summary>The documents whose key, last name, title or an index entry is the query as a name (the exact-name tiers).</summary>
    public static LuceneQuery ExactNames(string text, SearchTerms terms) => new BooleanQuery(disableCoord: true)
    {
        { new TermQuery(new Term(SearchFields.Key, text.Trim())), Occur.SHOULD },
        { new TermQuery(new Term(SearchFields.ExactKey, terms.ExactName)), Occur.SHOULD },
        { new TermQuery(new Term(SearchFields.ExactLeaf, terms.ExactName)), Occur.SHOULD },
        { new TermQuery(new Term(SearchFields.ExactTitle, terms.ExactName)), Occur.SHOULD },
        { new TermQuery(new Term(SearchFields.ExactEntry, terms.ExactName)), Occur.SHOULD },
    };

    /// <summary>
    /// <paramref name="query"/> with each document's static weight multiplied in (<see cref="SearchFields.StaticWeight"/>),
    /// the demotion of change logs included unless the query names them.
    /// </summary>
    public static LuceneQuery Weighted(LuceneQuery query, bool namesChangelogs) =>
        new BoostedQuery(query, new SingleFieldSource(namesChangelogs ? SearchFields.BoostUndemoted : SearchFields.Boost));

    /// <summary>The query's kind and doc set filters, or null when it has none.</summary>
    public static Filter? Filter(SearchQuery query)
    {
        var filter = new BooleanQuery();
        if (query.Kinds is { Count: > 0 } kinds)
        {
            var anyKind = new BooleanQuery();
            foreach (var kind in kinds.Distinct())
            {
                anyKind.Add(new TermQuery(new Term(SearchFields.Kind, ((int)kind).ToString(CultureInfo.InvariantCulture))), Occur.SHOULD);
            }
            filter.Add(anyKind, Occur.MUST);
        }
        if (query.DocSet is not null)
        {
            filter.Add(new TermQuery(new Term(SearchFields.DocSet, query.DocSet)), Occur.MUST);
        }
        return filter.Clauses.Count == 0 ? null : new QueryWrapperFilter(filter);
    }

    /// <summary>
    /// The index terms a snippet of <paramref name="field"/> marks: each required term's words as the field's analyzer
    /// makes them, and the index's words that start with a prefix being typed; each with the number of its term.
    /// </summary>
    public static IReadOnlyList<(BytesRef Word, int Term)> SnippetTerms(SearchTerms terms, string field, IndexReader reader)
    {
        var found = new List<(BytesRef, int)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var t = 0; t < terms.Required.Count; t++)
        {
            var term = terms.Required[t];
            IEnumerable<string> words = Analyzed(field, term.Text);
            if (term.Prefix && PrefixOf(term) is { } prefix)
            {
                words = words.Concat(WordsStartingWith(reader, field, prefix, MaxPrefixWords));
            }
            foreach (var word in words.Where(seen.Add))
            {
                found.Add((new BytesRef(word), t));
            }
        }
        return found;
    }

    /// <summary>The terms <paramref name="field"/>'s analyzer makes of <paramref name="text"/>.</summary>
    private static List<string> Analyzed(string field, string text)
    {
        var words = new List<string>();
        using var stream = SearchAnalysis.PerField.GetTokenStream(field, text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            words.Add(term.ToString());
        }
        stream.End();
        return words;
    }

    /// <summary>At most this many of the index's words for a prefix are marked in snippets (the most frequent first would cost a sort; the first in order suffice).</summary>
    private const int MaxPrefixWords = 64;

    private static IEnumerable<string> WordsStartingWith(IndexReader reader, string field, string prefix, int max)
    {
        var terms = MultiFields.GetTerms(reader, field)?.GetEnumerator();
        if (terms is null || terms.SeekCeil(new BytesRef(prefix)) == TermsEnum.SeekStatus.END)
        {
            yield break;
        }
        var count = 0;
        do
        {
            var word = terms.Term.Utf8ToString();
            if (!word.StartsWith(prefix, StringComparison.Ordinal) || count++ == max)
            {
                yield break;
            }
            yield return word;
        }
        while (terms.MoveNext());
    }

    /// <summary>The kind stored in a document, as <see cref="TopicKind"/>.</summary>
    public static TopicKind KindOf(string stored) =>
        int.TryParse(stored, NumberStyles.None, CultureInfo.InvariantCulture, out var k) ? (TopicKind)k : TopicKind.Other;
}
