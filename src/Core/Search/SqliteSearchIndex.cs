using Help.Core.Model;

namespace Help.Core.Search;

/// <summary>
/// The search engine: SQLite's FTS5. This is the one public type that names SQLite; everything else speaks
/// <see cref="ISearchIndex"/> and <see cref="ISearchIndexWriter"/>, so the engine can be swapped.
/// </summary>
/// <remarks>
/// <para>File layout, format version 3 (<c>meta</c> row <c>version</c>):</para>
/// <list type="bullet">
/// <item><c>meta(name, value)</c>: <c>format</c> = <c>pyhelp-search</c>, <c>version</c>, <c>documents</c>,
/// <c>tokenizer</c>.</item>
/// <item><c>docs(id, kind, docset, demoted, exact_key, exact_leaf, exact_title, key, title, source)</c>: one
/// row per document, ids in the writer's sorted order; the short fields that ranking and filters read for
/// every match. <c>exact_*</c> are the key, its last dotted part and the title with only their letters and digits, lower case, for the exact-name tier; <c>demoted</c> marks change logs
/// and index pages.</item>
/// <item><c>texts(id, name, signature, summary, body)</c>: the same ids, the text. <c>name</c> is key and
/// title; <c>body</c> is UTF-8 compressed with Brotli, one stream per row, or NULL in an index written
/// by <see cref="CreateWithoutBodies"/> (<c>meta</c> row <c>bodies</c>).</item>
/// <item><c>content</c>: a view over <c>texts</c> and <c>docs</c> with the six columns FTS5 indexes: <c>body</c>
/// from the SQL function <c>pyhelp_body(body, key, kind, docset)</c> (registered by the reader, which inflates a
/// stored body or asks its <see cref="SearchBodySource"/>; other SQLite tools cannot make snippets), and
/// <c>name_parts</c>, <c>text_parts</c> empty: they hold identifier parts (<c>ThreadPoolExecutor</c>: thread pool
/// executor) of the names and of the text, cut at index time so the stock tokenizer finds them; they are
/// indexed but never shown, so they are not stored.</item>
/// <item><c>fts</c>: an FTS5 table over <c>content</c> (external content,
/// https://sqlite.org/fts5.html#external_content_tables), its six columns in that order; tokenizer
/// <c>porter unicode61 remove_diacritics 2</c>; no prefix index (on the Python docs it was 40% of the
/// full-text index and saved a few milliseconds on three-letter prefixes).</item>
/// </list>
/// <para>
/// Compatibility: a reader accepts only its own version. Any change to the columns, the tokenizer or the
/// meaning of a column raises the version; the index is rebuilt from sources, never migrated.
/// The same documents, in any order, give a byte-identical file: rows are sorted by ordinal comparison and
/// nothing time-dependent is stored.
/// </para>
/// </remarks>
public static class SqliteSearchIndex
{
    /// <summary>
    /// Opens a built index read-only. Connections are not pooled and no journal is written, so once the
    /// index is disposed its file can be replaced or deleted.
    /// </summary>
    /// <exception cref="FileNotFoundException">There is no file at <paramref name="path"/>.</exception>
    /// <exception cref="InvalidDataException">The file is not a search index of this format version.</exception>
    public static ISearchIndex Open(string path) => new SqliteSearchIndexReader(path, SearchRanking.Default);

    /// <summary>
    /// Opens a built index whose bodies may live elsewhere: for a row written without its body,
    /// <paramref name="bodies"/> gives the text it was indexed with (<see cref="SearchDocument.BodyOf"/>), for snippets.
    /// The bodies it gave last are kept (up to 8 MiB of UTF-8) for the next searches, so it is asked again only
    /// for bodies not shown recently.
    /// </summary>
    public static ISearchIndex Open(string path, SearchBodySource bodies) => new SqliteSearchIndexReader(path, SearchRanking.Default, bodies);

    /// <summary>
    /// Starts a new index at <paramref name="path"/>. It is built beside the path and moved into place by
    /// <see cref="ISearchIndexWriter.Complete"/>, so an index in use is not touched until the new one is whole.
    /// </summary>
    public static ISearchIndexWriter Create(string path) => new SqliteSearchIndexWriter(path);

    /// <summary>
    /// As <see cref="Create(string)"/>, but bodies are indexed and not stored: whoever opens the index gives
    /// them back through a <see cref="SearchBodySource"/>. The indexer does this, since its topics table
    /// holds every body already.
    /// </summary>
    public static ISearchIndexWriter CreateWithoutBodies(string path) => new SqliteSearchIndexWriter(path, storeBodies: false);

    /// <summary>Opens an index with other ranking settings, for measuring them against each other.</summary>
    internal static ISearchIndex Open(string path, SearchRanking ranking) => new SqliteSearchIndexReader(path, ranking);
}

/// <summary>The body text a search document of (key, kind, doc set) was indexed with, or null when unknown.</summary>
public delegate string? SearchBodySource(string key, TopicKind kind, string docSet);
