using Help.Server.Hosting;
using Xunit;

namespace Help.Server.Tests;

/// <summary>At most <see cref="SearchGate.Width"/> searches run at once; the others wait without failing.</summary>
public sealed class SearchGateTests(ViewerFixture viewer) : IClassFixture<ViewerFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EnterAsync_AllSlotsHeld_WaitsUntilOneIsFreed()
    {
        using var gate = new SearchGate(2);
        var first = await gate.EnterAsync(Cancel);
        var second = await gate.EnterAsync(Cancel);

        var third = gate.EnterAsync(Cancel).AsTask();
        await Task.Delay(100, Cancel);
        Assert.False(third.IsCompleted);

        first.Dispose();
        (await third.WaitAsync(TimeSpan.FromSeconds(10), Cancel)).Dispose();
        second.Dispose();
    }

    [Fact]
    public async Task EnterAsync_CancelledWhileWaiting_Throws()
    {
        using var gate = new SearchGate(1);
        using var held = await gate.EnterAsync(Cancel);
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await gate.EnterAsync(stop.Token));
    }

    [Fact]
    public async Task Search_ManyMoreRequestsThanSlots_AllAnswerTheSame()
    {
        var paths = Enumerable.Range(0, 32).Select(i => i % 2 == 0 ? "/api/search?q=prosciutto" : "/search?q=prosciutto");

        var answers = await Task.WhenAll(paths.Select(async path =>
        {
            using var response = await viewer.Http.GetAsync(path, Cancel);
            return (path, (int)response.StatusCode, await response.Content.ReadAsStringAsync(Cancel));
        }));

        Assert.All(answers, a => Assert.Equal(200, a.Item2));
        Assert.All(answers.GroupBy(a => a.path), g => Assert.Single(g.Select(a => a.Item3).Distinct()));
        Assert.Contains("prosciutto", answers[0].Item3, StringComparison.OrdinalIgnoreCase);
    }
}
