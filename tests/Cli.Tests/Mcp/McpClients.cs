using System.Collections.Concurrent;
using Help.Tests.Shared;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace Help.Cli.Tests.Mcp;

/// <summary>
/// Clients of the SDK (the one an editor's assistant uses) talking to the real servers: <c>pyhelp mcp</c> as a child
/// process over stdio, and the viewer's <c>/mcp</c> over HTTP.
/// </summary>
public static class McpClients
{
    /// <summary>Starts <c>pyhelp mcp</c> with <paramref name="args"/> (the index and sources) and initializes a session.</summary>
    /// <param name="stderr">Collects what pyhelp writes on stderr (build progress), line by line.</param>
    public static Task<McpClient> Stdio(IEnumerable<string> args, ConcurrentQueue<string>? stderr = null, CancellationToken cancel = default)
    {
        var dotnet = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
        var transport = new StdioClientTransport(new StdioClientTransportOptions
        {
            Name = "pyhelp",
            Command = dotnet,
            Arguments = [.. PyhelpDll.DotnetArguments, "mcp", .. args],
            StandardErrorLines = line => stderr?.Enqueue(line),
            ShutdownTimeout = TimeSpan.FromSeconds(10),
        });
        return McpClient.CreateAsync(transport, cancellationToken: cancel);
    }

    /// <summary>Connects to the viewer's <c>/mcp</c> at <paramref name="viewerUrl"/>.</summary>
    public static Task<McpClient> Http(string viewerUrl, CancellationToken cancel = default) =>
        McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = new Uri(new Uri(viewerUrl), "mcp"),
            TransportMode = HttpTransportMode.StreamableHttp,
        }), cancellationToken: cancel);

    /// <summary>Calls <paramref name="tool"/> and returns its text and whether the server called it an error.</summary>
    public static async Task<(string Text, bool IsError)> Call(this McpClient client, string tool, object? arguments = null, CancellationToken cancel = default)
    {
        var args = arguments?.GetType().GetProperties().ToDictionary(p => p.Name, p => p.GetValue(arguments));
        var result = await client.CallToolAsync(tool, args, cancellationToken: cancel);
        return (string.Concat(result.Content.OfType<TextContentBlock>().Select(b => b.Text)), result.IsError == true);
    }
}
