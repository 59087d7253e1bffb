using System.Diagnostics;
using System.Text;
using Help.Core.Index;

namespace Help.Cli;

/// <summary>What a build gave, as pyhelp reports it: <paramref name="Skipped"/> holds the sources it could not read.</summary>
public sealed record BuildOutcome(int TopicCount, TimeSpan Elapsed, string Generation, IReadOnlyList<string> Skipped);

/// <summary>
/// Builds the index by running the <c>Help.Indexer</c> program published beside pyhelp (<c>build --events</c>,
/// <see cref="BuildEvents"/>). The native pyhelp builds this way: without the indexer's code (the HTML,
/// reST and Markdown importers, the search index writer) it is a third of the size, and every lookup starts
/// that much less program.
/// </summary>
public static class IndexerProcess
{
    /// <summary>Where <c>./build.ps1 publish</c> puts the indexer: beside pyhelp.</summary>
    public static string Beside => Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "Help.Indexer.exe" : "Help.Indexer");

    /// <summary>Builds the index of <paramref name="folder"/> from <paramref name="requested"/> sources (none: the built-in defaults).</summary>
    /// <exception cref="IOException">The indexer is missing, could not start or built nothing; the message says which and why.</exception>
    public static BuildOutcome Run(string program, IndexFolder folder, IReadOnlyList<string> requested, BuildProgress progress)
    {
        if (!File.Exists(program))
        {
            throw new IOException($"{program} is missing: pyhelp runs it to build the index (./build.ps1 publish puts it beside pyhelp)");
        }
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        // pyhelp has decided a build is due (--rebuild, damage, stale sources): --force skips the indexer's own check.
        foreach (var a in (string[])["build", "--index", folder.Root, "--force", "--events"])
        {
            start.ArgumentList.Add(a);
        }
        if (requested.Count == 0)
        {
            start.ArgumentList.Add("--defaults");
        }
        foreach (var source in requested)
        {
            start.ArgumentList.Add("--source");
            start.ArgumentList.Add(source);
        }
        using var process = Process.Start(start) ?? throw new IOException($"{program} did not start");
        var errors = process.StandardError.ReadToEndAsync();
        var skipped = new List<string>();
        BuildEvent.Built? built = null;
        while (process.StandardOutput.ReadLine() is { } line)
        {
            switch (BuildEvents.Parse(line))
            {
                case BuildEvent.Step s:
                    progress.Step(s.Text);
                    break;
                case BuildEvent.Pages p:
                    progress.Count(p.Done, p.Total, "pages");
                    break;
                case BuildEvent.Skipped s:
                    skipped.Add(s.Diagnostic);
                    break;
                case BuildEvent.Built b:
                    built = b;
                    break;
            }
        }
        process.WaitForExit();
        if (built is null)
        {
            var why = errors.Result.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
            throw new IOException($"{Path.GetFileName(program)} exited with code {process.ExitCode}: {why ?? "it said nothing"}");
        }
        return new BuildOutcome(built.TopicCount, built.Elapsed, built.Generation, skipped);
    }
}
