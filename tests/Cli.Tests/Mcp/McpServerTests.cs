using System.Net;
using Help.Core.Index;
using Help.Server.Hosting;
using ModelContextProtocol;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;
using Xunit;

namespace Help.Cli.Tests.Mcp;

/// <summary>
/// <c>pyhelp mcp</c> as an editor's assistant meets it: the real process over stdio and the viewer's <c>/mcp</c>, the
/// SDK's own client, the real python3.11-doc index.
/// </summary>
[Trait("Category", "corpus")]
public sealed class McpServerTests(PythonDocsIndex index) : IClassFixture<PythonDocsIndex>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<McpClient> Stdio()
    {
        Assert.Equal(0, index.Build().ExitCode);
        return await McpClients.Stdio(index.Args(), cancel: Cancel);
    }

    [Fact]
    public async Task Initialize_NamesTheServer_AndListsFourDescribedTools()
    {
        await using var client = await Stdio();
        Assert.Equal("pyhelp", client.ServerInfo?.Name);
        Assert.False(string.IsNullOrWhiteSpace(client.ServerInstructions));

        var tools = await client.ListToolsAsync(cancellationToken: Cancel);
        Assert.Equal(["complete", "docsets", "lookup", "search"], tools.Select(t => t.Name).Order());
        foreach (var tool in tools)
        {
            Assert.True(tool.Description.Length > 40, $"{tool.Name} has no real description: {tool.Description}");
            Assert.True(tool.ProtocolTool.Annotations?.ReadOnlyHint, $"{tool.Name} is not marked read-only");
        }
        var lookup = tools.Single(t => t.Name == "lookup").JsonSchema;
        Assert.Equal(["key"], lookup.GetProperty("required").EnumerateArray().Select(e => e.GetString()));
        Assert.True(lookup.GetProperty("properties").TryGetProperty("docset", out _));
        var search = tools.Single(t => t.Name == "search").JsonSchema.GetProperty("properties");
        Assert.Equal("integer", search.GetProperty("limit").GetProperty("type").GetString());

        var templates = await client.ListResourceTemplatesAsync(cancellationToken: Cancel);
        Assert.Contains(templates, t => t.UriTemplate == "pyhelp://topic/{key}");
    }

    [Fact]
    public async Task Lookup_Function_GivesWhatPyhelpPrints_WithWhereItComesFrom()
    {
        await using var client = await Stdio();
        var (text, isError) = await client.Call("lookup", new { key = "asyncio.gather" }, Cancel);

        Assert.False(isError, text);
        var head = text[..text.IndexOf("\n\n", StringComparison.Ordinal)].Split('\n');
        Assert.Contains("kind: function", head);
        Assert.Contains("docset: python-3.11", head);
        Assert.Contains("signature: awaitable asyncio.gather(*aws, return_exceptions=False)", head);
        Assert.Contains("source: file:///usr/share/doc/python3.11/html/library/asyncio-task.html#asyncio.gather", head);
        // The body is the terminal tool's text of the same topic, which is pydoc's.
        var cli = CliRunner.Invoke(index.Args("asyncio.gather"));
        Assert.Equal(0, cli.ExitCode);
        var body = text[(text.IndexOf("\n\n", StringComparison.Ordinal) + 2)..];
        Assert.Contains(body.Split('\n')[0], cli.Out);
        Assert.Contains("Run awaitable objects in the *aws* sequence *concurrently*.", body);
    }

    [Fact]
    public async Task Lookup_Typo_IsAnErrorThatOffersTheCloseSpelling()
    {
        await using var client = await Stdio();
        var (text, isError) = await client.Call("lookup", new { key = "asyncio.gathr" }, Cancel);
        Assert.True(isError);
        Assert.Contains("No documentation found for 'asyncio.gathr'", text);
        Assert.Contains("asyncio.gather", text);
    }

    [Fact]
    public async Task Search_Typo_FindsTheClass()
    {
        await using var client = await Stdio();
        var (text, isError) = await client.Call("search", new { query = "ThreadPolExecutor", limit = 5 }, Cancel);
        Assert.False(isError, text);
        Assert.StartsWith("1. concurrent.futures.ThreadPoolExecutor (class, python-3.11)", text);
    }

    [Fact]
    public async Task Lookup_AmbiguousShortName_ListsTheCandidates_AndADocSetOrKindPicksOne()
    {
        await using var client = await Stdio();
        var (text, isError) = await client.Call("lookup", new { key = "Lock" }, Cancel);
        Assert.False(isError, text);
        Assert.StartsWith("Several topics match 'Lock'", text);
        Assert.Contains("  asyncio.Lock (class, python-3.11)", text);
        Assert.Contains("  threading.Lock (class, python-3.11)", text);

        var (one, _) = await client.Call("lookup", new { key = "threading.Lock" }, Cancel);
        Assert.Contains("key: threading.Lock", one);
    }

    [Fact]
    public async Task Lookup_UnknownKey_SaysSo_AndPointsToSearch()
    {
        await using var client = await Stdio();
        var (text, isError) = await client.Call("lookup", new { key = "zzqxv.nothing" }, Cancel);
        Assert.True(isError);
        Assert.StartsWith("No documentation found for 'zzqxv.nothing'.", text);
    }

    [Fact]
    public async Task HostileArguments_AreToolErrorsOrBoundedAnswers_AndTheServerKeepsAnswering()
    {
        await using var client = await Stdio();
        var huge = string.Concat(Enumerable.Repeat("thread pool executor ", 5000)); // 105 kB

        var (searched, searchError) = await client.Call("search", new { query = huge }, Cancel);
        Assert.False(searchError, searched);
        Assert.StartsWith($"(The query is {huge.Length} characters; its first 1000 were searched.)", searched);
        Assert.Contains("concurrent.futures.ThreadPoolExecutor", searched);

        var (longKey, longKeyError) = await client.Call("lookup", new { key = huge }, Cancel);
        Assert.True(longKeyError);
        Assert.Contains("keys are at most 256", longKey);

        var (control, controlError) = await client.Call("lookup", new { key = "asyncio\u0000gather\u001b[2J" }, Cancel);
        Assert.True(controlError);
        Assert.Contains("control characters", control);

        var (limit, limitError) = await client.Call("search", new { query = "socket", limit = 100000 }, Cancel);
        Assert.True(limitError);
        Assert.Contains("limit must be from 1 to 50", limit);

        var (kind, kindError) = await client.Call("search", new { query = "socket", kind = "spaceship" }, Cancel);
        Assert.True(kindError);
        Assert.Contains("unknown kind 'spaceship'", kind);

        // An argument of the wrong type is refused by the SDK's binding, as an error, not a dead server.
        var wrongType = await client.CallToolAsync("search", new Dictionary<string, object?> { ["query"] = "socket", ["limit"] = "many" }, cancellationToken: Cancel);
        Assert.True(wrongType.IsError);

        var (after, afterError) = await client.Call("lookup", new { key = "asyncio.gather" }, Cancel);
        Assert.False(afterError, after);
    }

    [Fact]
    public async Task Lookup_LongTopic_IsCut_WithAnOffsetThatGivesTheRest()
    {
        await using var client = await Stdio();
        // The largest topics are whole modules' pages; the typing module is far over the cap.
        var (first, _) = await client.Call("lookup", new { key = "typing" }, Cancel);
        var marker = first.LastIndexOf("\n\n[", StringComparison.Ordinal);
        Assert.True(marker > 0, "no continuation marker in a long answer");
        Assert.Matches(@"\[\d+ more characters: call lookup again with offset=20000 to continue\]$", first);
        Assert.Equal(20_000, marker);

        var whole = first[..marker];
        for (var offset = 20_000; ; offset += 20_000)
        {
            var (next, isError) = await client.Call("lookup", new { key = "typing", offset }, Cancel);
            Assert.False(isError, next);
            var cut = next.LastIndexOf("\n\n[", StringComparison.Ordinal);
            if (cut < 0 || !next.EndsWith(" to continue]", StringComparison.Ordinal))
            {
                whole += next;
                break;
            }
            whole += next[..cut];
        }
        // Whole again, it is the terminal tool's text of the module (after its "Help on module typing" line).
        var cli = CliRunner.Invoke(index.Args("typing"));
        var body = whole[(whole.IndexOf("\n\n", StringComparison.Ordinal) + 2)..];
        Assert.Equal(cli.Out[(cli.Out.IndexOf("\n\n", StringComparison.Ordinal) + 2)..].TrimEnd(), body.TrimEnd());

        var (beyond, beyondError) = await client.Call("lookup", new { key = "typing", offset = 10_000_000 }, Cancel);
        Assert.True(beyondError);
        Assert.Contains("offset must be from 0 to", beyond);
    }

    [Fact]
    public async Task Complete_AndDocSets_AndTheTopicResource()
    {
        await using var client = await Stdio();
        var (keys, _) = await client.Call("complete", new { prefix = "asyncio.ga" }, Cancel);
        Assert.Contains("asyncio.gather", keys.Split('\n'));

        var (docsets, _) = await client.Call("docsets", null, Cancel);
        Assert.Matches(@"(?m)^python-3\.11: python 3\.11, \d+ topics$", docsets);

        var resource = await client.ReadResourceAsync("pyhelp://topic/asyncio.gather", cancellationToken: Cancel);
        var text = Assert.IsType<TextResourceContents>(Assert.Single(resource.Contents)).Text;
        Assert.Contains("awaitable asyncio.gather(*aws, return_exceptions=False)", text);

        await Assert.ThrowsAsync<McpProtocolException>(async () =>
            await client.ReadResourceAsync("pyhelp://topic/zzqxv.nothing", cancellationToken: Cancel));
    }

    [Fact]
    public async Task Viewer_ServesTheSameTools_AtMcp_OnlyToItsOwnOrigin()
    {
        Assert.Equal(0, index.Build().ExitCode);
        await using var viewer = await ViewerServer.StartAsync(new IndexFolder(index.Dir), port: 0, Cancel);
        await using var client = await McpClients.Http(viewer.Url, Cancel);

        Assert.Equal("pyhelp", client.ServerInfo?.Name);
        Assert.Equal(4, (await client.ListToolsAsync(cancellationToken: Cancel)).Count);
        var (text, isError) = await client.Call("lookup", new { key = "asyncio.gather" }, Cancel);
        Assert.False(isError, text);
        Assert.Contains("signature: awaitable asyncio.gather(*aws, return_exceptions=False)", text);
        var (hits, _) = await client.Call("search", new { query = "ThreadPolExecutor", limit = 3 }, Cancel);
        Assert.StartsWith("1. concurrent.futures.ThreadPoolExecutor", hits);

        // A page on another site that scripts a call to the viewer sends its origin, and gets nothing.
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(new Uri(viewer.Url), "mcp"))
        {
            Content = new StringContent("""{"jsonrpc":"2.0","id":1,"method":"tools/list"}""", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", "http://attacker.example");
        request.Headers.Add("Accept", "application/json, text/event-stream");
        using var refused = await http.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
