using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Help.Core.Index;
using Help.Core.Model;
using Microsoft.Data.Sqlite;

namespace Help.Core.Search;

/// <summary>
/// Reads the file described on <see cref="SqliteSearchIndex"/>. A search runs in up to three statements:
/// the hits that have every word, then (if the limit is not reached) the hits that have some, then the
/// snippets of the hits kept, so that <c>snippet()</c> runs for the rows shown and not for every match.
/// </summary>
internal sealed class SqliteSearchIndexReader : ISearchIndex
{
    /// <summary>No screen or page shows more; it also bounds the work of one query.</summary>
    public const int MaxLimit = 1000;

    /// <summary>FTS5 allows at most 64 tokens in a snippet; this is about two lines of prose.</summary>
    private const int SnippetTokens = 24;

    /// <summary><see cref="TopicKinds.Priority"/> as SQL over <c>docs.kind</c>.</summary>
    private static readonly string KindPriority = "(CASE d.kind " + string.Join(' ', Enum.GetValues<TopicKind>()
        .Select(k => $"WHEN {(int)k} THEN {TopicKinds.Priority(k)}")) + " ELSE 99 END)";

    /// <summary>The kinds <see cref="SearchRanking.ObjectBoost"/> applies to: pydoc's keys, modules and objects.</summary>
    private static readonly string ObjectKinds = string.Join(", ", Enum.GetValues<TopicKind>()
        .Where(k => TopicKinds.Priority(k) <= TopicKinds.Priority(TopicKind.Method)).Select(k => (int)k));

    // SQLITE_CORRUPT and SQLITE_NOTADB (https://sqlite.org/rescode.html).
    private const int SqliteCorrupt = 11, SqliteNotADatabase = 26;

    private readonly string _path;
    private readonly string _connectionString;
    private readonly SearchRanking _ranking;
    // SqliteConnection is not thread-safe: each search takes an idle connection or opens one, and gives it
    // back, so a server can search from many requests at once.
    private readonly ConcurrentBag<SqliteConnection> _idle = [];
    // Idle connections kept for the next searches. A burst of concurrent requests opens one connection
    // each; keeping them all would keep each one's page cache (64 at once grew a server by 80 MB).
    private static readonly int MaxIdle = Math.Max(2, Environment.ProcessorCount * 2);
    private volatile bool _disposed;

    private readonly SearchBodyCache? _bodies;

