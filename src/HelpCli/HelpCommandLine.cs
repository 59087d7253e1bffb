using Help.Cli.Commands;
using Help.Cli.Interactive;
using Help.Core.Query;
using Help.Indexer.Export;

namespace Help.Cli;

/// <summary>Parses the command line and runs one command; all output goes through <see cref="Terminal"/>.</summary>
public static class HelpCommandLine
{
    public static int Run(IReadOnlyList<string> args, Terminal terminal)
    {
        if (args.Contains("--export"))
        {
            return ExportCommand.Run(args, terminal.Out, terminal.Err);
        }
        var options = CliOptions.Parse(args);
        if (options.Error is not null)
        {
            terminal.Err.WriteLine($"pyhelp: {options.Error}");
            terminal.Err.WriteLine("Try 'pyhelp --help'.");
            return ExitCodes.Usage;
        }
        if (options.ShowHelp)
        {
            terminal.Out.Write(CliOptions.Usage);
            return ExitCodes.Found;
        }
        if (options.ShowManPage)
        {
            return ManPageCommand.Print(terminal);
        }
        if (options.Completion is { } shell)
        {
            return CompletionCommand.PrintScript(shell, terminal);
        }
        if (options.CompletePrefix is { } prefix)
        {
            return CompletionCommand.PrintKeys(options, prefix, terminal);
        }
        if (options.Serve)
        {
            return ServeCommand.Run(options, terminal);
        }
        if (options.Mcp)
        {
            return McpCommand.Run(options, terminal);
        }

        HelpIndex index;
        try
        {
            index = IndexSession.Open(options, terminal);
        }
        catch (IndexUnavailableException e)
        {
            terminal.Err.WriteLine($"pyhelp: {e.Message}");
            return ExitCodes.IndexUnavailable;
        }
        string damage;
        try
        {
            return RunCommand(index, options, terminal);
        }
        catch (InvalidDataException e)
        {
            damage = e.Message;
        }
        finally
        {
            index.Dispose();
        }
        // Damage that only a read shows (a record's checksum, a directory page, the search index): rebuild once, answer again.
        try
        {
            using var rebuilt = IndexSession.Reopen(options, terminal, damage);
            return RunCommand(rebuilt, options, terminal);
        }
        catch (Exception e) when (e is IndexUnavailableException or InvalidDataException)
        {
            terminal.Err.WriteLine($"pyhelp: {e.Message}");
            return ExitCodes.IndexUnavailable;
        }
    }

    private static int RunCommand(HelpIndex index, CliOptions options, Terminal terminal)
    {
        var query = new HelpQuery(index);
        if (options.SearchQuery is { } q)
        {
            return SearchCommand.Run(query, options, q, terminal);
        }
        if (options.Key is null)
        {
            // --rebuild alone builds; no key at all asks at a prompt, as help() does.
            return options.Rebuild ? ExitCodes.Found : new InteractiveSession(query, options, terminal, index.Table.DocSets).Run();
        }
        if (options.Kind is null && ListCommand.Lists.ContainsKey(options.Key))
        {
            return ListCommand.Run(query, options, options.Key, terminal);
        }
        return LookupCommand.Run(query, options, options.Key, terminal);
    }
}
