using Help.Core.Index;
using Help.Core.Query;
using Help.Indexer.Pipeline;

namespace Help.Cli;

/// <summary>Opens the index a command needs, building it first when it is missing or stale.</summary>
public static class IndexSession
{
    /// <summary>Opens the current index, building it when needed, with every build step logged as a line.</summary>
    /// <exception cref="IndexUnavailableException">There is no index to use.</exception>
    public static HelpIndex Open(CliOptions options, TextWriter log) =>
        Open(options, () => new BuildProgress(log, BuildProgress.Mode.Lines));

    /// <summary>
    /// Opens the current index, building it when needed, with progress as the terminal allows: a live
    /// line when stderr is a terminal, only problems otherwise.
    /// </summary>
    /// <exception cref="IndexUnavailableException">There is no index to use.</exception>
    public static HelpIndex Open(CliOptions options, Terminal terminal) =>
        Open(options, () => BuildProgress.For(terminal));

    private static HelpIndex Open(CliOptions options, Func<BuildProgress> progress)
    {
        var folder = IndexFolder.Resolve(options.IndexDir);
        // Read once: the generation found fresh is the one opened, even if a build elsewhere moves CURRENT meanwhile.
        var generation = folder.CurrentGeneration();
        var request = options.SourceRequest;
        var reason = options.Rebuild ? new RebuildReason("--rebuild was given") : IndexFreshness.Check(folder, generation, request);
        if (reason is not null)
        {
            // Unless asked to rebuild: a build another pyhelp finished while this one waited for it may be enough.
            Func<string, bool>? stillNeeded = options.Rebuild ? null
                : reason.Damaged ? built => built == generation
                : built => IndexFreshness.Check(folder, built, request) is not null;
            Build(folder, request, reason.Message, progress, reason.Damaged, stillNeeded);
            generation = folder.CurrentGeneration();
        }
        try
        {
            return OpenGeneration(folder, generation);
        }
        catch (InvalidDataException e) when (reason is null)
        {
            // A damaged or foreign index: rebuild once rather than fail.
            Build(folder, request, e.Message, progress, damaged: true, stillNeeded: built => built == generation);
            return OpenCurrent(folder);
        }
    }

    /// <summary>
    /// Rebuilds after damage that only showed while answering (a record's checksum, the search index past
    /// its header), then opens the new index.
    /// </summary>
    /// <exception cref="IndexUnavailableException">There is no index to use.</exception>
    public static HelpIndex Reopen(CliOptions options, Terminal terminal, string damage)
    {
        var folder = IndexFolder.Resolve(options.IndexDir);
        var damaged = folder.CurrentGeneration();
        Build(folder, options.SourceRequest, damage, () => BuildProgress.For(terminal), damaged: true, stillNeeded: built => built == damaged);
        return OpenCurrent(folder);
    }

    private static HelpIndex OpenCurrent(IndexFolder folder) => OpenGeneration(folder, folder.CurrentGeneration());

    private static HelpIndex OpenGeneration(IndexFolder folder, string? generation)
    {
        if (generation is null)
        {
            throw new IndexUnavailableException($"no index in {folder.Root}");
        }
        try
        {
            return HelpIndex.Open(generation);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IndexUnavailableException($"cannot read the index in {generation}: {e.Message}");
        }
    }

    private static void Build(IndexFolder folder, SourceRequest requested, string why, Func<BuildProgress> makeProgress, bool damaged,
        Func<string, bool>? stillNeeded)
    {
        using var progress = makeProgress();
        if (damaged)
        {
            // Said even where progress is quiet: the user should know their index was broken.
            progress.Problem($"rebuilding the index: {why}");
        }
        progress.Start(why);
        try
        {
            var result = RunBuild(folder, requested, progress, stillNeeded);
            progress.Finish(result.BuiltMeanwhile
                ? $"another pyhelp built the index meanwhile: {result.Generation}"
                : $"{result.TopicCount} topics indexed in {result.Elapsed.TotalSeconds:0.0} s into {result.Generation}");
            foreach (var skipped in result.Skipped.Take(10))
            {
                progress.Problem(skipped);
            }
            if (result.Skipped.Count > 10)
            {
                progress.Problem($"... and {result.Skipped.Count - 10} more skipped; all are listed in {Path.Combine(result.Generation, IndexFolder.ManifestFileName)}");
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            if (folder.CurrentGeneration() is null)
            {
                throw new IndexUnavailableException($"could not build the index in {folder.Root}: {e.Message}");
            }
            progress.Problem($"could not rebuild the index ({e.Message}); using the previous one");
        }
    }

    /// <summary>Builds from the sources asked for: those given, else the defaults (with the sources file), else the index's own.</summary>
    private static BuildOutcome RunBuild(IndexFolder folder, SourceRequest requested, BuildProgress progress, Func<string, bool>? stillNeeded)
    {
        var current = folder.CurrentGeneration() is { } generation ? IndexManifest.TryRead(generation) : null;
        var explicitPaths = requested.ExplicitPaths(current);
        var (sources, defaults) = explicitPaths is null
            ? DefaultSources.Resolve([], configPath: null)
            : (explicitPaths.Select(SourceSpec.Of).ToList(), false);
        var result = new IndexBuild(progress.Step) { PageProgress = (done, total) => progress.Count(done, total, "pages"), StillNeeded = stillNeeded }
            .Run(folder, sources, defaults);
        var skipped = result.Diagnostics.Where(d => d.Level == DiagnosticLevel.Skipped).Select(d => d.ToString()).ToList();
        return new BuildOutcome(result.TopicCount, result.Elapsed, result.Generation, skipped) { BuiltMeanwhile = result.BuiltMeanwhile };
    }
}

/// <summary>What a build gave, as pyhelp reports it: <paramref name="Skipped"/> holds the sources it could not read.</summary>
public sealed record BuildOutcome(int TopicCount, TimeSpan Elapsed, string Generation, IReadOnlyList<string> Skipped)
{
    /// <summary>Nothing was built: another pyhelp's build, waited for, made what was needed.</summary>
    public bool BuiltMeanwhile { get; init; }
}

/// <summary>No index can be opened or built.</summary>
public sealed class IndexUnavailableException(string message) : Exception(message);