    public SqliteSearchIndexReader(string path, SearchRanking ranking, SearchBodySource? bodies = null)
    {
        _bodies = bodies is null ? null : new SearchBodyCache(bodies);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException($"No search index at {full}.", full);
        }
        // A cut or overwritten file is "damaged", which a caller answers by rebuilding (SQLite would say less).
        if (IndexIntegrity.SearchDatabaseHeaderProblem(full) is { } damage)
        {
            throw new InvalidDataException(damage);
        }
        _ranking = ranking;
        _path = full;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadOnly,
            // Pooling would keep the file open after Dispose and stop the index folder being swapped.
            Pooling = false,
        }.ToString();

        var connection = OpenConnection();
        try
        {
            CheckFormat(connection, full);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        _idle.Add(connection);
    }

    public IReadOnlyList<SearchHit> Search(SearchQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (query.Limit <= 0)
        {
            return [];
        }
        var parsed = FtsQuery.Parse(query.Text);
        if (parsed.IsEmpty)
        {
            return [];
        }
        var limit = Math.Min(query.Limit, MaxLimit);

        var connection = Rent();
        try
        {
            var all = _ranking.AllTermsFirst ? parsed.AllOf() : parsed.AnyOf();
            var rows = Select(connection, all, parsed, query, limit);
            if (_ranking.AllTermsFirst && rows.Count < limit && parsed.HasOptionalTerms)
            {
                // Every hit of the first statement matches this one too, so asking for `limit` rows and
                // skipping those already found leaves exactly the rows still wanted.
                var found = rows.Select(r => r.Id).ToHashSet();
                rows.AddRange(Select(connection, parsed.AnyOf(), parsed, query, limit)
                    .Where(r => !found.Contains(r.Id))
                    .Take(limit - rows.Count));
            }
            return query.Snippets ? WithSnippets(connection, rows, parsed) : WithoutSnippets(connection, rows);
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SqliteCorrupt or SqliteNotADatabase)
        {
            // Damage past the header shows only when a query reaches it: report it as the damaged index it is.
            throw new InvalidDataException($"{_path}: the search index is damaged ({e.Message}); rebuild the index.", e);
        }
        finally
        {
            Return(connection);
        }
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var connection))
        {
            connection.Dispose();
        }
    }

    private sealed record Row(long Id, double Score);

    private List<Row> Select(SqliteConnection connection, string match, FtsQuery parsed, SearchQuery query, int limit)
    {
        using var command = connection.CreateCommand();
        var weights = string.Join(", ", _ranking.Weights.Select(w => w.ToString("0.0###", CultureInfo.InvariantCulture)));
        var sql = new StringBuilder($"""
            SELECT fts.rowid,
                   bm25(fts, {weights})
                     * (CASE WHEN d.demoted <> 0 AND $keepDemoted = 0 THEN $demotedFactor ELSE 1.0 END)
                     * (CASE WHEN d.kind IN ({ObjectKinds}) THEN $objectBoost ELSE 1.0 END) AS score,
                   CASE WHEN d.exact_key = $exact THEN 2
                        WHEN (d.exact_leaf = $exact OR d.exact_title = $exact) AND (d.demoted = 0 OR $keepDemoted = 1) THEN 1
                        ELSE 0 END AS tier
            FROM fts CROSS JOIN docs AS d ON d.id = fts.rowid
            WHERE fts MATCH $match
            """);
        command.Parameters.AddWithValue("$match", match);
        command.Parameters.AddWithValue("$exact", parsed.ExactName);
        command.Parameters.AddWithValue("$keepDemoted", parsed.NamesChangelogs ? 1 : 0);
        command.Parameters.AddWithValue("$demotedFactor", _ranking.DemotedFactor);
        command.Parameters.AddWithValue("$objectBoost", _ranking.ObjectBoost);
        if (query.Kinds is { Count: > 0 } kinds)
        {
            var names = kinds.Distinct().Select((k, i) =>
            {
                command.Parameters.AddWithValue($"$kind{i}", (int)k);
                return $"$kind{i}";
            });
            sql.Append($" AND d.kind IN ({string.Join(", ", names)})");
        }
        if (query.DocSet is not null)
        {
            sql.Append(" AND d.docset = $docset");
            command.Parameters.AddWithValue("$docset", query.DocSet);
        }
        // Among exact names the kind decides, as for a lookup (asyncio.run before threading.Thread.run for
        // "run"); then bm25(), lower for better matches; rowid breaks ties so equal inputs give equal output.
        sql.Append($" ORDER BY tier DESC, CASE WHEN tier > 0 THEN {KindPriority} ELSE 0 END, score, fts.rowid LIMIT $limit");
        command.Parameters.AddWithValue("$limit", limit);
        command.CommandText = sql.ToString();

        var rows = new List<Row>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            rows.Add(new Row(reader.GetInt64(0), -reader.GetDouble(1)));
        }
        return rows;
    }

    private static List<SearchHit> WithSnippets(SqliteConnection connection, List<Row> rows, FtsQuery parsed)
    {
        if (rows.Count == 0)
        {
            return [];
        }
        using var command = connection.CreateCommand();
        var ids = IdParameters(command, rows);
        command.CommandText = $"""
            SELECT fts.rowid,
                   snippet(fts, {SqliteSearchSchema.BodyColumn}, $open, $close, $ellipsis, {SnippetTokens}),
                   highlight(fts, {SqliteSearchSchema.SummaryColumn}, $open, $close),
                   highlight(fts, {SqliteSearchSchema.SignatureColumn}, $open, $close),
                   d.key, d.kind, d.docset, d.title, fts.summary, d.source
            FROM fts CROSS JOIN docs AS d ON d.id = fts.rowid
            WHERE fts MATCH $match AND fts.rowid IN ({ids})
            """;
        command.Parameters.AddWithValue("$match", parsed.AnyOf());
        command.Parameters.AddWithValue("$open", Snippets.Open);
        command.Parameters.AddWithValue("$close", Snippets.Close);
        command.Parameters.AddWithValue("$ellipsis", Snippets.Ellipsis);

        var words = parsed.HighlightWords();
        var hits = new Dictionary<long, SearchHit>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var id = reader.GetInt64(0);
                var (text, highlights) = ChooseSnippet(String(reader, 1), String(reader, 2), String(reader, 3), words);
                hits[id] = new SearchHit(
                    Key: reader.GetString(4),
                    Kind: (TopicKind)reader.GetInt32(5),
                    DocSet: reader.GetString(6),
                    Title: reader.GetString(7),
                    Summary: String(reader, 8),
                    Source: String(reader, 9),
                    Score: 0,
                    Snippet: text,
                    Highlights: highlights);
            }
        }
        // Every ranked id matches this statement's expression too (it is the widest of them), so none is lost.
        return InRankOrder(rows, hits);
    }

    /// <summary>The ranked rows' keys and summaries, read from the tables without FTS5, so no body is rendered.</summary>
    private static List<SearchHit> WithoutSnippets(SqliteConnection connection, List<Row> rows)
    {
        if (rows.Count == 0)
        {
            return [];
        }
        using var command = connection.CreateCommand();
        var ids = IdParameters(command, rows);
        command.CommandText = $"""
            SELECT d.id, d.key, d.kind, d.docset, d.title, t.summary, d.source
            FROM docs AS d JOIN texts AS t ON t.id = d.id
            WHERE d.id IN ({ids})
            """;
        var hits = new Dictionary<long, SearchHit>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                hits[reader.GetInt64(0)] = new SearchHit(
                    Key: reader.GetString(1),
                    Kind: (TopicKind)reader.GetInt32(2),
                    DocSet: reader.GetString(3),
                    Title: reader.GetString(4),
                    Summary: String(reader, 5),
                    Source: String(reader, 6),
                    Score: 0,
                    Snippet: "",
                    Highlights: []);
            }
        }
        return InRankOrder(rows, hits);
    }

    /// <summary>One parameter per ranked row's id on <paramref name="command"/>; their names, for an <c>IN (...)</c> list.</summary>
    private static string IdParameters(SqliteCommand command, List<Row> rows) =>
        string.Join(", ", rows.Select((r, i) =>
        {
            command.Parameters.AddWithValue($"$id{i}", r.Id);
            return $"$id{i}";
        }));

    /// <summary>The hits in the rows' ranked order, each with its row's score.</summary>
    private static List<SearchHit> InRankOrder(List<Row> rows, Dictionary<long, SearchHit> hits) =>
        rows.Where(r => hits.ContainsKey(r.Id)).Select(r => hits[r.Id] with { Score = r.Score }).ToList();

    private static string? String(SqliteDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>
    /// The body's excerpt when FTS5 marked a word in it, else the summary or signature it marked a word in.
    /// A hit found only through identifier parts or its name has no marks: then the first of summary and
    /// body in which a part can be shown, else the summary, else the start of the body.
    /// </summary>
    private static (string Text, IReadOnlyList<(int Start, int Length)> Highlights) ChooseSnippet(
        string? body, string? summary, string? signature, IReadOnlyList<(string Word, bool Prefix)> words)
    {
        foreach (var marked in new[] { body, summary, signature })
        {
            if (Snippets.HasMarks(marked))
            {
                return Snippets.Parse(marked!, words);
            }
        }
        (string Text, IReadOnlyList<(int Start, int Length)> Highlights)? first = null;
        foreach (var plain in new[] { summary, body, signature })
        {
            if (string.IsNullOrWhiteSpace(plain))
            {
                continue;
            }
            var parsed = Snippets.Parse(plain, words);
            if (parsed.Highlights.Count > 0)
            {
                return parsed;
            }
            first ??= parsed;
        }
        return first ?? ("", []);
    }

    private SqliteConnection Rent() => _idle.TryTake(out var connection) ? connection : OpenConnection();

    private void Return(SqliteConnection connection)
    {
        if (_disposed || _idle.Count >= MaxIdle)
        {
            connection.Dispose();
            return;
        }
        _idle.Add(connection);
        // Dispose may have drained the bag between the check and the add.
        if (_disposed && _idle.TryTake(out var late))
        {
            late.Dispose();
        }
    }

    /// <summary>
    /// What the writer indexed as the body, in UTF-8: FTS5 finds the marked words by tokenizing it again, so it
    /// must be the same text. Given as a BLOB, which SQLite copies and FTS5 reads as the text it holds
    /// (sqlite3_value_text of a BLOB is its bytes), so a large body is not encoded again on every call.
    /// </summary>
    private byte[] BodyUtf8(byte[]? stored, string key, long kind, string docSet) => stored is not null
        ? StoredText.InflateUtf8(stored)
        : _bodies?.Get(key, (TopicKind)kind, docSet) ?? [];

    private SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        connection.Open();
        // FTS5 reads the text of the rows it makes snippets for through the `content` view, which calls this.
        connection.CreateFunction<byte[]?, string, long, string, byte[]>(SqliteSearchSchema.BodyFunction, BodyUtf8, isDeterministic: true);
        return connection;
    }

    private static void CheckFormat(SqliteConnection connection, string path)
    {
        string? format = null, version = null;
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT name, value FROM meta WHERE name IN ('format', 'version')";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                if (reader.GetString(0) == "format")
                {
                    format = reader.GetString(1);
                }
                else
                {
                    version = reader.GetString(1);
                }
            }
        }
        catch (SqliteException e)
        {
            throw new InvalidDataException($"{path} is not a search index: {e.Message}", e);
        }
        var expected = SqliteSearchSchema.Version.ToString(CultureInfo.InvariantCulture);
        if (format != SqliteSearchSchema.Format || version != expected)
        {
            throw new InvalidDataException(
                $"{path} is not a search index of format {SqliteSearchSchema.Format} version {expected} " +
                $"(found {format ?? "none"} version {version ?? "none"}); rebuild the index.");
        }
    }
}
