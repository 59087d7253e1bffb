using Help.Core.Index;
using Help.Core.Model;

namespace Help.Cli;

/// <summary>The parsed command line. Parsing never throws: problems land in <see cref="Error"/>.</summary>
public sealed record CliOptions
{
    public string? Key { get; init; }
    public string? SearchQuery { get; init; }
    public bool Json { get; init; }
    public string? IndexDir { get; init; }
    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary><c>--defaults</c>: the default sources, whatever the index was built from.</summary>
    public bool Defaults { get; init; }

    /// <summary>What the sources options ask for.</summary>
    public SourceRequest SourceRequest => new(Sources, Defaults);
    public bool Rebuild { get; init; }
    public int? Width { get; init; }
    public string? DocSet { get; init; }
    public TopicKind? Kind { get; init; }
    public int Limit { get; init; } = 20;
    public bool ShowHelp { get; init; }

    /// <summary><c>--man</c>: the help text as a man page.</summary>
    public bool ShowManPage { get; init; }
    public bool NoPager { get; init; }

    /// <summary><c>--completion SHELL</c>: print the completion script for bash, zsh or fish.</summary>
    public string? Completion { get; init; }

    /// <summary><c>--complete PREFIX</c> (for the completion scripts): the keys starting with PREFIX, one a line.</summary>
    public string? CompletePrefix { get; init; }

    public bool Serve { get; init; }

    /// <summary><c>pyhelp mcp</c>: serve the Model Context Protocol on stdin and stdout.</summary>
    public bool Mcp { get; init; }
    public bool Open { get; init; }
    public int? Port { get; init; }
    public string? Error { get; init; }

