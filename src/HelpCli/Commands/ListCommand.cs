using System.Text;
using Help.Core.Model;
using Help.Core.Query;

namespace Help.Cli.Commands;

/// <summary><c>pyhelp keywords|topics|symbols|modules</c>: the keys of a kind in columns, as pydoc's Helper lists them.</summary>
public static class ListCommand
{
    public static readonly IReadOnlyDictionary<string, (TopicKind Kind, string Intro)> Lists = new Dictionary<string, (TopicKind, string)>
    {
        ["keywords"] = (TopicKind.Keyword, "Here is a list of the Python keywords.  Enter any keyword to get more help."),
        ["symbols"] = (TopicKind.Symbol, "Here is a list of the punctuation symbols which Python assigns special meaning\nto. Enter any symbol to get more help."),
        ["topics"] = (TopicKind.Topic, "Here is a list of available topics.  Enter any topic name to get more help."),
        ["modules"] = (TopicKind.Module, "Here is a list of documented modules.  Enter any module name to get more help."),
    };

    public static int Run(HelpQuery query, CliOptions options, string list, Terminal terminal)
    {
        var (kind, intro) = Lists[list];
        var keys = query.ListKeys(kind);
        if (options.Json)
        {
            JsonOutput.Keys(terminal.Out, TopicKinds.Name(kind), keys);
            return ExitCodes.Found;
        }
        terminal.Out.Write($"\n{intro}\n\n");
        terminal.Out.Write(Columns(keys, kind == TopicKind.Module ? Math.Max(1, 80 / (keys.DefaultIfEmpty("").Max(k => k.Length) + 2)) : 4));
        return keys.Count > 0 ? ExitCodes.Found : ExitCodes.NotFound;
    }

    /// <summary>
    /// <c>modules SPAM</c> at the prompt: the modules whose key or summary contains the text ignoring case,
    /// as <c>key - summary</c> lines (pydoc's <c>apropos</c> over the documented modules).
    /// </summary>
    public static int RunModulesMatching(HelpQuery query, string text, Terminal terminal)
    {
        var found = new List<string>();
        foreach (var key in query.ListKeys(TopicKind.Module))
        {
            var summary = "";
            if (query.Lookup(key, TopicKind.Module) is { Status: LookupStatus.Found, Topic: { } topic })
            {
                summary = query.Summary(topic);
            }
            if (key.Contains(text, StringComparison.OrdinalIgnoreCase) || summary.Contains(text, StringComparison.OrdinalIgnoreCase))
            {
                found.Add(summary.Length == 0 ? key : $"{key} - {summary}");
            }
        }
        terminal.Out.Write($"\nHere is a list of modules whose name or summary contains '{text}'.\nIf there are any, enter a module name to get more help.\n\n");
        foreach (var line in found)
        {
            terminal.Out.WriteLine(line);
        }
        return found.Count > 0 ? ExitCodes.Found : ExitCodes.NotFound;
    }

    /// <summary>pydoc.Helper.list: column-major, each column 80/columns wide, padded after all but the last.</summary>
    public static string Columns(IReadOnlyList<string> items, int columns, int width = 80)
    {
        var sorted = items.Order(StringComparer.Ordinal).ToList();
        var colw = width / columns;
        var rows = (sorted.Count + columns - 1) / columns;
        var sb = new StringBuilder();
        for (var row = 0; row < rows; row++)
        {
            for (var col = 0; col < columns; col++)
            {
                var i = col * rows + row;
                if (i < sorted.Count)
                {
                    sb.Append(sorted[i]);
                    if (col < columns - 1)
                    {
                        sb.Append(' ').Append(' ', Math.Max(0, colw - 1 - sorted[i].Length));
                    }
                }
            }
            sb.Append('\n');
        }
        return sb.ToString();
    }
}
