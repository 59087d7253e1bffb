using Help.Cli.Commands;
using Help.Core.Query;

namespace Help.Cli.Interactive;

/// <summary>
/// <c>pyhelp</c> with no key: a <c>help&gt;</c> prompt answering the words <c>help()</c> answers
/// (<c>keywords</c>, <c>topics</c>, <c>symbols</c>, <c>modules</c>, <c>modules SPAM</c>, <c>quit</c>, any key).
/// On a terminal the line editor reads the keys; from a pipe each line is one request, as <c>help()</c>
/// reads piped input.
/// </summary>
public sealed class InteractiveSession
{
    /// <summary>The words the prompt knows besides keys, offered by Tab too.</summary>
    public static readonly IReadOnlyList<string> Words = ["help", "keywords", "modules", "quit", "symbols", "topics"];

    private readonly HelpQuery _query;
    private readonly CliOptions _options;
    private readonly Terminal _terminal;
    private readonly IReadOnlyList<string> _docSets;

    public InteractiveSession(HelpQuery query, CliOptions options, Terminal terminal, IReadOnlyList<string> docSets)
    {
        _query = query;
        _options = options;
        _terminal = terminal;
        _docSets = docSets;
    }

    public int Run()
    {
        var output = _terminal.Out;
        output.Write(Intro());
        Func<string, LineResult> read;
        if (_terminal.InIsTty && _terminal.Keys is { } keys)
        {
            var editor = new LineEditor(keys, output, new History(History.DefaultPath(_terminal.Env)), Complete, () => _terminal.Columns);
            read = editor.ReadLine;
        }
        else
        {
            read = prompt =>
            {
                output.Write(prompt);
                output.Flush();
                return _terminal.In.ReadLine() is { } line ? new LineResult(LineStatus.Line, line) : new LineResult(LineStatus.EndOfInput, "");
            };
        }

        var interruptedEmpty = false;
        while (true)
        {
            var result = read("help> ");
            if (result.Status == LineStatus.EndOfInput)
            {
                break;
            }
            if (result.Status == LineStatus.Interrupted)
            {
                if (result.Text.Length == 0 && interruptedEmpty)
                {
                    break;
                }
                interruptedEmpty = result.Text.Length == 0;
                if (interruptedEmpty)
                {
                    output.WriteLine("(Ctrl-C again, Ctrl-D or \"quit\" leaves)");
                }
                continue;
            }
            interruptedEmpty = false;
            var request = Unquote(result.Text.Trim());
            // As help(): an empty line leaves, and so do q, quit and exit in any case.
            if (request.Length == 0 || request.ToLowerInvariant() is "q" or "quit" or "exit")
            {
                break;
            }
            Answer(request);
            output.Flush();
        }
        output.WriteLine();
        output.WriteLine("Leaving pyhelp. Ask for one name directly with: pyhelp NAME");
        return ExitCodes.Found;
    }

    private void Answer(string request)
    {
        if (request == "help")
        {
            _terminal.Out.Write(Intro());
            return;
        }
        if (ListCommand.Lists.ContainsKey(request))
        {
            ListCommand.Run(_query, _options with { Json = false }, request, _terminal);
            return;
        }
        if (request.StartsWith("modules ", StringComparison.Ordinal))
        {
            ListCommand.RunModulesMatching(_query, request["modules ".Length..].Trim(), _terminal);
            return;
        }
        LookupCommand.Run(_query, _options with { Json = false }, request, _terminal);
    }

    /// <summary>As help(): a request in matching quotes ('%', "if") means what is inside them.</summary>
    private static string Unquote(string request) =>
        request.Length > 2 && request[0] is '\'' or '"' && request[^1] == request[0] && request.IndexOf(request[0], 1) == request.Length - 1
            ? request[1..^1]
            : request;

    /// <summary>Tab's candidates: the prompt's words, then keys.</summary>
    private IReadOnlyList<string> Complete(string prefix)
    {
        var words = Words.Where(w => w.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
        var keys = prefix.Length == 0 ? [] : _query.Complete(prefix, LineEditor.MaxListed + 1).Select(e => e.Key);
        return words.Concat(keys).Distinct(StringComparer.Ordinal).ToList();
    }

    private string Intro() => $"""

        Welcome to pyhelp, Python's documentation at the terminal{(_docSets.Count > 0 ? $" ({string.Join(", ", _docSets)})" : "")}.

        Type a name to read its documentation: a module (asyncio), a function,
        class or method (asyncio.run, Executor.submit), a keyword (assert), a
        topic (FORMATTING), a symbol (%) or a glossary term (awaitable).  Tab
        completes a name, and Up and Down recall the names asked before.

        "keywords", "symbols", "topics" and "modules" list what there is to ask
        for; "modules spam" lists the modules whose name or summary mentions
        "spam".  To leave, type "quit", press Ctrl-D, or enter an empty line.


        """;
}