    public static CliOptions Parse(IReadOnlyList<string> args)
    {
        var o = new CliOptions();
        var sources = new List<string>();
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            string? Value()
            {
                if (i + 1 < args.Count) return args[++i];
                return null;
            }
            if (a == "--")
            {
                // Everything after "--" is the key, even when it looks like an option ("-", "-=", "--").
                if (i + 1 < args.Count) o = o with { Key = string.Join(' ', args.Skip(i + 1)) };
                break;
            }
            switch (a)
            {
                case "-h" or "--help":
                    o = o with { ShowHelp = true };
                    break;
                case "--man":
                    o = o with { ShowManPage = true };
                    break;
                case "--no-pager":
                    o = o with { NoPager = true };
                    break;
                case "--completion":
                    o = Value() is "bash" or "zsh" or "fish" ? o with { Completion = args[i] } : o with { Error = "--completion needs bash, zsh or fish" };
                    break;
                case "--complete":
                    // The prefix may be empty or look like an option: take the next argument as it is.
                    o = Value() is { } p ? o with { CompletePrefix = p } : o with { CompletePrefix = "" };
                    break;
                case "--serve":
                    o = o with { Serve = true };
                    break;
                case "--open":
                    o = o with { Open = true, Serve = true };
                    break;
                case "--port":
                    o = int.TryParse(Value(), out var port) && port is >= 0 and <= 65535
                        ? o with { Port = port }
                        : o with { Error = "--port needs a number from 0 to 65535" };
                    break;
                case "--json":
                    o = o with { Json = true };
                    break;
                case "--rebuild":
                    o = o with { Rebuild = true };
                    break;
                case "--defaults":
                    o = o with { Defaults = true };
                    break;
                case "-k" or "--search":
                    o = Value() is { } q ? o with { SearchQuery = q } : o with { Error = $"{a} needs a query" };
                    break;
                case "--index":
                    o = Value() is { } d ? o with { IndexDir = d } : o with { Error = "--index needs a folder" };
                    break;
                case "--source":
                    if (Value() is { } s) sources.Add(s); else o = o with { Error = "--source needs a file or folder" };
                    break;
                case "--width":
                    o = int.TryParse(Value(), out var w) && w is >= 20 and <= 1000
                        ? o with { Width = w }
                        : o with { Error = "--width needs a number from 20 to 1000" };
                    break;
                case "--limit":
                    o = int.TryParse(Value(), out var l) && l is >= 1 and <= 1000
                        ? o with { Limit = l }
                        : o with { Error = "--limit needs a number from 1 to 1000" };
                    break;
                case "--docset":
                    o = Value() is { Length: > 0 } ds ? o with { DocSet = ds } : o with { Error = "--docset needs a doc set id (python-3.11, pyhelp, ...)" };
                    break;
                case "--kind":
                    var k = Value();
                    o = k is not null && TopicKinds.TryParse(k, out var kind)
                        ? o with { Kind = kind }
                        : o with { Error = $"--kind needs one of: {string.Join(", ", Enum.GetValues<TopicKind>().Select(TopicKinds.Name))}" };
                    break;
                default:
                    if (a.StartsWith('-') && a.Length > 1)
                    {
                        o = o with { Error = $"unknown option {a} (use -- before a key that starts with -)" };
                    }
                    else if (o.Key is null && !o.Mcp && a == "mcp")
                    {
                        // A verb as the first word that is not an option: "pyhelp -- mcp" looks the name up.
                        o = o with { Mcp = true };
                    }
                    else if (o.Key is null && !o.Mcp)
                    {
                        o = o with { Key = a };
                    }
                    else
                    {
                        o = o with { Error = o.Mcp ? $"pyhelp mcp takes options, not keys (got '{a}')" : $"one key at a time (got '{o.Key}' and '{a}')" };
                    }
                    break;
            }
            if (o.Error is not null) break;
        }
        return o with { Sources = sources };
    }

    /// <summary>
    /// The options <see cref="Usage"/> documents, in its order: those of its usage lines (<c>-k</c>), then the first
    /// column of each line of its Options section (<c>-h, --help</c> gives both). The shell completion offers these,
    /// so the help and the completion cannot list different options. Read from the text when asked (completion and
    /// its tests), not on every start.
    /// </summary>
    public static IReadOnlyList<string> DocumentedOptions => OptionsIn(Usage);

    internal static List<string> OptionsIn(string usage)
    {
        var found = new List<string>();
        foreach (var line in usage.ReplaceLineEndings("\n").Split('\n'))
        {
            // An entry starts two spaces in; its description and examples are indented further.
            if (!line.StartsWith("  ", StringComparison.Ordinal) || line.Length < 3 || line[2] == ' ')
            {
                continue;
            }
            var entry = line[2..];
            var columnEnd = entry.IndexOf("  ", StringComparison.Ordinal);
            var column = columnEnd < 0 ? entry : entry[..columnEnd];
            foreach (var word in column.Split([' ', ','], StringSplitOptions.RemoveEmptyEntries))
            {
                if (word.StartsWith('-') && word != "--" && !found.Contains(word))
                {
                    found.Add(word);
                }
            }
        }
        return found;
    }

    public const string Usage = """
        pyhelp - Python's documentation at the terminal, offline.

        Usage:
          pyhelp                     ask at a help> prompt, as help() does (Tab completes, Up recalls)
          pyhelp KEY                 show the documentation of KEY
                                       pyhelp asyncio.run    pyhelp Executor.submit    pyhelp assert
                                       pyhelp FORMATTING     pyhelp %                  pyhelp awaitable
          pyhelp -- KEY              a key that looks like an option:  pyhelp -- -=
          pyhelp -k QUERY            search; ranked "key - summary" lines:  pyhelp -k "thread pool"
          pyhelp keywords|topics|symbols|modules
                                     list the keys of that kind, as pydoc does:  pyhelp keywords
          pyhelp mcp                 serve the docs to an editor's assistant over the Model Context Protocol
                                     on stdin and stdout (tools lookup, search, complete, docsets)

        Options:
          --json                     the topic or the results as JSON:  pyhelp --json asyncio.gather
          --kind KIND                only topics of that kind (module, class, function, method, keyword, ...):
                                       pyhelp --kind class Path
          --docset ID                only topics of that doc set (python-3.11, pyhelp, ...):
                                       pyhelp --docset python-3.11 -k "thread pool"
          --limit N                  at most N search results (default 20):  pyhelp -k socket --limit 5
          --width N                  wrap text at N columns (default: the terminal's width up to 100;
                                     70, as pydoc, when not a terminal):  pyhelp --width 100 json
          --no-pager                 never page, even on a terminal:  pyhelp --no-pager asyncio
                                     (otherwise MANPAGER, PAGER or "less -R"; PAGER=cat also turns it off)
          --index DIR                the index folder (default: $HELP_INDEX, else ~/.cache/pyhelp/index):
                                       pyhelp --index /tmp/idx assert
          --source PATH              index exactly these files or folders instead of the defaults (repeatable);
                                     the index keeps them for later runs:
                                       pyhelp --source /usr/share/doc/python3.11/html --rebuild
          --defaults                 index the default sources again: every doc set installed, the sources
                                     file, the manual:  pyhelp --defaults --rebuild
          --rebuild                  rebuild the index now:  pyhelp --rebuild
          --export FORMAT --out PATH write the index as pydoc's topics.py, JSON Lines, a Dash docset or a
                                     Sphinx objects.inv (pydoc, json, docset, inventory), with --docset ID
                                     and --keys FILE:  pyhelp --export pydoc --out /tmp/pydoc_data
          --serve                    serve the documentation in a local web viewer:  pyhelp --serve
          --open                     serve, and open the viewer in the browser:  pyhelp --open
          --port N                   the viewer's port (default: any free one):  pyhelp --serve --port 8080
          --completion SHELL         print a completion script for bash, zsh or fish:
                                       source <(pyhelp --completion bash)
          --man                      this help as a man page:  pyhelp --man > ~/.local/share/man/man1/pyhelp.1
          -h, --help                 this help

        Environment: HELP_INDEX (the index folder), NO_COLOR (no bold), MANPAGER and PAGER (the pager),
        XDG_STATE_HOME (where the prompt's history is kept: $XDG_STATE_HOME/pyhelp/history).

        Exit codes: 0 found, 1 not found (or ambiguous), 2 usage error, 3 the index could not be built
        or read.
        """;
}
