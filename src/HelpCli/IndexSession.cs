using System.Runtime.CompilerServices;
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
        var why = options.Rebuild ? "--rebuild was given" : IndexFreshness.WhyRebuild(folder, options.Sources);
        if (why is not null)
        {
            Build(folder, options.Sources, why, progress);
        }
        try
        {
            return OpenCurrent(folder);
        }
        catch (InvalidDataException e) when (why is null)
        {
            // A damaged or foreign index: rebuild once rather than fail.
            Build(folder, options.Sources, e.Message, progress);
            return OpenCurrent(folder);
        }
    }

    private static HelpIndex OpenCurrent(IndexFolder folder)
    {
        var generation = folder.CurrentGeneration()
            ?? throw new IndexUnavailableException($"no index in {folder.Root}");
        return HelpIndex.Open(generation);
    }

    // Kept apart so that a lookup on a fresh index never loads the indexer's code.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void Build(IndexFolder folder, IReadOnlyList<string> requested, string why, Func<BuildProgress> makeProgress)
    {
        var sources = requested.Count > 0 ? requested : DefaultSources.Find();
        using var progress = makeProgress();
        progress.Start(why);
        try
        {
            var result = new IndexBuild(progress.Step) { PageProgress = (done, total) => progress.Count(done, total, "pages") }.Run(folder, sources, defaultSources: requested.Count == 0);
            progress.Finish($"{result.TopicCount} topics indexed in {result.Elapsed.TotalSeconds:0.0} s into {result.Generation}");
            foreach (var d in result.Diagnostics.Where(d => d.Level == DiagnosticLevel.Skipped).Take(10))
            {
                progress.Problem(d.ToString());
            }
            var skipped = result.Diagnostics.Count(d => d.Level == DiagnosticLevel.Skipped);
            if (skipped > 10)
            {
                progress.Problem($"... and {skipped - 10} more skipped; all are listed in {Path.Combine(result.Generation, IndexFolder.ManifestFileName)}");
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
}

/// <summary>No index can be opened or built.</summary>
public sealed class IndexUnavailableException(string message) : Exception(message);
