using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Help.Core.Search;

/// <summary>
/// Updates a copy of a previous search index to hold a new set of documents (<see cref="SearchIndexBuild"/>):
/// rows whose stamp is unchanged stay as they are; the others are deleted from FTS5 with the values they were
/// indexed with and inserted anew.
/// </summary>
/// <remarks>
/// Why the result searches exactly like a new file: FTS5 keeps its ranking statistics (row count, tokens per
/// column, and the documents per term that bm25 counts while matching) exact through deletes and inserts
/// (https://sqlite.org/fts5.html#external_content_tables); and results tie-break on the id, so every id keeps
/// the writer's sorted order: a new document takes an id between its neighbours' (the writer leaves
/// <see cref="SqliteSearchSchema.IdGap"/> between them). Segments are not merged and the file is not vacuumed:
/// neither changes a result, and both would cost what the update saves.
/// </remarks>
internal static class SqliteSearchIndexUpdater
{
    /// <summary>
    /// Updates in a row before the index is written anew: each leaves FTS5 segments to merge and pages freed,
    /// which only a new file (merged into one b-tree and vacuumed) takes back.
    /// </summary>
    public const int MaxUpdates = 16;

    /// <summary>The <c>meta</c> row counting the updates since the file was written new.</summary>
    private const string UpdatesMeta = "updates";

