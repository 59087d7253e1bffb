using Help.Cli.Interactive;

namespace Help.Cli;

/// <summary>
/// Where output goes and what the streams are connected to. Every TTY and environment check of the
/// tool goes through here, so tests can fake a terminal with plain writers.
/// </summary>
public sealed record Terminal(TextWriter Out, TextWriter Err)
{
    /// <summary>Lines wider than this are hard to read, however wide the window.</summary>
    public const int MaxWidth = 100;

    /// <summary>The width pydoc's text has (Sphinx's text writer): used whenever stdout is not a terminal.</summary>
    public const int PipedWidth = 70;

    public TextReader In { get; init; } = TextReader.Null;
    public bool OutIsTty { get; init; }
    public bool ErrIsTty { get; init; }
    public bool InIsTty { get; init; }

    /// <summary>The window's width in columns, or 0 when unknown.</summary>
    public int Columns { get; init; }

    /// <summary>The environment, as <see cref="System.Environment.GetEnvironmentVariable(string)"/>.</summary>
    public Func<string, string?> Env { get; init; } = _ => null;

    /// <summary>Key presses for the line editor; only used when <see cref="InIsTty"/>.</summary>
    public IKeyReader? Keys { get; init; }

    /// <summary>Runs a pager command with the text on its standard input; false when it could not be started.</summary>
    public Func<string, string, bool> RunPager { get; init; } = (_, _) => false;

    public static Terminal FromConsole() => new(Console.Out, Console.Error)
    {
        In = new ConsoleInput(),
        Keys = Console.IsInputRedirected ? null : new ConsoleKeyReader(),
        RunPager = Pager.Run,
        OutIsTty = !Console.IsOutputRedirected,
        ErrIsTty = !Console.IsErrorRedirected,
        InIsTty = !Console.IsInputRedirected,
        Columns = Console.IsOutputRedirected && Console.IsErrorRedirected ? 0 : SafeWindowWidth(),
        Env = Environment.GetEnvironmentVariable,
    };

    /// <summary>
    /// Bold headings: only when stdout is a terminal that can show them, and never when
    /// <c>NO_COLOR</c> is set to anything (https://no-color.org).
    /// </summary>
    public bool Bold => OutIsTty && string.IsNullOrEmpty(Env("NO_COLOR")) && Env("TERM") is not ("dumb" or "emacs");

    /// <summary>
    /// The width text is wrapped at: <paramref name="requested"/> (<c>--width</c>); else the window's width
    /// on a terminal, capped at <see cref="MaxWidth"/>; else pydoc's 70, so piped output equals pydoc's.
    /// </summary>
    public int TextWidth(int? requested)
    {
        if (requested is { } w)
        {
            return w;
        }
        if (OutIsTty && Columns > 0)
        {
            return Math.Clamp(Columns, 20, MaxWidth);
        }
        return PipedWidth;
    }

    /// <summary>
    /// The pager command for long text, or null to write it straight out. As <c>pydoc.getpager</c>: only
    /// when both stdin and stdout are terminals; <c>MANPAGER</c>, then <c>PAGER</c>, then <c>less -R</c>
    /// (-R so that bold headings show as bold). <c>PAGER=cat</c> or an empty <c>PAGER</c> means no pager.
    /// </summary>
    public string? PagerCommand(bool noPager)
    {
        if (noPager || !OutIsTty || !InIsTty)
        {
            return null;
        }
        var command = Env("MANPAGER") is { Length: > 0 } manpager ? manpager : Env("PAGER");
        if (command is null)
        {
            return Pager.OnPath("less") ? "less -R" : null;
        }
        command = command.Trim();
        return command.Length == 0 || command == "cat" ? null : command;
    }

    /// <summary>Shows <paramref name="text"/> through the pager when there is one, else writes it to <see cref="Out"/>.</summary>
    public void Page(string text, bool noPager)
    {
        if (PagerCommand(noPager) is { } command)
        {
            Out.Flush();
            if (RunPager(command, text))
            {
                return;
            }
        }
        Out.Write(text);
    }

    private static int SafeWindowWidth()
    {
        try
        {
            return Console.WindowWidth;
        }
        catch (IOException)
        {
            return 0;
        }
    }
}

/// <summary>Exit codes are part of the interface (documented in docs/manual.md and <c>--help</c>).</summary>
public static class ExitCodes
{
    public const int Found = 0;
    public const int NotFound = 1;
    public const int Usage = 2;
    public const int IndexUnavailable = 3;
}

/// <summary>
/// <see cref="Console.In"/>, taken only when first read: creating it sets up the terminal for input (the
/// terminfo database, signal handlers, a buffer), which only the help&gt; prompt needs, not a lookup.
/// </summary>
internal sealed class ConsoleInput : TextReader
{
    private TextReader In => Console.In;

    public override int Peek() => In.Peek();

    public override int Read() => In.Read();

    public override int Read(char[] buffer, int index, int count) => In.Read(buffer, index, count);

    public override string? ReadLine() => In.ReadLine();

    public override string ReadToEnd() => In.ReadToEnd();
}
