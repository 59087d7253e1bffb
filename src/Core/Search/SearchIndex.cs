using Help.Core.Model;
using Lucene.Net.Index;
using Lucene.Net.Search;
using LuceneQuery = Lucene.Net.Search.Query;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace Help.Core.Search;

/// <summary>
/// A built search index (a Lucene directory, <see cref="FolderName"/> in an index generation), open for searching.
/// Safe to share between threads: a server opens one and answers every request from it.
/// </summary>
/// <remarks>
/// A search ranks in tiers, then by score: the topics whose key is the query exactly (as typed, then as a name:
/// <c>asyncio.gather()</c>, <c>thread pool executor</c>), those whose last name or title is (best kind first); then,
/// for a query that is one name nothing is called, the close spellings; then the topics with most of the words,
/// then those with some. Scores are BM25 over the weighted fields (<see cref="SearchQueryBuilder"/>), scaled by the
/// share of words matched, times each topic's static weight (<see cref="SearchFields.StaticWeight"/>).
/// </remarks>
public sealed class SearchIndex : IDisposable
{
    /// <summary>The folder of the search index in a generation.</summary>
    public const string FolderName = "search";

    /// <summary>No screen or page shows more; it also bounds the work of one query.</summary>
    public const int MaxLimit = 1000;

    /// <summary>About two lines of prose: the length of a snippet.</summary>
    private const int SnippetChars = 150;

    /// <summary>Close spellings shown before the full-text hits of a query that is a name nothing is called.</summary>
    private const int CloseSpellingsFirst = 3;

    private readonly string _path;
    private readonly FSDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;

    static SearchIndex() => LuceneFormats.EnsureConfigured();

    private SearchIndex(string path, FSDirectory directory, DirectoryReader reader)
    {
        _path = path;
        _directory = directory;
        _reader = reader;
        _searcher = new IndexSearcher(reader) { Similarity = new SearchSimilarity() };
    }

    /// <summary>How many documents the index holds.</summary>
    public int Count => _reader.NumDocs;

    /// <summary>
    /// Opens the index in <paramref name="path"/>.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no index in <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The index is damaged or partly written.</exception>
    public static SearchIndex Open(string path)
    {
        var full = Path.GetFullPath(path);
        if (!System.IO.Directory.Exists(full))
        {
            throw new FileNotFoundException($"No search index at {full}.", full);
        }
        var directory = FSDirectory.Open(full);
        DirectoryReader? reader = null;
        try
        {
            reader = DirectoryReader.Open(directory);
            if (SearchIndexBuild.FormatOf(reader) is var format && format != SearchIndexBuild.FormatVersion)
            {
                throw new InvalidDataException($"{full}: the search index is of format {format ?? "(none)"}, this tool reads {SearchIndexBuild.FormatVersion}; rebuild the index.");
            }
            return new SearchIndex(full, directory, reader);
        }
        catch (Exception e) when (IsDamage(e) || e is IndexFormatTooOldException or IndexFormatTooNewException or InvalidDataException)
        {
            reader?.Dispose();
            directory.Dispose();
            throw e as InvalidDataException ?? Damaged(full, e);
        }
    }

    private static InvalidDataException Damaged(string path, Exception e) =>
        new($"{path}: the search index is damaged ({e.Message}); rebuild the index.", e);

