using Help.Core.Query;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Help.Mcp;

/// <summary>
/// What <c>pyhelp mcp</c> (stdio) and the viewer's <c>/mcp</c> (HTTP) both serve: the tools of <see cref="HelpTools"/>
/// and the resources of <see cref="TopicResources"/> over one <see cref="IndexGenerations"/>.
/// </summary>
public static class HelpMcpServer
{
    /// <summary>What the server tells a client about itself.</summary>
    public static Implementation Info { get; } = new()
    {
        Name = "pyhelp",
        Title = "Offline Python documentation",
        Version = typeof(HelpMcpServer).Assembly.GetName().Version?.ToString(3) ?? "1.0.0",
    };

    /// <summary>What an assistant is told to do with the server.</summary>
    public const string Instructions = """
        Offline documentation of Python and every Python library whose Sphinx docs are installed on this machine,
        exactly as the installed versions document them. Use lookup for a name you know (asyncio.gather,
        requests.get, assert), search for words or a question, complete to finish a partial name, docsets to see
        which libraries and versions are documented.
        """;

    /// <summary>The tools, each calling into <paramref name="index"/>.</summary>
    public static IReadOnlyList<McpServerTool> Tools(IndexGenerations index)
    {
        var tools = new HelpTools(index);
        // Delegates rather than a scan of the type's methods: nothing is found by reflection, so Native AOT keeps it all.
        return
        [
            McpServerTool.Create(tools.Lookup),
            McpServerTool.Create(tools.Search),
            McpServerTool.Create(tools.Complete),
            McpServerTool.Create(tools.DocSets),
        ];
    }

    /// <summary>The resource templates, reading from <paramref name="index"/>.</summary>
    public static IReadOnlyList<McpServerResource> Resources(IndexGenerations index) =>
        [McpServerResource.Create(new TopicResources(index).Topic)];

    /// <summary>Options for a server over <paramref name="index"/>, as <c>pyhelp mcp</c> runs it.</summary>
    public static McpServerOptions Options(IndexGenerations index)
    {
        var tools = new McpServerPrimitiveCollection<McpServerTool>();
        foreach (var tool in Tools(index))
        {
            tools.Add(tool);
        }
        var resources = new McpServerResourceCollection();
        foreach (var resource in Resources(index))
        {
            resources.Add(resource);
        }
        return new McpServerOptions
        {
            ServerInfo = Info,
            ServerInstructions = Instructions,
            ToolCollection = tools,
            ResourceCollection = resources,
        };
    }
}
