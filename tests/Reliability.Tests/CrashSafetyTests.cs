using System.Diagnostics;
using Help.Core.Index;
using Help.Indexer.Writing;
using Xunit;

namespace Help.Reliability.Tests;

/// <summary>
/// A build (<c>pyhelp --rebuild</c>) killed (SIGKILL) at every step of publishing and at random moments of a build, as a child
/// process: the previous index stays complete and gives the same answers, and the next build succeeds
/// and clears what the killed one left.
/// </summary>
[Trait("Category", "stress")]
public sealed class CrashSafetyTests : IDisposable
{
    private readonly FixtureIndex _fixture = new();
    private readonly System.Text.StringBuilder _output = new();

    public void Dispose() => _fixture.Dispose();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static IReadOnlyList<string> Pyhelp => Help.Tests.Shared.PyhelpDll.DotnetArguments;

    private Process StartIndexer(string? fault)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in (string[])[.. Pyhelp, "--rebuild", "--index", _fixture.IndexDir, "--source", _fixture.Docs, "--source", _fixture.Content])
        {
            start.ArgumentList.Add(a);
        }
        start.Environment[IndexPublisher.FaultVariable] = fault ?? "";
        var process = Process.Start(start)!;
        // Drained, so a full pipe never stalls the child; kept for the failure message.
        process.OutputDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { lock (_output) _output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    [Fact]
    public async Task Build_KilledAtEveryPublishStep_PreviousIndexAnswersAndNextBuildSucceeds()
    {
        _fixture.Build(marker: 1);
        var good = IndexAnswers.Read(_fixture.Folder);
        Assert.True(good.Consistent, good.ToString());

        var marker = 1;
        foreach (var step in IndexPublisher.FaultSteps)
        {
            _fixture.WriteMarker(++marker, asNewFile: true);
            using var indexer = StartIndexer($"{step}:kill");
            await indexer.WaitForExitAsync(Cancel).WaitAsync(TimeSpan.FromMinutes(1), Cancel);
            Assert.True(indexer.ExitCode == 137, $"{step}: exit {indexer.ExitCode} (137 is SIGKILL): {_output}"); // 128 + SIGKILL

            var after = IndexAnswers.Read(_fixture.Folder);
            Assert.True(after.Consistent, $"{step}: {after}");
            if (step == "swapped")
            {
                // Killed after the swap: the new index is whole and current.
                Assert.Equal(marker, after.MarkerInTopic);
                good = after;
            }
            else
            {
                Assert.Equal(good, after with { TinHits = good.TinHits });
                Assert.Equal(good.TinHits, after.TinHits);
            }
        }

        using (var final = StartIndexer(fault: null))
        {
            await final.WaitForExitAsync(Cancel).WaitAsync(TimeSpan.FromMinutes(1), Cancel);
            Assert.Equal(0, final.ExitCode);
        }
        Assert.Equal(marker, IndexAnswers.Read(_fixture.Folder).MarkerInTopic);
        Assert.Empty(Directory.GetDirectories(_fixture.IndexDir, IndexFolder.BuildPrefix + "*"));
    }

    [Fact]
    public async Task Build_KilledAfterRandomDelays_PreviousIndexAnswersEachTime()
    {
        _fixture.Build(marker: 1);
        var good = IndexAnswers.Read(_fixture.Folder);

        // How long one whole build takes here, so the kills land all over it.
        _fixture.WriteMarker(2, asNewFile: true);
        var clock = Stopwatch.StartNew();
        using (var timed = StartIndexer(fault: null))
        {
            await timed.WaitForExitAsync(Cancel).WaitAsync(TimeSpan.FromMinutes(1), Cancel);
            Assert.Equal(0, timed.ExitCode);
        }
        var whole = clock.ElapsedMilliseconds;
        good = IndexAnswers.Read(_fixture.Folder);
        Assert.Equal(2, good.MarkerInTopic);

        var seed = Fuzz.Seed;
        var random = new Random(seed);
        var kills = 0;
        for (var run = 0; run < 8; run++)
        {
            _fixture.WriteMarker(3 + run, asNewFile: true);
            var delay = (int)(whole * random.NextDouble());
            using var indexer = StartIndexer(fault: null);
            var exited = indexer.WaitForExit(delay);
            if (!exited)
            {
                indexer.Kill();
                kills++;
            }
            await indexer.WaitForExitAsync(Cancel);

            var after = IndexAnswers.Read(_fixture.Folder);
            Assert.True(after.Consistent, $"seed {seed}, run {run}, killed after {delay} ms: {after}");
            // Either the kill came before the swap and the old index is current, or it came after (or the
            // build finished) and the new one is; a kill between the swap and the exit is such a case.
            Assert.True(after.MarkerInTopic == good.MarkerInTopic || after.MarkerInTopic == 3 + run, $"seed {seed}, run {run}, exited: {exited}: {after}");
            good = after;
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"seed {seed}: {kills} of 8 builds killed; a whole build takes {whole} ms");

        _fixture.Build(marker: 99);
        Assert.Equal(99, IndexAnswers.Read(_fixture.Folder).MarkerInTopic);
        Assert.Empty(Directory.GetDirectories(_fixture.IndexDir, IndexFolder.BuildPrefix + "*"));
    }
}
