using Help.Core.Index;
using Help.Core.Model;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Help.Core.Search;

/// <summary>
/// One document for <see cref="SearchIndexBuild"/>: who it is, a stamp of everything it is made from, and how
/// to make it. Making it (rendering a body) is the cost an update saves: it is called only for new or changed
/// documents.
/// </summary>
/// <param name="DocSet">The doc set id; with the key and the kind, unique among the documents of a build.</param>
/// <param name="Key">The topic's key.</param>
/// <param name="Kind">The topic's kind.</param>
/// <param name="Stamp">
/// A 64-bit digest of every input the document is made from (the stored topic, its summary, its index entries
/// and links), so that equal stamps under the same builder mean equal documents.
/// </param>
/// <param name="Make">Makes the document; called from worker threads.</param>
public sealed record StampedSearchDocument(string DocSet, string Key, TopicKind Kind, long Stamp, Func<SearchDocument> Make);

/// <summary>What <see cref="SearchIndexBuild.Write"/> did.</summary>
/// <param name="FullBuildReason">Why the index was written anew rather than updated; null when it was updated.</param>
/// <param name="Kept">Documents carried over from the previous index unchanged.</param>
/// <param name="Removed">Documents of the previous index removed (changed ones count here and in <paramref name="Added"/>).</param>
/// <param name="Added">Documents indexed by this build.</param>
public sealed record SearchIndexBuildResult(string? FullBuildReason, int Kept, int Removed, int Added);

/// <summary>
/// Writes the search index of a generation: a Lucene directory (<see cref="SearchIndex.FolderName"/>) of
/// <see cref="SearchFields"/> documents. With the previous generation's index at hand, it is copied and updated:
/// changed documents replaced and removed ones deleted by their id (<see cref="IndexWriter.UpdateDocument(Term, IEnumerable{IIndexableField})"/>),
/// the rest kept as they are.
/// </summary>
/// <remarks>
/// A full build adds the documents in one order (doc set, key, kind), so equal scores rank the same way in every
/// build. Lucene writes a commit time into its segments, so two builds are equal search for search, not byte for byte.
/// The commit records <see cref="FormatVersion"/> and the builder: an index of another version or another build of
/// the tool is never updated, only replaced.
/// </remarks>
public static class SearchIndexBuild
{
    /// <summary>
    /// The index's one format number (<see cref="IndexManifest.CurrentVersion"/>), raised whenever the fields or the
    /// analysis change (<see cref="SearchFields"/>, <see cref="SearchAnalysis"/>): the manifest then tells a lookup
    /// the index is stale before any search opens it.
    /// </summary>
    public static readonly string FormatVersion = IndexManifest.CurrentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private const string FormatKey = "pyhelp-search-format", BuilderKey = "pyhelp-builder";

    static SearchIndexBuild() => LuceneFormats.EnsureConfigured();

