using System.Net;
using System.Text.Json;
using Help.Core.Index;
using Help.Server.Hosting;
using Xunit;

namespace Help.Reliability.Tests;

/// <summary>
/// The viewer over an index damaged under it: it answers 503 with a JSON error, or from the last good
/// generation, never 500; it refuses to start on a damaged index with a message, not a stack trace.
/// </summary>
public sealed class ServerIntegrityTests : IAsyncLifetime
{
    private readonly FixtureIndex _fixture = new();
    private RunningViewer? _viewer;
    private HttpClient _http = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _fixture.Build(marker: 1);
        _viewer = await ViewerServer.StartAsync(_fixture.Folder, port: 0, Cancel, generationCheckInterval: TimeSpan.FromMilliseconds(20));
        _http = new HttpClient { BaseAddress = new Uri(_viewer.Url) };
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (_viewer is not null)
        {
            await _viewer.DisposeAsync();
        }
        _fixture.Dispose();
    }

    [Fact]
    public async Task TopicApi_RecordDamagedUnderTheServer_Answers503WithJsonError()
    {
        var table = Path.Combine(_fixture.Current, TopicsTableFormat.FileName);
        var (record, length) = Damage.RecordOf(table, "spam");
        Damage.Flip(table, record + length / 2);

        foreach (var path in new[] { "/api/topic/spam", "/topic/spam" })
        {
            using var response = await _http.GetAsync(path, Cancel);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync(Cancel);
            Assert.Contains("rebuild", JsonDocument.Parse(body).RootElement.GetProperty("error").GetString());
            Assert.False(Damage.HasStackTrace(body), body);
        }
        // Topics whose records are whole still answer.
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("/api/topic/marker", Cancel)).StatusCode);
    }

    [Fact]
    public async Task SearchApi_SearchIndexDamagedUnderTheServer_AnswersWithoutA500()
    {
        var data = Damage.LargestSearchFile(_fixture.Current);
        Damage.Zero(data, 512, (int)(new FileInfo(data).Length - 1024));

        foreach (var q in new[] { "tin", "marker", "opens" })
        {
            using var response = await _http.GetAsync($"/api/search?q={q}", Cancel);
            // The index may have been read before the damage (200), or meet it (503): never 500.
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.ServiceUnavailable, $"{q}: {response.StatusCode}");
            Assert.False(Damage.HasStackTrace(await response.Content.ReadAsStringAsync(Cancel)));
        }
    }

    [Theory]
    [InlineData("record")]
    [InlineData("truncated")]
    [InlineData("search")]
    [InlineData("seal")]
    public async Task Refresh_NewGenerationDamaged_KeepsServingTheLastGoodOne(string damage)
    {
        var good = await Generation();
        // Built, then damaged before the server looks: as a disk error between the build and a refresh.
        var next = _fixture.Build(marker: 2);
        var table = Path.Combine(next, TopicsTableFormat.FileName);
        switch (damage)
        {
            case "record": var (r, l) = Damage.RecordOf(table, "spam"); Damage.Flip(table, r + l / 2); break;
            case "truncated": Damage.Truncate(table, new FileInfo(table).Length - 100); break;
            case "search": var data = Damage.LargestSearchFile(next); Damage.Flip(data, new FileInfo(data).Length / 2, 100); break;
            case "seal": File.Delete(Path.Combine(next, IndexSeal.FileName)); break;
        }
        await Task.Delay(100, Cancel);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(good, await Generation());
            var topic = await _http.GetStringAsync("/api/topic/marker", Cancel);
            Assert.Contains(FixtureIndex.MarkerText(1), topic);
            await Task.Delay(30, Cancel);
        }
    }

    [Fact]
    public async Task Serve_CurrentGenerationDamaged_RefusesWithAMessageNotAStackTrace()
    {
        var other = new FixtureIndex();
        try
        {
            other.Build();
            var table = Path.Combine(other.Current, TopicsTableFormat.FileName);
            Damage.Flip(table, Damage.Layout(table).Records + 5);
            var stdout = new StringWriter();
            var stderr = new StringWriter();

            var code = await ViewerServer.ServeAsync(other.Folder, 0, stdout, stderr, onListening: null, Cancel);

            Assert.Equal(ViewerServer.ExitNoIndex, code);
            Assert.Contains("damaged", stderr.ToString());
            Assert.Contains(other.Current, stderr.ToString());
            Assert.False(Damage.HasStackTrace(stderr.ToString()), stderr.ToString());
            Assert.Equal("", stdout.ToString());
        }
        finally
        {
            other.Dispose();
        }
    }

    private async Task<string?> Generation() =>
        JsonDocument.Parse(await _http.GetStringAsync("/api/health", Cancel)).RootElement.GetProperty("generation").GetString();
}