    public static SearchIndexBuildResult TryUpdate(string previousPath, string path, IReadOnlyList<StampedSearchDocument> documents,
        string builder, SearchBodySource previousBodies)
    {
        var buildPath = path + ".building";
        try
        {
            File.Copy(previousPath, buildPath, overwrite: true);
            SearchIndexBuildResult result;
            // Pooling off: the file is moved right after, and a pooled connection would hold it open.
            using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            {
                DataSource = buildPath,
                Mode = SqliteOpenMode.ReadWrite,
                Pooling = false,
            }.ToString()))
            {
                connection.Open();
                // A copy that is thrown away on failure needs no journal, as a new file does not.
                SqliteSearchIndexWriter.Execute(connection, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;");
                result = Apply(connection, documents, builder, previousBodies);
                if (result.FullBuildReason is not null)
                {
                    return result;
                }
            }
            File.Move(buildPath, path, overwrite: true);
            return result;
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            return Fallback($"the previous search index could not be updated ({e.Message})");
        }
        finally
        {
            File.Delete(buildPath);
        }
    }

    private static SearchIndexBuildResult Fallback(string reason) => new(reason, 0, 0, 0);

    private static SearchIndexBuildResult Apply(SqliteConnection connection, IReadOnlyList<StampedSearchDocument> documents,
        string builder, SearchBodySource previousBodies)
    {
        var meta = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT name, value FROM meta";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                meta[reader.GetString(0)] = reader.GetString(1);
            }
        }
        if (meta.GetValueOrDefault("format") != SqliteSearchSchema.Format
            || meta.GetValueOrDefault("version") != SqliteSearchSchema.Version.ToString(CultureInfo.InvariantCulture)
            || meta.GetValueOrDefault("tokenizer") != SqliteSearchSchema.Tokenizer
            || meta.GetValueOrDefault("bodies") != "topics table")
        {
            return Fallback("the previous search index is of another format");
        }
        if (meta.GetValueOrDefault(SqliteSearchSchema.BuilderMeta) != builder)
        {
            return Fallback("the previous search index was written by another build of the tool");
        }
        var updates = int.TryParse(meta.GetValueOrDefault(UpdatesMeta), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0;
        if (updates >= MaxUpdates)
        {
            return Fallback($"{updates} updates since it was written new: written new to compact it");
        }

        // The previous rows by stamp.
        var previous = new Dictionary<long, long>();
        using (var read = connection.CreateCommand())
        {
            read.CommandText = "SELECT id, stamp FROM texts";
            using var reader = read.ExecuteReader();
            while (reader.Read())
            {
                if (reader.IsDBNull(1))
                {
                    return Fallback("the previous search index has rows without stamps");
                }
                if (!previous.TryAdd(reader.GetInt64(1), reader.GetInt64(0)))
                {
                    return Fallback("the previous search index has two documents of one stamp");
                }
            }
        }

        // The new documents in the writer's order; (doc set, key, kind) decides it when unique.
        var sorted = documents
            .OrderBy(d => d.DocSet, StringComparer.Ordinal)
            .ThenBy(d => d.Key, StringComparer.Ordinal)
            .ThenBy(d => d.Kind)
            .ToArray();
        for (var i = 1; i < sorted.Length; i++)
        {
            if (sorted[i].DocSet == sorted[i - 1].DocSet && sorted[i].Key == sorted[i - 1].Key && sorted[i].Kind == sorted[i - 1].Kind)
            {
                return Fallback($"two documents of one key ({sorted[i].Key})");
            }
        }

        var ids = new long[sorted.Length];
        var kept = new HashSet<long>();
        for (var i = 0; i < sorted.Length; i++)
        {
            if (previous.TryGetValue(sorted[i].Stamp, out var id))
            {
                ids[i] = id;
                kept.Add(id);
            }
        }
        if (!AssignNewIds(ids))
        {
            return Fallback("no room for the new documents' ids between their neighbours'");
        }
        var removed = previous.Values.Where(id => !kept.Contains(id)).Order().ToArray();
        var added = Enumerable.Range(0, sorted.Length).Where(i => !kept.Contains(ids[i])).ToArray();
        if (removed.Length == 0 && added.Length == 0)
        {
            // Not a byte written, so the copy stays the same file as the previous one.
            return new SearchIndexBuildResult(null, kept.Count, 0, 0);
        }
        if (removed.Length + added.Length > sorted.Length / 2)
        {
            // Each removal renders a previous body as well: past this, a new file is the cheaper way.
            return Fallback($"{removed.Length} documents removed and {added.Length} added of {sorted.Length}");
        }
        var made = new SearchDocument[added.Length];
        Parallel.For(0, added.Length, i => made[i] = sorted[added[i]].Make());

        using var transaction = connection.BeginTransaction();
        if (!Remove(connection, transaction, removed, previousBodies, out var missing))
        {
            return Fallback($"the text of {missing} in the previous index is not known");
        }
        using (var inserts = new SqliteSearchIndexWriter.Inserts(connection, transaction, storeBodies: false))
        {
            for (var i = 0; i < added.Length; i++)
            {
                inserts.Add(made[i], ids[added[i]], sorted[added[i]].Stamp);
            }
        }
        using (var setMeta = SqliteSearchIndexWriter.Command(connection, transaction,
            "INSERT OR REPLACE INTO meta(name, value) VALUES ($name, $value)", "$name", "$value"))
        {
            SqliteSearchIndexWriter.Run(setMeta, new() { ["$name"] = "documents", ["$value"] = sorted.Length.ToString(CultureInfo.InvariantCulture) });
            SqliteSearchIndexWriter.Run(setMeta, new() { ["$name"] = UpdatesMeta, ["$value"] = (updates + 1).ToString(CultureInfo.InvariantCulture) });
        }
        transaction.Commit();
        return new SearchIndexBuildResult(null, kept.Count, removed.Length, added.Length);
    }

    /// <summary>
    /// Gives each document without an id (0) one between the ids of the documents around it, evenly spread, so
    /// that ids keep increasing; after the last, <see cref="SqliteSearchSchema.IdGap"/> apart as a new file has them.
    /// False when the kept ids are out of order or too close to fit the new ones.
    /// </summary>
    internal static bool AssignNewIds(long[] ids)
    {
        long low = 0;
        var i = 0;
        while (i < ids.Length)
        {
            if (ids[i] != 0)
            {
                if (ids[i] <= low)
                {
                    return false;
                }
                low = ids[i++];
                continue;
            }
            var end = i;
            while (end < ids.Length && ids[end] == 0)
            {
                end++;
            }
            var run = end - i;
            var high = end < ids.Length ? ids[end] : low + (run + 1) * SqliteSearchSchema.IdGap;
            if (high - low - 1 < run)
            {
                return false;
            }
            for (var j = 0; j < run; j++)
            {
                ids[i + j] = low + (high - low) * (j + 1) / (run + 1);
            }
            low = ids[end - 1];
            i = end;
        }
        return true;
    }

    /// <summary>Deletes rows from every table; FTS5 first, with the values it indexed (the body from <paramref name="bodies"/>).</summary>
    private static bool Remove(SqliteConnection connection, SqliteTransaction transaction, long[] removed, SearchBodySource bodies, out string? missing)
    {
        missing = null;
        using var read = SqliteSearchIndexWriter.Command(connection, transaction, """
            SELECT d.key, d.kind, d.docset, t.name, t.signature, t.summary
            FROM docs AS d JOIN texts AS t ON t.id = d.id WHERE d.id = $id
            """, "$id");
        using var deleteFts = SqliteSearchIndexWriter.Command(connection, transaction, SqliteSearchSchema.DeleteFts,
            "$id", "$name", "$signature", "$summary", "$body", "$nameParts", "$textParts");
        using var deleteRows = SqliteSearchIndexWriter.Command(connection, transaction,
            "DELETE FROM docs WHERE id = $id; DELETE FROM texts WHERE id = $id;", "$id");
        foreach (var id in removed)
        {
            read.Parameters["$id"].Value = id;
            string key, docSet, name;
            Model.TopicKind kind;
            string? signature, summary;
            using (var reader = read.ExecuteReader())
            {
                if (!reader.Read())
                {
                    missing = $"row {id}";
                    return false;
                }
                key = reader.GetString(0);
                kind = (Model.TopicKind)reader.GetInt32(1);
                docSet = reader.GetString(2);
                name = reader.GetString(3);
                signature = reader.IsDBNull(4) ? null : reader.GetString(4);
                summary = reader.IsDBNull(5) ? null : reader.GetString(5);
            }
            if (bodies(key, kind, docSet) is not { } text)
            {
                missing = $"{docSet} {key}";
                return false;
            }
            // Cleaned as the writer cleaned it; the name, signature and summary were stored cleaned.
            var body = SearchText.Clean(text);
            SqliteSearchIndexWriter.Run(deleteFts, new()
            {
                ["$id"] = id,
                ["$name"] = name,
                ["$signature"] = signature,
                ["$summary"] = summary,
                ["$body"] = body,
                ["$nameParts"] = SqliteSearchIndexWriter.NameParts(name, signature),
                ["$textParts"] = SqliteSearchIndexWriter.TextParts(summary, body),
            });
            deleteRows.Parameters["$id"].Value = id;
            deleteRows.ExecuteNonQuery();
        }
        return true;
    }
}
