using System.Net;
using System.Text.Json;
using Help.Core.Index;
using Help.Core.Query;
using Help.Server.Hosting;
using Xunit;

namespace Help.Server.Tests;

/// <summary>A rebuild publishes a new generation while the server runs; each gets its own fixture.</summary>
public sealed class GenerationTests : IAsyncLifetime
{
    private readonly ViewerFixture _viewer = new();

    public ValueTask InitializeAsync() => _viewer.InitializeAsync();
    public ValueTask DisposeAsync() => _viewer.DisposeAsync();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rebuild_NewGenerationPublished_ServerAnswersFromIt()
    {
        var before = await Generation();
        Assert.Equal(HttpStatusCode.NotFound, (await _viewer.Http.GetAsync("/api/topic/eggs", Cancel)).StatusCode);

        RebuildWithEggs();

        var status = await Until(async () => (await _viewer.Http.GetAsync("/api/topic/eggs", Cancel)).StatusCode, s => s == HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.NotEqual(before, await Generation());
        Assert.Equal(HttpStatusCode.OK, (await _viewer.Http.GetAsync("/docs/python-3.99/spam.Tin", Cancel)).StatusCode);
    }

    [Fact]
    public async Task Rebuild_SearchAskedBefore_AnsweredFromTheNewGeneration()
    {
        // Asked twice, so the answer is in the search cache, then the index changes under it.
        const string search = "/api/search?q=breakfast";
        Assert.Equal(await _viewer.Http.GetStringAsync(search, Cancel), await _viewer.Http.GetStringAsync(search, Cancel));
        Assert.DoesNotContain("\"eggs\"", await _viewer.Http.GetStringAsync(search, Cancel));

        RebuildWithEggs();

        var answer = await Until(() => _viewer.Http.GetStringAsync(search, Cancel), a => a.Contains("\"eggs\"", StringComparison.Ordinal));
        Assert.Contains("\"key\":\"eggs\"", answer);
    }

    [Fact]
    public void Lease_HeldAcrossASwap_KeepsItsGenerationReadable()
    {
        using var generations = IndexGenerations.Open(new IndexFolder(_viewer.IndexDir), TimeSpan.Zero);
        var old = generations.Acquire();
        _viewer.Build();
        using (var fresh = generations.Acquire())
        {
            Assert.NotEqual(old.Generation.Name, fresh.Generation.Name);
        }
        // The old generation is retired but still open for the request that holds it.
        Assert.Equal("spam.Tin", old.Query.Lookup("spam.Tin").Topic?.Key);
        Assert.NotEmpty(old.Query.Search(new Help.Core.Search.SearchQuery("tin")));
        old.Dispose();
    }

    /// <summary>A second build, with a new page (module <c>eggs</c>) the first one did not have.</summary>
    private void RebuildWithEggs()
    {
        File.WriteAllText(Path.Combine(_viewer.Docs, "library", "eggs.html"), """
            <!DOCTYPE html><html><head><meta charset="utf-8" /><title>eggs — Breakfast &#8212; Python 3.99.0 documentation</title></head>
            <body><div class="body" role="main"><section id="module-eggs"><h1>eggs — Breakfast</h1>
            <p>The eggs module arrived with the second build.</p></section></div></body></html>
            """);
        _viewer.Build();
    }

    /// <summary>Asks again every 60 ms until the answer is what <paramref name="done"/> wants, for up to 10 s; the last answer.</summary>
    private static async Task<T> Until<T>(Func<Task<T>> ask, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        T answer;
        do
        {
            await Task.Delay(60, Cancel);
            answer = await ask();
        }
        while (!done(answer) && DateTime.UtcNow < deadline);
        return answer;
    }

    private async Task<string?> Generation()
    {
        var body = await _viewer.Http.GetStringAsync("/api/health", Cancel);
        return JsonDocument.Parse(body).RootElement.GetProperty("generation").GetString();
    }
}
