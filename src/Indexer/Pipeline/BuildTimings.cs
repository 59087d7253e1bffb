using System.Diagnostics;

namespace Help.Indexer.Pipeline;

/// <summary>
/// Elapsed time per step of a build, printed on stderr when <c>HELP_BUILD_TIMINGS=1</c>: to see where a
/// build's seconds go under the native build, where no profiler attaches.
/// </summary>
internal sealed class BuildTimings
{
    public const string Variable = "HELP_BUILD_TIMINGS";

    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly bool _enabled = Environment.GetEnvironmentVariable(Variable) == "1";
    private TimeSpan _last;

    /// <summary>Ends the step named <paramref name="step"/>: prints its time and the total so far.</summary>
    public void Lap(string step)
    {
        if (!_enabled)
        {
            return;
        }
        var now = _clock.Elapsed;
        Console.Error.WriteLine($"[timing] {step,-28} {(now - _last).TotalMilliseconds,7:0} ms  (total {now.TotalMilliseconds:0} ms)");
        _last = now;
    }
}
