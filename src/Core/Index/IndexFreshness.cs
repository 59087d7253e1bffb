namespace Help.Core.Index;

/// <summary>Whether the current index answers for the sources asked for, or needs a build first.</summary>
public static class IndexFreshness
{
    /// <summary>
    /// Why a build is needed, or null when the current generation is usable as it is;
    /// <see cref="RebuildReason.Damaged"/> tells damage (worth telling the user) from staleness.
    /// </summary>
    /// <param name="generation">The generation the caller read as current (<see cref="IndexFolder.CurrentGeneration"/>).</param>
    public static RebuildReason? Check(IndexFolder folder, string? generation, IReadOnlyList<string> requestedSources) =>
        WhyRebuild(folder, generation, requestedSources) is { } why ? new RebuildReason(why, why.StartsWith(DamagedPrefix, StringComparison.Ordinal)) : null;

    private const string DamagedPrefix = "the index is damaged: ";

    /// <summary>
    /// The reason a build is needed, or null when the current generation is usable as it is.
    /// <paramref name="requestedSources"/> empty means the defaults.
    /// </summary>
    public static string? WhyRebuild(IndexFolder folder, IReadOnlyList<string> requestedSources) =>
        WhyRebuild(folder, folder.CurrentGeneration(), requestedSources);

    private static string? WhyRebuild(IndexFolder folder, string? generation, IReadOnlyList<string> requestedSources)
    {
        if (generation is null)
        {
            return $"no index yet in {folder.Root}";
        }
        var manifest = IndexManifest.TryRead(generation);
        if (manifest is null)
        {
            return $"the index in {generation} has no readable manifest";
        }
        if (manifest.Version != IndexManifest.CurrentVersion)
        {
            return $"the index was built by another version of this tool (format {manifest.Version}, now {IndexManifest.CurrentVersion})";
        }
        // Lengths only: the topics table checks its own checksums when opened, the search database its header when a search opens it.
        if (IndexIntegrity.QuickCheck(generation) is { } damage)
        {
            return DamagedPrefix + damage;
        }
        if (requestedSources.Count > 0)
        {
            var wanted = requestedSources.Select(Path.GetFullPath).ToList();
            if (manifest.DefaultSources || !wanted.SequenceEqual(manifest.Sources.Select(s => s.Path)))
            {
                return "the index was built from other sources";
            }
        }
        else if (!manifest.DefaultSources)
        {
            return "the index was built from --source paths, not the defaults";
        }
        foreach (var source in manifest.Sources)
        {
            if (!source.IsUnchanged())
            {
                return $"{source.Path} changed";
            }
        }
        return null;
    }
}

/// <summary>Why the index is built again: <paramref name="Message"/> for the user; <paramref name="Damaged"/> when it is broken, not merely stale.</summary>
public sealed record RebuildReason(string Message, bool Damaged);
