using Help.Core.Index;
using Help.Indexer.Pipeline;

namespace Help.Cli;

/// <summary>
/// Builds the index in this process, with the indexer compiled in: the build of <c>dotnet run</c> and the
/// tests. The native pyhelp leaves this file out and runs <see cref="IndexerProcess"/> instead.
/// </summary>
public static class InProcessBuild
{
    public static BuildOutcome Run(IndexFolder folder, IReadOnlyList<string> requested, BuildProgress progress)
    {
        var sources = requested.Count > 0 ? requested : DefaultSources.Find();
        var result = new IndexBuild(progress.Step) { PageProgress = (done, total) => progress.Count(done, total, "pages") }
            .Run(folder, sources, defaultSources: requested.Count == 0);
        var skipped = result.Diagnostics.Where(d => d.Level == DiagnosticLevel.Skipped).Select(d => d.ToString()).ToList();
        return new BuildOutcome(result.TopicCount, result.Elapsed, result.Generation, skipped);
    }
}
