namespace Help.Core.Search;

/// <summary>The file layout documented on <see cref="SqliteSearchIndex"/>, in one place for writer and reader.</summary>
internal static class SqliteSearchSchema
{
    public const string Format = "pyhelp-search";

    /// <summary>Raise on any change to the layout, the tokenizer or the meaning of a column.</summary>
    public const int Version = 3;

    /// <summary>
    /// Porter stemming over unicode61 (https://sqlite.org/fts5.html#porter_tokenizer): <c>running</c> finds
    /// <c>run</c>. remove_diacritics 2 also folds diacritics on composed characters.
    /// </summary>
    public const string Tokenizer = "porter unicode61 remove_diacritics 2";

    /// <summary>
    /// The distance between the ids of neighbouring documents in a new file. Ids keep the writer's sorted order
    /// (search ties are broken by id), and the gaps let an update (<see cref="SqliteSearchIndexUpdater"/>) put a
    /// new document between two others without renumbering. Rowid deltas up to 127 still take one byte in
    /// FTS5's doclists (on python3.11-doc, a gap of 16 grew the full-text index by 5%; 4 by half that).
    /// </summary>
    public const long IdGap = 4;

    /// <summary>The <c>meta</c> row naming the tool build that wrote the file and its stamps (absent when none did).</summary>
    public const string BuilderMeta = "builder";

    // The FTS5 column order; bm25 weights and snippet column numbers follow it.
    public const int NameColumn = 0;
    public const int SignatureColumn = 1;
    public const int SummaryColumn = 2;
    public const int BodyColumn = 3;

    /// <summary>
    /// The SQL function that gives a row's body text: the stored body inflated, or, when the index was written
    /// without bodies, the text the reader's <see cref="SearchBodySource"/> renders from the topics table.
    /// The reader registers it on each connection.
    /// </summary>
    public const string BodyFunction = "pyhelp_body";

    // Two tables for one document: ranking joins every match to `docs`, so it holds only the short fields
    // ranking and filters read; the text lives in `texts`, which FTS5 reads only for snippets.
    // Size (measured on python3.11-doc, bench/README.md): the body is most of the text, so it is stored
    // Brotli-compressed and inflated by the `content` view FTS5 reads, or not stored at all when the topics
    // table beside the index holds it (the indexer's choice: 4.9 of 16.8 MB); the identifier-part columns are
    // indexed but never shown, so the view gives them empty; and there is no prefix index, which cost 40%
    // of the full-text index for a few milliseconds on three-letter prefixes.
    public const string Create = $"""
        CREATE TABLE meta(
            name TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE TABLE docs(
            id INTEGER PRIMARY KEY,
            kind INTEGER NOT NULL,
            docset TEXT NOT NULL,
            demoted INTEGER NOT NULL,
            exact_key TEXT NOT NULL,
            exact_leaf TEXT NOT NULL,
            exact_title TEXT NOT NULL,
            key TEXT NOT NULL,
            title TEXT NOT NULL,
            source TEXT
        );
        CREATE TABLE texts(
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            signature TEXT,
            summary TEXT,
            body BLOB,
            stamp INTEGER
        );
        CREATE VIEW content AS
            SELECT t.id AS id, t.name AS name, t.signature AS signature, t.summary AS summary,
                   {BodyFunction}(t.body, d.key, d.kind, d.docset) AS body, '' AS name_parts, '' AS text_parts
            FROM texts AS t JOIN docs AS d ON d.id = t.id;
        CREATE VIRTUAL TABLE fts USING fts5(
            name, signature, summary, body, name_parts, text_parts,
            content='content', content_rowid='id',
            tokenize='{Tokenizer}'
        );
        """;

    public const string InsertDoc = """
        INSERT INTO docs(id, kind, docset, demoted, exact_key, exact_leaf, exact_title, key, title, source)
        VALUES ($id, $kind, $docset, $demoted, $exactKey, $exactLeaf, $exactTitle, $key, $title, $source)
        """;

    // stamp: optional, readers never read it. What the document was made from (SearchIndexBuild), so that the
    // next build of the same tool can tell which rows changed without rendering every body again.
    public const string InsertText = """
        INSERT INTO texts(id, name, signature, summary, body, stamp)
        VALUES ($id, $name, $signature, $summary, $storedBody, $stamp)
        """;

    // External content tables are not kept in step by FTS5 itself: each row is indexed explicitly.
    public const string InsertFts = """
        INSERT INTO fts(rowid, name, signature, summary, body, name_parts, text_parts)
        VALUES ($id, $name, $signature, $summary, $body, $nameParts, $textParts)
        """;

    // FTS5 forgets a row of an external-content table only when given the very values it indexed
    // (https://sqlite.org/fts5.html#the_delete_command).
    public const string DeleteFts = """
        INSERT INTO fts(fts, rowid, name, signature, summary, body, name_parts, text_parts)
        VALUES ('delete', $id, $name, $signature, $summary, $body, $nameParts, $textParts)
        """;

    /// <summary>
    /// Whether a page ranks low unless the query names it: change logs, and index pages, which mention
    /// everything and explain nothing.
    /// </summary>
    public static bool IsDemoted(string? source)
    {
        if (string.IsNullOrEmpty(source))
        {
            return false;
        }
        var page = source.Split('#')[0];
        var file = page[(page.LastIndexOf('/') + 1)..];
        return page.StartsWith("whatsnew/", StringComparison.OrdinalIgnoreCase)
            || page.Contains("changelog", StringComparison.OrdinalIgnoreCase)
            || file.Equals("index.html", StringComparison.OrdinalIgnoreCase)
            || file.Equals("genindex.html", StringComparison.OrdinalIgnoreCase)
            || file.Equals("py-modindex.html", StringComparison.OrdinalIgnoreCase);
    }
}

/// <summary>
/// The knobs of ranking, gathered so the ranking report can compare settings; <see cref="Default"/> is what
/// measured best there (tests/Core.Tests/Search/RankingReport.cs).
/// </summary>
/// <param name="Weights">bm25 weights of name, signature, summary, body, name parts, text parts.</param>
/// <param name="DemotedFactor">What a change log's or index page's relevance is multiplied by.</param>
/// <param name="ObjectBoost">
/// What the relevance of pydoc keys, modules and objects is multiplied by, against sections, pages and terms:
/// a reader who types words usually wants the API that does it, not the prose around it.
/// </param>
/// <param name="AllTermsFirst">Whether hits with every word come before hits with some (else one OR query).</param>
internal sealed record SearchRanking(IReadOnlyList<double> Weights, double DemotedFactor, double ObjectBoost, bool AllTermsFirst)
{
    public static SearchRanking Default { get; } = new([10.0, 5.0, 3.0, 1.0, 10.0, 0.5], 0.2, 2.0, AllTermsFirst: true);
}
