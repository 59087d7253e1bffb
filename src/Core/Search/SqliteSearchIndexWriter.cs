using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Help.Core.Search;

/// <summary>
/// Builds the file described on <see cref="SqliteSearchIndex"/>. Documents are held until
/// <see cref="Complete"/> and written sorted, so the order importers finish in cannot change the file.
/// </summary>
internal sealed class SqliteSearchIndexWriter : ISearchIndexWriter
{
    private readonly string _path;
    private readonly string _buildPath;
    private readonly List<(SearchDocument Doc, long? Stamp)> _docs = [];
    private bool _done;

    private readonly bool _storeBodies;
    private readonly string? _builder;

    /// <param name="storeBodies">False when the reader will be given the bodies (<see cref="SearchBodySource"/>).</param>
    /// <param name="builder">
    /// The build of the tool that makes the documents (<see cref="SearchIndexBuild"/>), kept in <c>meta</c> so that
    /// a later build of the same tool may update this file instead of writing a new one.
    /// </param>
    public SqliteSearchIndexWriter(string path, bool storeBodies = true, string? builder = null)
    {
        _storeBodies = storeBodies;
        _builder = builder;
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = Path.GetFullPath(path);
        _buildPath = _path + ".building";
    }

    public void Add(SearchDocument doc)
    {
        ArgumentNullException.ThrowIfNull(doc);
        ObjectDisposedException.ThrowIf(_done, this);
        if (string.IsNullOrWhiteSpace(doc.Key) || string.IsNullOrWhiteSpace(doc.DocSet) || string.IsNullOrWhiteSpace(doc.Title))
        {
            throw new ArgumentException($"A search document needs a key, a doc set and a title (key '{doc.Key}').", nameof(doc));
        }
        _docs.Add((doc, null));
    }

    /// <summary>Adds a document with the stamp of what it was made from (see <see cref="SearchIndexBuild"/>).</summary>
    public void Add(SearchDocument doc, long stamp)
    {
        Add(doc);
        _docs[^1] = (doc, stamp);
    }

    public void Complete()
    {
        ObjectDisposedException.ThrowIf(_done, this);
        _done = true;
        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        File.Delete(_buildPath);
        try
        {
            Write();
            File.Move(_buildPath, _path, overwrite: true);
        }
        finally
        {
            File.Delete(_buildPath);
        }
    }

    public void Dispose()
    {
        // Not completed: nothing was written, and nothing is left behind.
        _done = true;
        _docs.Clear();
    }