    /// <summary>
    /// Writes the index of <paramref name="documents"/> into the folder <paramref name="path"/>, updating a copy of the
    /// index in <paramref name="previousPath"/> when that index was written by the same <paramref name="builder"/>;
    /// on any doubt (none, another format, damage, most documents changed) it is written anew, and the result says why.
    /// </summary>
    /// <param name="builder">Names the build of the tool that makes the documents: stamps of another build mean nothing.</param>
    public static SearchIndexBuildResult Write(string path, IReadOnlyList<StampedSearchDocument> documents, string builder, string? previousPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentException.ThrowIfNullOrWhiteSpace(builder);
        var (reason, updated) = previousPath is null || !System.IO.Directory.Exists(previousPath)
            ? ("no previous search index", null)
            : TryUpdate(path, documents, builder, previousPath);
        if (updated is not null)
        {
            return updated;
        }
        if (System.IO.Directory.Exists(path))
        {
            System.IO.Directory.Delete(path, recursive: true);
        }
        var sorted = documents
            .OrderBy(d => d.DocSet, StringComparer.Ordinal)
            .ThenBy(d => d.Key, StringComparer.Ordinal)
            .ThenBy(d => d.Kind)
            .ToList();
        var made = new SearchDocument[sorted.Count];
        Parallel.For(0, sorted.Count, i => made[i] = sorted[i].Make());
        // Inverting the documents is most of a build and one writer does it on one thread: each core writes a run of
        // the sorted documents into a part of its own, and the parts are added in order, so the documents keep their
        // order (ties in ranking fall the same way every build) and the index is the same whatever the timing.
        foreach (var document in made)
        {
            Validate(document);
        }
        var parts = Math.Clamp(Environment.ProcessorCount, 1, Math.Max(1, made.Length / MinDocumentsPerPart));
        var partPaths = Enumerable.Range(0, parts).Select(n => path + ".part" + n.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        try
        {
            Parallel.For(0, parts, n =>
            {
                using var directory = FSDirectory.Open(partPaths[n]);
                using var writer = new IndexWriter(directory, Config(OpenMode.CREATE));
                for (var i = made.Length * n / parts; i < made.Length * (n + 1) / parts; i++)
                {
                    writer.AddDocument(SearchFields.ToDocument(made[i], sorted[i].Stamp));
                }
                writer.Commit();
            });
            using var directory = FSDirectory.Open(path);
            // The parts' segments as they are: merging them again would rewrite the whole index on one thread.
            var config = Config(OpenMode.CREATE);
            config.MergePolicy = NoMergePolicy.COMPOUND_FILES;
            using var writer = new IndexWriter(directory, config);
            var partDirectories = partPaths.Select(p => (Lucene.Net.Store.Directory)FSDirectory.Open(p)).ToArray();
            try
            {
                writer.AddIndexes(partDirectories);
            }
            finally
            {
                foreach (var d in partDirectories)
                {
                    d.Dispose();
                }
            }
            writer.SetCommitData(CommitData(builder));
            writer.Commit();
        }
        finally
        {
            foreach (var partPath in partPaths.Where(System.IO.Directory.Exists))
            {
                System.IO.Directory.Delete(partPath, recursive: true);
            }
        }
        return new SearchIndexBuildResult(reason, 0, 0, made.Length);
    }

    /// <summary>Updates a copy of the previous index; what it did, or why it could not.</summary>
    private static (string? Reason, SearchIndexBuildResult? Updated) TryUpdate(string path, IReadOnlyList<StampedSearchDocument> documents, string builder, string previousPath)
    {
        Dictionary<string, long> previous;
        try
        {
            LuceneFormats.EnsureConfigured();
            using var directory = FSDirectory.Open(previousPath);
            using var reader = DirectoryReader.Open(directory);
            var data = reader.IndexCommit.UserData;
            if (FormatOf(reader) != FormatVersion || !data.TryGetValue(BuilderKey, out var by) || by != builder)
            {
                return ("the previous search index was written by another build of this tool", null);
            }
            previous = StampsOf(reader);
        }
        catch (Exception e) when (SearchIndex.IsDamage(e) || e is IndexFormatTooOldException or IndexFormatTooNewException or UnauthorizedAccessException or InvalidDataException)
        {
            return ($"the previous search index could not be read ({e.Message})", null);
        }

        var current = documents.ToDictionary(d => SearchFields.IdOf(d.DocSet, d.Kind, d.Key));
        var changed = documents.Where(d => !previous.TryGetValue(SearchFields.IdOf(d.DocSet, d.Kind, d.Key), out var stamp) || stamp != d.Stamp).ToList();
        var removed = previous.Keys.Where(id => !current.ContainsKey(id)).ToList();
        if (changed.Count + removed.Count > documents.Count / 2)
        {
            // Mostly new: writing it anew is as fast, and leaves no deleted documents behind.
            return ($"{changed.Count + removed.Count} of {documents.Count} documents changed", null);
        }

        System.IO.Directory.CreateDirectory(path);
        foreach (var file in System.IO.Directory.EnumerateFiles(previousPath))
        {
            // Lucene never rewrites a file it wrote: a copy of each is the previous index as it was committed.
            if (Path.GetFileName(file) != IndexWriter.WRITE_LOCK_NAME)
            {
                File.Copy(file, Path.Combine(path, Path.GetFileName(file)));
            }
        }
        var made = new SearchDocument[changed.Count];
        Parallel.For(0, changed.Count, i => made[i] = changed[i].Make());
        using (var directory = FSDirectory.Open(path))
        using (var writer = new IndexWriter(directory, Config(OpenMode.APPEND)))
        {
            foreach (var id in removed)
            {
                writer.DeleteDocuments(new Term(SearchFields.Id, id));
            }
            for (var i = 0; i < made.Length; i++)
            {
                Validate(made[i]);
                writer.UpdateDocument(new Term(SearchFields.Id, SearchFields.IdOf(changed[i].DocSet, changed[i].Kind, changed[i].Key)),
                    SearchFields.ToDocument(made[i], changed[i].Stamp));
            }
            writer.SetCommitData(CommitData(builder));
            writer.Commit();
        }
        var replaced = changed.Count(d => previous.ContainsKey(SearchFields.IdOf(d.DocSet, d.Kind, d.Key)));
        return (null, new SearchIndexBuildResult(null, documents.Count - changed.Count, removed.Count + replaced, changed.Count));
    }

    /// <summary>The format version the index's last commit records, or null.</summary>
    internal static string? FormatOf(DirectoryReader reader) =>
        reader.IndexCommit.UserData.TryGetValue(FormatKey, out var format) ? format : null;

    /// <summary>The id and stamp of every live document of <paramref name="reader"/>, from their doc values.</summary>
    private static Dictionary<string, long> StampsOf(DirectoryReader reader)
    {
        var stamps = new Dictionary<string, long>(StringComparer.Ordinal);
        var id = new BytesRef();
        foreach (var leaf in reader.Leaves)
        {
            var live = leaf.AtomicReader.LiveDocs;
            var ids = leaf.AtomicReader.GetBinaryDocValues(SearchFields.Id);
            var values = leaf.AtomicReader.GetNumericDocValues(SearchFields.Stamp);
            if (ids is null || values is null)
            {
                throw new InvalidDataException("the search index has no ids and stamps to compare");
            }
            for (var doc = 0; doc < leaf.AtomicReader.MaxDoc; doc++)
            {
                if (live is null || live.Get(doc))
                {
                    ids.Get(doc, id);
                    stamps[id.Utf8ToString()] = values.Get(doc);
                }
            }
        }
        return stamps;
    }

    /// <summary>Fewer documents than this per core are written by one writer: parts cost a copy each.</summary>
    private const int MinDocumentsPerPart = 2000;

    private static IndexWriterConfig Config(OpenMode mode) => new(SearchAnalysis.Version, SearchAnalysis.PerField)
    {
        OpenMode = mode,
        Codec = LuceneFormats.Codec,
        Similarity = new SearchSimilarity(),
        RAMBufferSizeMB = 64,
    };

    private static Dictionary<string, string> CommitData(string builder) => new()
    {
        [FormatKey] = FormatVersion,
        [BuilderKey] = builder,
    };

    /// <exception cref="ArgumentException">The key, the doc set or the title is empty.</exception>
    private static void Validate(SearchDocument doc)
    {
        if (string.IsNullOrWhiteSpace(doc.Key) || string.IsNullOrWhiteSpace(doc.DocSet) || string.IsNullOrWhiteSpace(doc.Title))
        {
            throw new ArgumentException($"A search document needs a key, a doc set and a title (key '{doc.Key}').", nameof(doc));
        }
    }
}