    /// <summary>
    /// Finds the topics that match <paramref name="query"/>, best first. Never throws for the query's text: text with
    /// nothing searchable in it returns no hits.
    /// </summary>
    /// <exception cref="InvalidDataException">The index turned out damaged while searching.</exception>
    public IReadOnlyList<SearchHit> Search(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.Limit <= 0)
        {
            return [];
        }
        var terms = SearchTerms.Parse(query.Text);
        if (terms.IsEmpty || SearchQueryBuilder.MostOf(terms) is not { } mostOf)
        {
            return [];
        }
        var limit = Math.Min(query.Limit, MaxLimit);
        try
        {
            var ranked = Rank(query, terms, mostOf, limit);
            var snippets = query.Snippets ? SnippetsOf(ranked, terms) : null;
            return ranked.Select((r, i) => Hit(r, snippets?[i] ?? ("", []))).ToList();
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw Damaged(_path, e);
        }
    }

    private sealed record Ranked(int Doc, float Score, LuceneDocument Stored);

    private List<Ranked> Rank(SearchQuery query, SearchTerms terms, LuceneQuery mostOf, int limit)
    {
        var filter = SearchQueryBuilder.Filter(query);
        var scores = new Dictionary<int, float>();
        var order = new List<int>();
        void Collect(LuceneQuery q, int n)
        {
            foreach (var hit in Top(SearchQueryBuilder.Weighted(q, terms.NamesChangelogs), filter, n))
            {
                if (scores.TryAdd(hit.Doc, hit.Score))
                {
                    order.Add(hit.Doc);
                }
            }
        }

        // The exact-name tiers, found by their keyword fields and ordered by tier, kind, then score.
        var text = query.Text.Trim();
        var tiered = new List<(Ranked Hit, int Tier)>();
        foreach (var hit in Top(SearchQueryBuilder.ExactNames(text, terms), filter, limit))
        {
            var stored = _searcher.Doc(hit.Doc, SearchFields.Shown);
            if (Tier(stored, text, terms) is var tier and > 0)
            {
                tiered.Add((new Ranked(hit.Doc, 0, stored), tier));
            }
        }

        Collect(mostOf, limit + tiered.Count);
        if (order.Count < limit + tiered.Count && terms.HasOptionalTerms && SearchQueryBuilder.AnyOf(terms) is { } anyOf)
        {
            Collect(anyOf, limit + tiered.Count);
        }
        var full = order.ToList();

        // A name nothing is called (a typo), or a query nothing matches: the close spellings, first those of the whole
        // name (a key or a last name), then those of its words among a topic's names.
        var close = new List<int>();
        if ((tiered.Count == 0 && LooksLikeName(text)) || full.Count == 0)
        {
            var wanted = full.Count == 0 ? limit : CloseSpellingsFirst;
            // The whole name's spellings by closeness alone (Lucene scores a fuzzy match by its edits), the words' with weights.
            foreach (var fuzzy in new[] { SearchQueryBuilder.CloseKeys(text), SearchQueryBuilder.FuzzyWords(terms) is { } words ? SearchQueryBuilder.Weighted(words, terms.NamesChangelogs) : null })
            {
                if (fuzzy is null || close.Count >= wanted)
                {
                    continue;
                }
                foreach (var hit in Top(fuzzy, filter, wanted))
                {
                    scores.TryAdd(hit.Doc, hit.Score);
                    if (!close.Contains(hit.Doc) && close.Count < wanted)
                    {
                        close.Add(hit.Doc);
                    }
                }
            }
        }

        var result = tiered
            .Select(t => (t.Hit with { Score = scores.GetValueOrDefault(t.Hit.Doc) }, t.Tier))
            .OrderByDescending(t => t.Tier)
            .ThenBy(t => TopicKinds.Priority(SearchQueryBuilder.KindOf(t.Item1.Stored.Get(SearchFields.Kind))))
            .ThenByDescending(t => t.Item1.Score)
            .ThenBy(t => t.Item1.Doc)
            .Select(t => t.Item1)
            .ToList();
        var taken = result.Select(r => r.Doc).ToHashSet();
        foreach (var doc in close.Concat(full))
        {
            if (result.Count >= limit)
            {
                break;
            }
            if (taken.Add(doc))
            {
                result.Add(new Ranked(doc, scores[doc], _searcher.Doc(doc, SearchFields.Shown)));
            }
        }
        return result.Take(limit).ToList();
    }

    /// <summary>
    /// The <paramref name="n"/> best documents for <paramref name="query"/>, scored in document order: a collector that
    /// takes documents out of order makes Lucene score a query of alternatives with <c>BooleanScorer</c>, which
    /// allocates a table of 2,048 buckets per segment on every search (a tenth of a search's garbage).
    /// </summary>
    private ScoreDoc[] Top(LuceneQuery query, Filter? filter, int n)
    {
        var collector = TopScoreDocCollector.Create(n, docsScoredInOrder: true);
        _searcher.Search(query, filter, collector);
        return collector.GetTopDocs().ScoreDocs;
    }

    /// <summary>
    /// How exactly a topic is named by the query: 4, its key as typed; 3, its key but for case (and a trailing
    /// <c>()</c>); 2, its last name as typed (<c>namedtuple</c> is <c>collections.namedtuple</c>'s, not
    /// <c>typing.NamedTuple</c>'s); 1, its key, last name, title or one of the authors' index entries for it as a name
    /// (case, dots, spaces and brackets aside: <c>asyncio gather</c>, <c>thread pool executor</c>, <c>walrus operator</c>),
    /// unless it is a change log the query does not ask for; 0: not.
    /// </summary>
    private static int Tier(LuceneDocument stored, string text, SearchTerms terms)
    {
        var key = stored.Get(SearchFields.Key);
        if (key == text)
        {
            return 4;
        }
        if (string.Equals(key, text.EndsWith("()", StringComparison.Ordinal) ? text[..^2] : text, StringComparison.OrdinalIgnoreCase))
        {
            return 3;
        }
        var demoted = !terms.NamesChangelogs && SearchFields.IsDemoted(stored.Get(SearchFields.Source));
        if (SearchFields.LeafOf(key) == text && !demoted)
        {
            return 2;
        }
        var byName = SearchText.NameKey(key) == terms.ExactName || SearchText.LeafKey(key) == terms.ExactName
            || SearchText.NameKey(stored.Get(SearchFields.Title)) == terms.ExactName
            || stored.GetValues(SearchFields.ExactEntry).Contains(terms.ExactName);
        return byName && !demoted ? 1 : 0;
    }

    /// <summary>One word of identifier characters and dots: what a typo of a name looks like (prose has spaces).</summary>
    private static bool LooksLikeName(string text) =>
        text.Length is >= 3 and <= 200 && !text.Contains(' ') && (char.IsLetter(text[0]) || text[0] == '_')
        && text.All(c => char.IsLetterOrDigit(c) || c is '_' or '.');

    private static SearchHit Hit(Ranked ranked, (string Text, IReadOnlyList<(int Start, int Length)> Highlights) snippet)
    {
        var d = ranked.Stored;
        return new SearchHit(d.Get(SearchFields.Key), SearchQueryBuilder.KindOf(d.Get(SearchFields.Kind)), d.Get(SearchFields.DocSet),
            d.Get(SearchFields.Title), d.Get(SearchFields.Summary), d.Get(SearchFields.Source), ranked.Score, snippet.Text, snippet.Highlights);
    }

    /// <summary>The fields a snippet is cut from, the first with a word of the query: the body, the summary, the signature.</summary>
    private static readonly string[] SnippetFields = [SearchFields.Body, SearchFields.Summary, SearchFields.Signature];

    /// <summary>
    /// Each hit's snippet: the best passage of its body with the query's words marked, else of its summary or its
    /// signature, else its summary (or its body's start) with the parts of names the query named marked. Where the
    /// words are is read from the postings, field by field for all hits at once (<see cref="TermOffsets"/>).
    /// </summary>
    private List<(string Text, IReadOnlyList<(int Start, int Length)> Highlights)> SnippetsOf(List<Ranked> ranked, SearchTerms terms)
    {
        var words = terms.HighlightWords();
        var docs = ranked.Select(r => r.Doc).ToList();
        var matches = SnippetFields.ToDictionary(f => f, f => TermOffsets.In(_reader, docs, f, SearchQueryBuilder.SnippetTerms(terms, f, _reader)));
        return ranked.Select(hit =>
        {
            var d = hit.Stored;
            // The body is read only when it is needed: it is most of a document's stored bytes.
            var body = new Lazy<string?>(() => _searcher.Doc(hit.Doc, SearchFields.BodyOnly).Get(SearchFields.Body));
            string? TextOf(string field) => field == SearchFields.Body ? body.Value : d.Get(field);
            foreach (var field in SnippetFields)
            {
                if (matches[field][hit.Doc] is { Count: > 0 } inField && TextOf(field) is { } text
                    && Snippets.Passage(text, inField, SnippetChars) is { } marked)
                {
                    return Snippets.Parse(marked, words);
                }
            }
            var summary = d.Get(SearchFields.Summary);
            var plain = !string.IsNullOrWhiteSpace(summary) ? summary : body.Value is { } b ? Snippets.Start(b, SnippetChars) : "";
            return Snippets.Parse(plain, words);
        }).ToList();
    }

    /// <summary>
    /// Up to <paramref name="max"/> keys spelled close to <paramref name="key"/>: the whole key (<c>asyncio.gahter</c>),
    /// or a key's last name for a name without dots (<c>ThreadPolExecutor</c>), within about one edit in four letters.
    /// </summary>
    public IReadOnlyList<(string Key, TopicKind Kind, string DocSet)> CloseKeys(string key, int max, TopicKind? kind = null, string? docSet = null)
    {
        if (key.Trim().Length == 0 || max <= 0)
        {
            return [];
        }
        try
        {
            var filter = SearchQueryBuilder.Filter(new SearchQuery("", Kinds: kind is { } k ? [k] : null, DocSet: docSet));
            return Top(SearchQueryBuilder.CloseKeys(key), filter, Math.Min(MaxLimit, max * 8))
                .Select(h => (Hit: h, Doc: _searcher.Doc(h.Doc, SearchFields.Shown)))
                .Select(x => (x.Hit.Score, Key: x.Doc.Get(SearchFields.Key), Kind: SearchQueryBuilder.KindOf(x.Doc.Get(SearchFields.Kind)), DocSet: x.Doc.Get(SearchFields.DocSet)))
                .Where(x => x.Kind != TopicKind.Section)
                .OrderByDescending(x => x.Score)
                .ThenBy(x => TopicKinds.Priority(x.Kind))
                .ThenBy(x => x.Key.Count(c => c == '.'))
                .ThenBy(x => x.Key, StringComparer.Ordinal)
                .DistinctBy(x => x.Key)
                .Take(max)
                .Select(x => (x.Key, x.Kind, x.DocSet))
                .ToList();
        }
        catch (Exception e) when (IsDamage(e))
        {
            throw Damaged(_path, e);
        }
    }

    /// <summary>
    /// What a damaged index throws while it is read: an I/O error (Lucene's <c>CorruptIndexException</c> is one), a
    /// slice or value out of range that a decoder met, a format name no factory knows (<see cref="LuceneFormats"/>).
    /// </summary>
    internal static bool IsDamage(Exception e) => e is IOException or IndexOutOfRangeException or ArgumentException or InvalidOperationException;

    /// <summary>
    /// Whether Lucene opens the index as it is (its segments file, every segment's header and format): null when it
    /// does, else what is wrong. Every byte is already checked against the seal's checksums
    /// (<see cref="Index.IndexIntegrity.FullCheck"/>), so the segments' own checksum footers are not read again.
    /// </summary>
    /// <remarks>
    /// Not <c>CheckIndex</c>: it formats its report with <c>dynamic</c> (J2N), which Native AOT cannot bind, so in the
    /// published pyhelp every segment failed it.
    /// </remarks>
    public static string? Check(string path)
    {
        LuceneFormats.EnsureConfigured();
        try
        {
            using var directory = FSDirectory.Open(path);
            using var reader = DirectoryReader.Open(directory);
            return null;
        }
        catch (Exception e) when (IsDamage(e) || e is IndexFormatTooOldException or IndexFormatTooNewException)
        {
            return $"{path}: the search index cannot be read ({e.Message})";
        }
    }

    public void Dispose()
    {
        _reader.Dispose();
        _directory.Dispose();
    }
}