    private void Write()
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = _buildPath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        };
        using var connection = new SqliteConnection(builder.ToString());
        connection.Open();
        // A fresh file that is thrown away on failure needs no journal and no syncing; this also means no
        // -journal or -wal file ever sits beside the index.
        Execute(connection, "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA page_size=8192;");
        Execute(connection, SqliteSearchSchema.Create);

        using (var transaction = connection.BeginTransaction())
        {
            InsertDocuments(connection, transaction);
            InsertMeta(connection, transaction);
            transaction.Commit();
        }
        // Merge the segments written during the inserts into one b-tree (https://sqlite.org/fts5.html#the_optimize_command),
        // then drop the pages the merge freed.
        Execute(connection, "INSERT INTO fts(fts) VALUES('optimize');");
        Execute(connection, "VACUUM;");
        // A file that does not check out is never published (https://sqlite.org/pragma.html#pragma_quick_check).
        using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA quick_check;";
        if (check.ExecuteScalar() as string is not "ok" and var problem)
        {
            throw new InvalidDataException($"{_buildPath}: the new search index fails SQLite's quick_check: {problem}");
        }
    }

    private void InsertDocuments(SqliteConnection connection, SqliteTransaction transaction)
    {
        var sorted = _docs
            .OrderBy(d => d.Doc.DocSet, StringComparer.Ordinal)
            .ThenBy(d => d.Doc.Key, StringComparer.Ordinal)
            .ThenBy(d => d.Doc.Kind)
            .ThenBy(d => d.Doc.Title, StringComparer.Ordinal)
            .ThenBy(d => d.Doc.Source, StringComparer.Ordinal)
            .ThenBy(d => d.Doc.Signature, StringComparer.Ordinal)
            .ThenBy(d => d.Doc.Summary, StringComparer.Ordinal)
            .ThenBy(d => d.Doc.Body, StringComparer.Ordinal)
            .ToList();

        using var inserts = new Inserts(connection, transaction, _storeBodies);
        long id = 0;
        foreach (var (d, stamp) in sorted)
        {
            id += SqliteSearchSchema.IdGap;
            inserts.Add(d, id, stamp);
        }
    }

    /// <summary>
    /// The statements that add one document to every table, with the values computed one way for a new
    /// file and for an update (<see cref="SqliteSearchIndexUpdater"/>): FTS5 must be given the same values to
    /// delete a row as it was given to index it.
    /// </summary>
    internal sealed class Inserts : IDisposable
    {
        private readonly bool _storeBodies;
        private readonly SqliteCommand _doc, _text, _fts;

        public Inserts(SqliteConnection connection, SqliteTransaction transaction, bool storeBodies)
        {
            _storeBodies = storeBodies;
            _doc = Command(connection, transaction, SqliteSearchSchema.InsertDoc,
                "$id", "$kind", "$docset", "$demoted", "$exactKey", "$exactLeaf", "$exactTitle", "$key", "$title", "$source");
            _text = Command(connection, transaction, SqliteSearchSchema.InsertText,
                "$id", "$name", "$signature", "$summary", "$storedBody", "$stamp");
            _fts = Command(connection, transaction, SqliteSearchSchema.InsertFts,
                "$id", "$name", "$signature", "$summary", "$body", "$nameParts", "$textParts");
        }

        public void Add(SearchDocument d, long id, long? stamp)
        {
            var values = Values(d, id, _storeBodies);
            values["$stamp"] = stamp;
            Run(_doc, values);
            Run(_text, values);
            Run(_fts, values);
        }

        public void Dispose()
        {
            _doc.Dispose();
            _text.Dispose();
            _fts.Dispose();
        }
    }

    private static Dictionary<string, object?> Values(SearchDocument d, long id, bool storeBodies)
    {
        var key = SearchText.Clean(d.Key);
        var title = SearchText.Clean(d.Title);
        var signature = NullIfEmpty(SearchText.Clean(d.Signature));
        var summary = NullIfEmpty(SearchText.Clean(d.Summary));
        var body = SearchText.Clean(d.Body);
        var name = key == title ? key : key + "\n" + title;
        var values = new Dictionary<string, object?>
        {
            ["$id"] = id,
            ["$key"] = key,
            ["$kind"] = (int)d.Kind,
            ["$docset"] = d.DocSet,
            ["$title"] = title,
            ["$source"] = d.Source,
            ["$demoted"] = SqliteSearchSchema.IsDemoted(d.Source) ? 1 : 0,
            ["$exactKey"] = SearchText.NameKey(key),
            ["$exactLeaf"] = SearchText.LeafKey(key),
            ["$exactTitle"] = SearchText.NameKey(title),
            ["$name"] = name,
            ["$signature"] = signature,
            ["$summary"] = summary,
            ["$body"] = body,
            ["$storedBody"] = storeBodies ? StoredText.Compress(body) : null,
            ["$nameParts"] = NameParts(name, signature),
            ["$textParts"] = TextParts(summary, body),
        };
        return values;
    }

    /// <summary>The <c>name_parts</c> column as indexed, from the stored name and signature.</summary>
    internal static string NameParts(string name, string? signature) => SearchText.IdentifierPartsOf(name + "\n" + signature);

    /// <summary>The <c>text_parts</c> column as indexed, from the stored summary and the cleaned body.</summary>
    internal static string TextParts(string? summary, string body) => SearchText.IdentifierPartsOf(summary + "\n" + body);

    private void InsertMeta(SqliteConnection connection, SqliteTransaction transaction)
    {
        using var meta = Command(connection, transaction, "INSERT INTO meta(name, value) VALUES ($name, $value)", "$name", "$value");
        var rows = new (string Name, string Value)[]
        {
            ("format", SqliteSearchSchema.Format),
            ("version", SqliteSearchSchema.Version.ToString(CultureInfo.InvariantCulture)),
            ("documents", _docs.Count.ToString(CultureInfo.InvariantCulture)),
            ("tokenizer", SqliteSearchSchema.Tokenizer),
            ("bodies", _storeBodies ? "stored" : "topics table"),
        };
        if (_builder is not null)
        {
            rows = [.. rows, (SqliteSearchSchema.BuilderMeta, _builder)];
        }
        foreach (var (name, value) in rows)
        {
            Run(meta, new Dictionary<string, object?> { ["$name"] = name, ["$value"] = value });
        }
    }

    internal static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, params string[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var p in parameters)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = p });
        }
        command.Prepare();
        return command;
    }

    internal static void Run(SqliteCommand command, Dictionary<string, object?> values)
    {
        foreach (SqliteParameter p in command.Parameters)
        {
            p.Value = values[p.ParameterName] ?? DBNull.Value;
        }
        command.ExecuteNonQuery();
    }

    internal static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;
}
