namespace Help.Server.Hosting;

/// <summary>
/// How many searches run at once. A search holds a thread from start to end (Lucene, and the snippet bodies
/// it asks the topics table for, run synchronously), so without a bound every concurrent search request held
/// one: the thread pool kept adding threads, each rendering large bodies at the same time, and the soak run
/// (bench/soak/run.sh, 64 connections) grew the managed heap's large-object heap from 24 to 100 MB and the
/// process from 190 to 450 MB in 40 s as the pool grew from 5 to 14 threads. The requests over the bound
/// wait here without a thread (a blocking wait made the pool starve: 135 requests/s), so topic pages and
/// key lists go on being answered meanwhile.
/// </summary>
public sealed class SearchGate(int width) : IDisposable
{
    private readonly SemaphoreSlim _slots = new(width, width);

    /// <summary>One search per core: a search is CPU work, so more at once only adds memory and latency.</summary>
    public static int DefaultWidth => Math.Max(1, Environment.ProcessorCount);

    public int Width { get; } = width;

    /// <summary>Waits for a free slot; dispose the result when the search is done (before its answer is written).</summary>
    public async ValueTask<Slot> EnterAsync(CancellationToken cancel)
    {
        await _slots.WaitAsync(cancel);
        return new Slot(_slots);
    }

    public void Dispose() => _slots.Dispose();

    /// <summary>A held slot.</summary>
    public readonly struct Slot(SemaphoreSlim slots) : IDisposable
    {
        public void Dispose() => slots.Release();
    }
}
