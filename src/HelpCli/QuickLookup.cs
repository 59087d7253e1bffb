using System.Runtime.InteropServices;
using Help.Cli.Commands;
using Help.Core.Query;

namespace Help.Cli;

/// <summary>
/// What the native <c>pyhelp</c> runs (Program.cs): the lookup of one key, answered from a fresh index and printed
/// without a pager. Everything else is handed to <c>pyhelp-full</c> beside it (<see cref="HandOver"/>), which
/// runs the whole command line (<see cref="HelpCommandLine"/>) in the same process, with the same arguments.
/// </summary>
/// <remarks>
/// <para>
/// Native code is compiled from what the program can reach, and it all starts with every run: the static data of
/// every type is set up, and the more code there is, the more of it the lookup's first pass faults in. A program
/// that can also search (SQLite), prompt, page, serve and build started 0.6 ms slower, a fifth of a lookup
/// (bench/README.md). So the lookup that scripts, editors and the terminal run most is a program of its own,
/// compiled from the same sources, and answers exactly as the full tool does.
/// </para>
/// <para>
/// Handed over: options that are not a plain lookup (<c>-k</c>, the lists, the prompt, <c>--json</c>,
/// <c>--serve</c>, <c>--rebuild</c>, <c>--help</c>, a usage error), an answer that would go through the pager, a
/// key that is not found or ambiguous (the full tool suggests and searches), and an index that is missing, stale
/// or damaged (the full tool builds it and says so). The hand-over happens before anything is printed, so the
/// full tool's output is all the user sees.
/// </para>
/// </remarks>
public static partial class QuickLookup
{
    /// <summary>The full tool, published beside pyhelp by <c>./build.ps1 publish</c>.</summary>
    public static string FullTool => Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "pyhelp-full.exe" : "pyhelp-full");

    /// <summary>The exit code of the answer, or null when the full tool must run the command instead.</summary>
    public static int? TryAnswer(IReadOnlyList<string> args, Terminal terminal)
    {
        var options = CliOptions.Parse(args);
        if (!IsPlainLookup(options) || terminal.PagerCommand(options.NoPager) is not null)
        {
            return null;
        }
        // Left open for the exit to close, as the full tool leaves it (HelpCommandLine.Run).
        var index = IndexSession.OpenIfFresh(options);
        if (index is null)
        {
            return null;
        }
        try
        {
            var query = new HelpQuery(index);
            var result = query.Lookup(options.Key!, options.Kind, options.DocSet);
            if (result.Status != LookupStatus.Found)
            {
                return null;
            }
            var answer = LookupCommand.Answer(query, result.Topic!, options.Key!, options, terminal);
            terminal.Out.Write(answer);
            terminal.Out.Flush();
            return ExitCodes.Found;
        }
        catch (InvalidDataException)
        {
            // Damage that only this read showed: the full tool reads it too, rebuilds and answers.
            return null;
        }
    }

    private static bool IsPlainLookup(CliOptions o) =>
        o is { Error: null, ShowHelp: false, Completion: null, CompletePrefix: null, Serve: false, Rebuild: false, Json: false, SearchQuery: null, Key: not null }
        && !(o.Kind is null && ListCommand.Lists.ContainsKey(o.Key));

    /// <summary>
    /// Runs the full tool with <paramref name="args"/> in place of this process (execve: the same process id,
    /// terminal and environment, so the shell and the tests see one program). Returns only when it cannot.
    /// </summary>
    public static int HandOver(IReadOnlyList<string> args, Terminal terminal)
    {
        var program = FullTool;
        if (!File.Exists(program))
        {
            terminal.Err.WriteLine($"pyhelp: {program} is missing: pyhelp runs it for every command but a lookup (./build.ps1 publish puts it beside pyhelp)");
            return ExitCodes.IndexUnavailable;
        }
        var error = Exec(program, args);
        terminal.Err.WriteLine($"pyhelp: could not run {program}: {error}");
        return ExitCodes.IndexUnavailable;
    }

    private static string Exec(string program, IReadOnlyList<string> args)
    {
        if (OperatingSystem.IsWindows())
        {
            return "the native build hands over with execv(2), which Windows does not have";
        }
        var argv = new nint[args.Count + 2];
        try
        {
            argv[0] = Marshal.StringToCoTaskMemUTF8(program);
            for (var i = 0; i < args.Count; i++)
            {
                argv[i + 1] = Marshal.StringToCoTaskMemUTF8(args[i]);
            }
            execv(argv[0], argv);
            return Marshal.GetLastPInvokeErrorMessage();
        }
        finally
        {
            foreach (var p in argv)
            {
                Marshal.FreeCoTaskMem(p);
            }
        }
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int execv(nint path, nint[] argv);
}
