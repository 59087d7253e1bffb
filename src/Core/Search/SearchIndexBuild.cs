using Help.Core.Index;
using Help.Core.Model;

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
/// A 64-bit digest of every input the document is made from (the stored topic, its summary), so that equal
/// stamps under the same builder mean equal documents. It should cover the doc set, the key and the kind.
/// Stored in the index (8 bytes a row): a longer one would cost the file more than its odds of a collision gain.
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
/// Writes the indexer's search index (bodies not stored: the topics table beside it holds them), by updating a
/// copy of the previous generation's index when it can: only new, changed and removed documents touch FTS5.
/// The result answers every search as a new file of the same documents does (same rows, same ranking
/// statistics, ids in the same order), though its bytes differ.
/// </summary>
public static class SearchIndexBuild
{
    /// <summary>
    /// Writes the index of <paramref name="documents"/> at <paramref name="path"/>. With a
    /// <paramref name="previousPath"/> written by the same <paramref name="builder"/>, its file is copied and
    /// updated; on any doubt (none, another format or builder, a SQLite error, no room for a new id) a new file
    /// is written, and the result says why.
    /// </summary>
    /// <param name="builder">Names the build of the tool that makes the documents: stamps of another build mean nothing.</param>
    /// <param name="previousBodies">
    /// The bodies the previous index was built with (as a reader's <see cref="SearchBodySource"/> gives them):
    /// FTS5 forgets a row only when given the text it indexed.
    /// </param>
    public static SearchIndexBuildResult Write(string path, IReadOnlyList<StampedSearchDocument> documents, string builder,
        string? previousPath, SearchBodySource? previousBodies)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        ArgumentNullException.ThrowIfNull(documents);
        ArgumentException.ThrowIfNullOrWhiteSpace(builder);
        string reason;
        if (previousPath is null || !File.Exists(previousPath))
        {
            reason = "no previous search index";
        }
        else if (previousBodies is null)
        {
            reason = "the bodies of the previous search index are not at hand";
        }
        else if (IndexIntegrity.SearchDatabaseHeaderProblem(previousPath) is { } damage)
        {
            // A copy would carry the damage (bytes appended past the last page, say) into the new generation.
            reason = $"the previous search index could not be updated ({damage})";
        }
        else
        {
            var update = SqliteSearchIndexUpdater.TryUpdate(previousPath, Path.GetFullPath(path), documents, builder, previousBodies);
            if (update.FullBuildReason is null)
            {
                return update;
            }
            reason = update.FullBuildReason;
        }

        var made = new SearchDocument[documents.Count];
        Parallel.For(0, documents.Count, i => made[i] = documents[i].Make());
        using var writer = new SqliteSearchIndexWriter(path, storeBodies: false, builder);
        for (var i = 0; i < made.Length; i++)
        {
            writer.Add(made[i], documents[i].Stamp);
        }
        writer.Complete();
        return new SearchIndexBuildResult(reason, 0, 0, made.Length);
    }
}
