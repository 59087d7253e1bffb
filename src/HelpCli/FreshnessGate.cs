using System.Runtime.ExceptionServices;
using System.Text;
using Help.Core.Index;

namespace Help.Cli;

/// <summary>
/// The freshness check of an index already opened (<see cref="IndexFreshness"/>: a stat of every folder of the
/// sources, the seal, the manifest), run on a thread of its own while the command finds and renders its
/// answer; the command's first output waits for it. Beside the answer, on a second core, the check costs a
/// lookup nothing. When it finds the index stale or damaged, that first write throws
/// <see cref="StaleIndexException"/> before anything is written, and the command runs again on a rebuilt index.
/// </summary>
public sealed class FreshnessGate
{
    private readonly Thread _thread;
    private RebuildReason? _reason;
    private ExceptionDispatchInfo? _failure;
    private bool _confirmed;

    private FreshnessGate(IndexFolder folder, string generation, IReadOnlyList<string> sources)
    {
        _thread = new Thread(() =>
        {
            try
            {
                _reason = IndexFreshness.Check(folder, generation, sources);
            }
            catch (Exception e)
            {
                _failure = ExceptionDispatchInfo.Capture(e);
            }
        })
        {
            IsBackground = true,
            Name = "freshness check",
        };
    }

    /// <summary>Starts checking <paramref name="generation"/> against <paramref name="sources"/> (none: the defaults).</summary>
    public static FreshnessGate Start(IndexFolder folder, string generation, IReadOnlyList<string> sources)
    {
        var gate = new FreshnessGate(folder, generation, sources);
        gate._thread.Start();
        return gate;
    }

    /// <summary>Waits for the check; returns when the index is fresh.</summary>
    /// <exception cref="StaleIndexException">The index must be built again first.</exception>
    public void Confirm()
    {
        if (_confirmed)
        {
            return;
        }
        _thread.Join();
        _failure?.Throw();
        if (_reason is { } reason)
        {
            throw new StaleIndexException(reason);
        }
        _confirmed = true;
    }

    /// <summary>Waits for the check: why the index must be built again, or null when it is fresh (or the check itself failed).</summary>
    public RebuildReason? Verdict()
    {
        _thread.Join();
        return _reason;
    }

    /// <summary><paramref name="terminal"/> with every way out (stdout, stderr, the pager) waiting for <see cref="Confirm"/>.</summary>
    public Terminal Guard(Terminal terminal) => terminal with
    {
        Out = new GatedWriter(terminal.Out, this),
        Err = new GatedWriter(terminal.Err, this),
        RunPager = (command, text) =>
        {
            Confirm();
            return terminal.RunPager(command, text);
        },
    };

    private sealed class GatedWriter(TextWriter inner, FreshnessGate gate) : TextWriter
    {
        public override Encoding Encoding => inner.Encoding;

        public override IFormatProvider FormatProvider => inner.FormatProvider;

        public override void Write(char value)
        {
            gate.Confirm();
            inner.Write(value);
        }

        public override void Write(char[] buffer, int index, int count)
        {
            gate.Confirm();
            inner.Write(buffer, index, count);
        }

        public override void Write(ReadOnlySpan<char> buffer)
        {
            gate.Confirm();
            inner.Write(buffer);
        }

        public override void Write(string? value)
        {
            gate.Confirm();
            inner.Write(value);
        }

        public override void WriteLine()
        {
            gate.Confirm();
            inner.WriteLine();
        }

        public override void WriteLine(ReadOnlySpan<char> buffer)
        {
            gate.Confirm();
            inner.WriteLine(buffer);
        }

        public override void WriteLine(string? value)
        {
            gate.Confirm();
            inner.WriteLine(value);
        }

        public override void Flush()
        {
            gate.Confirm();
            inner.Flush();
        }
    }
}

/// <summary>The index a command was answering from must be built again (<see cref="FreshnessGate"/>).</summary>
public sealed class StaleIndexException(RebuildReason reason) : Exception(reason.Message)
{
    public RebuildReason Reason { get; } = reason;
}
