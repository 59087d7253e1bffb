using Help.Core.Index;
using Xunit;

namespace Help.Cli.Tests;

/// <summary>
/// How the native pyhelp builds: by running the indexer beside it and following its <see cref="BuildEvents"/>.
/// A shell script stands in for Help.Indexer here; the real pair is run by <see cref="NativeBuildTests"/>.
/// </summary>
public sealed class IndexerProcessTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pyhelp-indexer-process-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string FakeIndexer(string body)
    {
        var path = Path.Combine(_dir, "Help.Indexer");
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return path;
    }

    private (BuildOutcome Outcome, string Log) Run(string program, params string[] sources)
    {
        var log = new StringWriter();
        using var progress = new BuildProgress(log, BuildProgress.Mode.Lines);
        var outcome = IndexerProcess.Run(program, IndexFolder.Resolve(Path.Combine(_dir, "index")), sources, progress);
        return (outcome, log.ToString());
    }

    [Fact]
    public void Run_IndexerReportsEvents_ShowsItsStepsAndReturnsWhatItBuilt()
    {
        var args = Path.Combine(_dir, "args");
        var indexer = FakeIndexer($"""
            printf '%s\n' "$@" > '{args}'
            printf 'step\tReading 2 pages\n'
            printf 'pages\t1\t2\n'
            printf 'not an event\n'
            printf 'skipped\tskipped: /docs/bad.html: not HTML\n'
            printf 'built\t42\t1500\t/tmp/index/gen-000007\n'
            exit 1
            """);

        var (outcome, log) = Run(indexer, "/docs");

        Assert.Equal((42, TimeSpan.FromSeconds(1.5), "/tmp/index/gen-000007"), (outcome.TopicCount, outcome.Elapsed, outcome.Generation));
        Assert.Equal(["skipped: /docs/bad.html: not HTML"], outcome.Skipped);
        Assert.Contains("pyhelp: Reading 2 pages", log);
        Assert.Equal(["build", "--index", Path.Combine(_dir, "index"), "--force", "--events", "--source", "/docs"],
            File.ReadAllLines(args));
    }

    [Fact]
    public void Run_NoSources_AsksForTheBuiltInDefaults()
    {
        var args = Path.Combine(_dir, "args");
        var indexer = FakeIndexer($"printf '%s\\n' \"$@\" > '{args}'; printf 'built\\t1\\t10\\t/g\\n'");

        Run(indexer);

        Assert.Equal(["build", "--index", Path.Combine(_dir, "index"), "--force", "--events", "--defaults"], File.ReadAllLines(args));
    }

    [Fact]
    public void Run_IndexerFailsBeforeBuilding_ThrowsWithItsExitCodeAndFirstErrorLine()
    {
        var indexer = FakeIndexer("echo 'Help.Indexer: could not write the index in /ro: read-only file system' >&2; echo 'more' >&2; exit 3");

        var e = Assert.Throws<IOException>(() => Run(indexer));

        Assert.Equal("Help.Indexer exited with code 3: Help.Indexer: could not write the index in /ro: read-only file system", e.Message);
    }

    [Fact]
    public void Run_NoIndexerBesidePyhelp_ThrowsNamingTheMissingProgram()
    {
        var missing = Path.Combine(_dir, "nowhere", "Help.Indexer");

        var e = Assert.Throws<IOException>(() => Run(missing));

        Assert.StartsWith($"{missing} is missing", e.Message);
    }
}
