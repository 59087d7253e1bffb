using Help.Core.Index;
using Help.Core.Query;
using Help.Mcp;
using ModelContextProtocol.Server;

namespace Help.Cli.Commands;

/// <summary>
/// <c>pyhelp mcp</c>: the Model Context Protocol on stdin and stdout, for an editor's assistant that starts pyhelp as
/// its documentation tool. The index is built first when missing or stale, as for a lookup, with progress on stderr:
/// stdout carries the protocol and nothing else.
/// </summary>
public static class McpCommand
{
    public static int Run(CliOptions o, Terminal t)
    {
        try
        {
            IndexSession.Open(o, t.Err).Dispose();
        }
        catch (IndexUnavailableException e)
        {
            t.Err.WriteLine($"pyhelp: {e.Message}");
            return ExitCodes.IndexUnavailable;
        }
        IndexGenerations index;
        try
        {
            // Answers come from whole generations: a rebuild by another pyhelp publishes a new one, which the next
            // call opens, while calls under way finish on the old one.
            index = IndexGenerations.Open(IndexFolder.Resolve(o.IndexDir), log: t.Err);
        }
        catch (Exception e) when (e is FileNotFoundException or InvalidDataException or IOException)
        {
            t.Err.WriteLine($"pyhelp: {e.Message}");
            return ExitCodes.IndexUnavailable;
        }
        using (index)
        {
            return Serve(index).GetAwaiter().GetResult();
        }
    }

    private static async Task<int> Serve(IndexGenerations index)
    {
        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        await using var transport = new StdioServerTransport(HelpMcpServer.Info.Name);
        await using var server = McpServer.Create(transport, HelpMcpServer.Options(index));
        try
        {
            // Until the client closes stdin (or Ctrl+C).
            await server.RunAsync(stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        return ExitCodes.Found;
    }
}
