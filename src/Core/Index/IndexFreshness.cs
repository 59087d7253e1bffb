namespace Help.Core.Index;

/// <summary>What sources a command asks an index to answer from.</summary>
/// <param name="Explicit">The files and folders given (<c>--source</c>); when none, see <paramref name="Defaults"/>.</param>
/// <param name="Defaults">
/// The default sources asked for by name (<c>--defaults</c>). When neither is given, the index answers from the
/// sources it was built from (<see cref="IndexManifest.DefaultSources"/>), the defaults for a new index.
/// </param>
public sealed record SourceRequest(IReadOnlyList<string> Explicit, bool Defaults = false)
{
    /// <summary>Nothing said: the index's own sources.</summary>
    public static SourceRequest Kept { get; } = new([]);

    /// <summary>
    /// The sources a build for this request uses, given the current index's manifest: the paths given, else null for
    /// the defaults, else the paths the index was built from.
    /// </summary>
    public IReadOnlyList<string>? ExplicitPaths(IndexManifest? current) =>
        Explicit.Count > 0 ? Explicit.Select(Path.GetFullPath).ToList()
        : Defaults || current is null || current.DefaultSources ? null
        : current.Sources.Select(s => s.Path).ToList();
}

/// <summary>Why a build is needed: <paramref name="Message"/> for the user; <paramref name="Damaged"/> when the index is broken, not merely stale.</summary>
public sealed record RebuildReason(string Message, bool Damaged = false);

/// <summary>Whether the current index answers for the sources asked for, or needs a build first.</summary>
public static class IndexFreshness
{
    /// <summary>Why a build is needed, or null when the current generation is usable as it is.</summary>
    /// <param name="generation">The generation the caller read as current (<see cref="IndexFolder.CurrentGeneration"/>).</param>
    public static RebuildReason? Check(IndexFolder folder, string? generation, SourceRequest request)
    {
        if (generation is null)
        {
            return new($"no index yet in {folder.Root}");
        }
        var manifest = IndexManifest.TryRead(generation);
        if (manifest is null)
        {
            return new($"the index in {generation} has no readable manifest");
        }
        if (manifest.Version != IndexManifest.CurrentVersion)
        {
            return new($"the index was built by another version of this tool (format {manifest.Version}, now {IndexManifest.CurrentVersion})");
        }
        // Lengths only: the topics table checks its own checksums when opened, the search index when a search opens it.
        if (IndexIntegrity.QuickCheck(generation) is { } damage)
        {
            return new($"the index is damaged: {damage}", Damaged: true);
        }
        if (request.Explicit.Count > 0)
        {
            var wanted = request.Explicit.Select(Path.GetFullPath).ToList();
            if (manifest.DefaultSources || !wanted.SequenceEqual(manifest.Sources.Select(s => s.Path)))
            {
                return new("the index was built from other sources");
            }
        }
        else if (request.Defaults && !manifest.DefaultSources)
        {
            return new("the index was built from --source paths, not the defaults");
        }
        if (manifest.DefaultSources && DocTreesChanged(folder, manifest) is { } installed)
        {
            return installed;
        }
        foreach (var source in manifest.Sources)
        {
            if (!source.IsUnchanged())
            {
                return new($"{source.Path} changed");
            }
        }
        return null;
    }

    /// <summary>For an index of the defaults: the trees or the sources file that came or went since it was built.</summary>
    private static RebuildReason? DocTreesChanged(IndexFolder folder, IndexManifest manifest)
    {
        var watch = SourceDiscovery.WatchStamp();
        if (watch == manifest.Watch)
        {
            return null;
        }
        if (manifest.Watch is null || SourcesFilePart(watch) != SourcesFilePart(manifest.Watch))
        {
            return new("the sources file changed");
        }
        var now = SourceDiscovery.DocTreesAsOf(watch, folder);
        var added = now.Except(manifest.DocTrees).ToList();
        var removed = manifest.DocTrees.Except(now).ToList();
        if (added.Count == 0 && removed.Count == 0)
        {
            return null;
        }
        return new(string.Join("; ", new[]
        {
            added.Count == 0 ? null : $"documentation installed: {string.Join(", ", added)}",
            removed.Count == 0 ? null : $"documentation removed: {string.Join(", ", removed)}",
        }.OfType<string>()));
    }

    private static string SourcesFilePart(string watch) => watch[(watch.IndexOf('|') + 1)..];
}
