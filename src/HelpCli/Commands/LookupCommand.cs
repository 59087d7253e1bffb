using Help.Core.Model;
using Help.Core.Query;
using Help.Core.Rendering.Text;

namespace Help.Cli.Commands;

/// <summary><c>pyhelp KEY</c>: the documentation of one key.</summary>
public static class LookupCommand
{
    public static int Run(HelpQuery query, CliOptions options, string key, Terminal terminal)
    {
        var result = query.Lookup(key, options.Kind, options.DocSet);
        switch (result.Status)
        {
            case LookupStatus.Found:
                var topic = result.Topic!;
                if (options.Json)
                {
                    // Machine output: pydoc's width and no escapes, whatever the terminal.
                    var plain = query.RenderText(topic, new TextRenderOptions { Width = options.Width ?? Terminal.PipedWidth });
                    JsonOutput.Topic(terminal.Out, topic, query.Summary(topic), plain, query.RenderHtml(topic));
                }
                else
                {
                    terminal.Page(Answer(query, topic, key, options, terminal), options.NoPager);
                }
                return ExitCodes.Found;

            case LookupStatus.Ambiguous:
                if (options.Json)
                {
                    JsonOutput.NotFound(terminal.Out, key, "ambiguous", result.Candidates);
                }
                else
                {
                    terminal.Out.WriteLine($"Several topics match '{key}'; ask for one of them:");
                    foreach (var c in result.Candidates.Take(20))
                    {
                        terminal.Out.WriteLine($"  {c.Key}  ({TopicKinds.Name(c.Kind)}, {c.DocSet})");
                    }
                    if (result.Candidates.Count > 20)
                    {
                        terminal.Out.WriteLine($"  ... and {result.Candidates.Count - 20} more");
                    }
                }
                return ExitCodes.NotFound;

            default:
                if (options.Json)
                {
                    JsonOutput.NotFound(terminal.Out, key, "not found", result.Candidates);
                }
                else
                {
                    // pydoc's words, then what we can offer instead.
                    terminal.Out.WriteLine($"No Python documentation found for '{key}'.");
                    if (!query.HasApiDocs())
                    {
                        NoDocsInstalled(query, terminal);
                        return ExitCodes.NotFound;
                    }
                    if (result.Candidates.Count > 0)
                    {
                        terminal.Out.WriteLine($"Did you mean: {string.Join(", ", result.Candidates.Select(c => c.Key))}?");
                    }
                    else if (SearchFallback(query, options, key) is { Count: > 0 } hits)
                    {
                        // No key is spelled like it: the text may still mention it.
                        terminal.Out.WriteLine("Topics that mention it:");
                        foreach (var h in hits)
                        {
                            terminal.Out.WriteLine($"  {SearchCommand.Line(h)}");
                        }
                        return ExitCodes.NotFound;
                    }
                    terminal.Out.WriteLine($"Use pyhelp -k \"{key}\" to search the text.");
                }
                return ExitCodes.NotFound;
        }
    }

    /// <summary>
    /// What a machine without Python's HTML docs is missing, and how to add it: an index of only the manual and
    /// pydoc's topics knows no module, class or function.
    /// </summary>
    private static void NoDocsInstalled(HelpQuery query, Terminal terminal)
    {
        terminal.Out.WriteLine("No HTML documentation is installed on this machine, so no module, class or function can be looked up.");
        terminal.Out.WriteLine("Install Python's documentation, and any library's (Debian packages python-NAME-doc):");
        terminal.Out.WriteLine("  sudo apt-get install python3-doc");
        terminal.Out.WriteLine("The index notices new documentation at the next lookup. It holds now:");
        foreach (var (docSet, topics) in query.DocSetSizes())
        {
            terminal.Out.WriteLine($"  {docSet} ({topics} topics)");
        }
    }

    private static IReadOnlyList<Help.Core.Search.SearchHit> SearchFallback(HelpQuery query, CliOptions options, string key) =>
        query.Search(new Help.Core.Search.SearchQuery(key, 5, options.Kind is { } k ? [k] : null, options.DocSet));

    /// <summary>The text a lookup of <paramref name="key"/> prints for <paramref name="topic"/>, found for it.</summary>
    internal static string Answer(HelpQuery query, Topic topic, string key, CliOptions options, Terminal terminal)
    {
        var text = query.RenderText(topic, new TextRenderOptions { Width = terminal.TextWidth(options.Width), Bold = terminal.Bold });
        // pydoc's Helper.help ends every keyword, topic and symbol answer with one more newline.
        var end = topic.Kind is TopicKind.Keyword or TopicKind.Topic or TopicKind.Symbol ? "\n" : "";
        return Header(topic, key) + text + end;
    }

    /// <summary>Objects get a first line naming what they are, as pydoc's "Help on function run in module asyncio:"; prose does not.</summary>
    private static string Header(Topic topic, string asked) => topic.Kind switch
    {
        TopicKind.Module or TopicKind.Class or TopicKind.Exception or TopicKind.Function or TopicKind.Method
            or TopicKind.Attribute or TopicKind.Data or TopicKind.Decorator =>
            $"Help on {TopicKinds.Name(topic.Kind)} {topic.Key}{(topic.Parent is null ? "" : $" in {topic.Parent}")} ({topic.DocSet}):\n\n",
        _ when !string.Equals(asked, topic.Key, StringComparison.Ordinal) && topic.Kind is not (TopicKind.Keyword or TopicKind.Topic or TopicKind.Symbol) =>
            $"{topic.Key} ({TopicKinds.Name(topic.Kind)}, {topic.DocSet}):\n\n",
        _ => "",
    };
}
