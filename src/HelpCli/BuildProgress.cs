using System.Diagnostics;

namespace Help.Cli;

/// <summary>
/// What an index build shows on stderr. On a terminal: one live line, rewritten in place with the
/// current step and the time so far, then a one-line summary. Elsewhere (a pipe, a CI log): nothing but
/// problems, so scripts and logs stay clean.
/// </summary>
public sealed class BuildProgress : IDisposable
{
    public enum Mode
    {
        /// <summary>A line rewritten with <c>\r</c>, for a terminal.</summary>
        Live,

        /// <summary>Every step on a line of its own (for callers that log, such as a server).</summary>
        Lines,

        /// <summary>Problems only.</summary>
        Quiet,
    }

    private readonly TextWriter _err;
    private readonly Mode _mode;
    private readonly int _columns;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _lock = new();
    private readonly Timer? _ticker;
    private string _step = "";
    private string _count = "";
    private bool _lineShown;
    private bool _finished;

    public BuildProgress(TextWriter err, Mode mode, int columns = 0)
    {
        _err = err;
        _mode = mode;
        _columns = columns > 0 ? columns : 80;
        if (mode == Mode.Live)
        {
            // A step such as reading 500 pages takes seconds: the clock shows the build is alive meanwhile.
            _ticker = new Timer(_ => Refresh(), null, TimeSpan.FromMilliseconds(500), TimeSpan.FromMilliseconds(500));
        }
    }

    /// <summary>The progress mode for a build whose messages go to <paramref name="terminal"/>'s stderr.</summary>
    public static BuildProgress For(Terminal terminal) =>
        new(terminal.Err, terminal.ErrIsTty && terminal.Env("TERM") is not "dumb" ? Mode.Live : Mode.Quiet, terminal.Columns);

    public void Start(string why)
    {
        if (_mode == Mode.Lines)
        {
            WriteLine($"pyhelp: building the index ({why})");
        }
        else
        {
            Step($"building the index ({why})");
        }
    }

    /// <summary>A step of the build (one of the indexer's progress lines).</summary>
    public void Step(string step)
    {
        lock (_lock)
        {
            _step = step;
            _count = "";
            if (_mode == Mode.Lines)
            {
                _err.WriteLine($"pyhelp: {step}");
            }
        }
        Refresh();
    }

    /// <summary>How far the current step is, as <c>done/total things</c>.</summary>
    public void Count(int done, int total, string things)
    {
        lock (_lock)
        {
            _count = $"{done}/{total} {things}";
        }
    }

    /// <summary>The build's last word: shown on a terminal and in the line log, not in quiet mode.</summary>
    public void Finish(string summary)
    {
        _ticker?.Dispose();
        lock (_lock)
        {
            _finished = true;
        }
        if (_mode != Mode.Quiet)
        {
            WriteLine($"pyhelp: {summary}");
        }
    }

    /// <summary>Something the user must know (a skipped source, a failure): always written.</summary>
    public void Problem(string message) => WriteLine($"pyhelp: {message}");

    public void Dispose()
    {
        _ticker?.Dispose();
        lock (_lock)
        {
            _finished = true;
            if (_lineShown)
            {
                _err.Write("\r\x1b[K");
                _err.Flush();
                _lineShown = false;
            }
        }
    }

    private void WriteLine(string line)
    {
        lock (_lock)
        {
            if (_lineShown)
            {
                _err.Write("\r\x1b[K");
                _lineShown = false;
            }
            _err.WriteLine(line);
            _err.Flush();
        }
    }

    private void Refresh()
    {
        if (_mode != Mode.Live)
        {
            return;
        }
        lock (_lock)
        {
            if (_finished)
            {
                return;
            }
            var count = _count.Length > 0 ? $"{_count}, " : "";
            var line = $"pyhelp: {_step} ({count}{_clock.Elapsed.TotalSeconds:0} s)";
            // A line that wraps cannot be rewritten with \r: keep it within the window.
            if (line.Length >= _columns)
            {
                line = line[..(_columns - 2)] + "…";
            }
            _err.Write("\r\x1b[K" + line);
            _err.Flush();
            _lineShown = true;
        }
    }
}
