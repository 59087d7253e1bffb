using System.Collections.Concurrent;
using System.Text.Json;
using Help.Cli;
using Help.Server.Hosting;
using Xunit;

namespace Help.Reliability.Tests;

/// <summary>
/// The index rebuilt in a loop while lookups (opened per question, as the terminal tool does, and
/// through the tool itself) and a running viewer keep answering: no failure, and every answer from one
/// whole index (the marker's text and its search hit name the same build; no client goes back in time).
/// </summary>
[Trait("Category", "stress")]
public sealed class RebuildReadersTests : IAsyncLifetime
{
    private const int Rebuilds = 8;
    private readonly FixtureIndex _fixture = new();
    private RunningViewer? _viewer;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _fixture.Build(marker: 0);
        _viewer = await ViewerServer.StartAsync(_fixture.Folder, port: 0, Cancel, generationCheckInterval: TimeSpan.FromMilliseconds(10));
    }

    public async ValueTask DisposeAsync()
    {
        if (_viewer is not null)
        {
            await _viewer.DisposeAsync();
        }
        _fixture.Dispose();
    }

    [Fact]
    public async Task Rebuild_InALoop_ReadersAndServerNeverFailAndSeeWholeIndexes()
    {
        var failures = new ConcurrentQueue<string>();
        var answers = 0;
        using var stop = new CancellationTokenSource();

        // Lookups as the terminal tool makes them: CURRENT read, the generation opened, asked, closed.
        Task Reader(int id) => Task.Run(() =>
        {
            var last = -1;
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var a = IndexAnswers.Read(_fixture.Folder);
                    if (!a.Consistent) failures.Enqueue($"reader {id}: mixed answer {a}");
                    if (a.MarkerInTopic < last) failures.Enqueue($"reader {id}: went back from build {last} to {a.MarkerInTopic}");
                    last = a.MarkerInTopic;
                    Interlocked.Increment(ref answers);
                }
                catch (Exception e)
                {
                    failures.Enqueue($"reader {id}: {e.GetType().Name}: {e.Message}");
                }
            }
        });

        // The terminal tool itself, in process.
        Task Cli(int id, params string[] args) => Task.Run(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                var stdout = new StringWriter();
                var stderr = new StringWriter();
                var code = HelpCommandLine.Run(_fixture.Args(args), new Terminal(stdout, stderr));
                if (code != 0 || stderr.ToString().Length > 0 || IndexAnswers.BuildNumber(stdout.ToString()) < 0)
                {
                    failures.Enqueue($"pyhelp {string.Join(' ', args)} ({id}): exit {code}: {stderr}{stdout}");
                }
                Interlocked.Increment(ref answers);
            }
        });

        // The viewer, hammered over HTTP.
        using var http = new HttpClient { BaseAddress = new Uri(_viewer!.Url) };
        Task Client(int id) => Task.Run(async () =>
        {
            var last = -1;
            string[] paths = ["/api/topic/marker", "/api/search?q=marker", "/topic/spam", "/api/keys?prefix=sp", "/api/topic/spam.Tin"];
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var path = paths[i % paths.Length];
                try
                {
                    using var response = await http.GetAsync(path, CancellationToken.None);
                    var body = await response.Content.ReadAsStringAsync(CancellationToken.None);
                    if (!response.IsSuccessStatusCode)
                    {
                        failures.Enqueue($"client {id}: {path}: {(int)response.StatusCode} {body}");
                        continue;
                    }
                    if (path.Contains("marker", StringComparison.Ordinal))
                    {
                        var n = IndexAnswers.BuildNumber(body);
                        if (n < 0) failures.Enqueue($"client {id}: {path}: no marker in {body}");
                        if (n < last) failures.Enqueue($"client {id}: {path}: went back from build {last} to {n}");
                        last = Math.Max(last, n);
                    }
                    Interlocked.Increment(ref answers);
                }
                catch (Exception e)
                {
                    failures.Enqueue($"client {id}: {path}: {e.GetType().Name}: {e.Message}");
                }
            }
        });

        Task[] load = [Reader(1), Reader(2), Cli(1, "marker"), Cli(2, "-k", "marker"), Client(1), Client(2), Client(3), Client(4)];
        for (var build = 1; build <= Rebuilds; build++)
        {
            _fixture.Build(marker: build);
            await Task.Delay(50, Cancel);
        }
        await Task.Delay(200, Cancel);
        await stop.CancelAsync();
        await Task.WhenAll(load);

        TestContext.Current.TestOutputHelper?.WriteLine($"{Rebuilds} rebuilds, {answers} answers, {failures.Count} failures");
        Assert.True(failures.IsEmpty, string.Join("\n", failures.Take(10)));
        Assert.True(answers > 100, $"only {answers} answers");
        var health = JsonDocument.Parse(await http.GetStringAsync("/api/health", Cancel)).RootElement.GetProperty("generation").GetString();
        Assert.Equal(Path.GetFileName(_fixture.Current), health);
    }
}
