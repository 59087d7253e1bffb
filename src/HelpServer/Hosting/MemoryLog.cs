using System.Globalization;

namespace Help.Server.Hosting;

/// <summary>
/// A diagnostic for the soak run (bench/soak/run.sh): with <c>HELP_SERVER_MEMLOG=SECONDS</c> set, the server
/// writes one line to stderr every SECONDS that splits its resident memory into the managed heap (what the GC
/// holds, live or not, and what it has committed) and the rest (native memory, Lucene's memory-mapped files), so
/// growth can be put on one of them. Off, and free, when the variable is unset.
/// </summary>
public static class MemoryLog
{
    public const string Variable = "HELP_SERVER_MEMLOG";

    /// <summary>Starts the log if <see cref="Variable"/> asks for it; dispose the result to stop it.</summary>
    public static IDisposable? StartFromEnvironment(TextWriter log)
    {
        if (!double.TryParse(Environment.GetEnvironmentVariable(Variable), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            || seconds <= 0)
        {
            return null;
        }
        var period = TimeSpan.FromSeconds(seconds);
        return new Timer(_ => log.WriteLine(Line()), null, period, period);
    }

    /// <summary>One line of figures, in MiB: <c>memlog rss= gc_heap= gc_committed= gc_fragmented= loh= gen2= threads=</c>.</summary>
    public static string Line()
    {
        var info = GC.GetGCMemoryInfo(GCKind.Any);
        static string MiB(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);
        var loh = info.GenerationInfo.Length > 3 ? info.GenerationInfo[3].SizeAfterBytes : 0;
        return $"memlog rss={MiB(Environment.WorkingSet)} gc_heap={MiB(info.HeapSizeBytes)} gc_committed={MiB(info.TotalCommittedBytes)} " +
            $"gc_fragmented={MiB(info.FragmentedBytes)} loh={MiB(loh)} allocated={MiB(GC.GetTotalAllocatedBytes())} " +
            $"gen2={GC.CollectionCount(2)} threads={ThreadPool.ThreadCount} pending={ThreadPool.PendingWorkItemCount}";
    }
}
