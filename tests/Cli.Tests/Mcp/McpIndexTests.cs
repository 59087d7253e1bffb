using System.Collections.Concurrent;
using Help.Tests.Shared;
using Xunit;

namespace Help.Cli.Tests.Mcp;

/// <summary>
/// <c>pyhelp mcp</c> and the index under it: built on first use with the protocol untouched, and answering through a
/// rebuild that another pyhelp publishes meanwhile. Over the handwritten fixture docs, copied so they can change.
/// </summary>
public sealed class McpIndexTests : IDisposable
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private readonly string _root = Directory.CreateTempSubdirectory("pyhelp-mcp-").FullName;
    private string Docs => Path.Combine(_root, "docs");
    private string IndexDir => Path.Combine(_root, "index");
    private static string Content => Path.Combine(Corpus.RepoRoot, "tests", "Cli.Tests", "Fixtures", "content");

    public McpIndexTests()
    {
        var source = Path.Combine(Corpus.RepoRoot, "tests", "Cli.Tests", "Fixtures", "docs");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(Docs, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
    }

    private string[] Args(params string[] rest) => ["--index", IndexDir, "--source", Docs, "--source", Content, .. rest];

    [Fact]
    public async Task FirstUse_BuildsTheIndex_WithProgressOnStderr_AndAnswers()
    {
        var stderr = new ConcurrentQueue<string>();
        await using var client = await McpClients.Stdio(Args(), stderr, Cancel);

        // Had a single byte of progress reached stdout, the client could not have initialized.
        Assert.Contains(stderr, line => line.StartsWith("pyhelp: building the index", StringComparison.Ordinal));
        var (text, isError) = await client.Call("lookup", new { key = "spam.Tin.open" }, Cancel);
        Assert.False(isError, text);
        Assert.Contains("open(tool=None)", text);
    }

    [Fact]
    public async Task ARebuildElsewhere_IsPickedUp_WhileEveryCallKeepsGettingAnswers()
    {
        Assert.Equal(0, CliRunner.Invoke(Args("--rebuild")).ExitCode);
        var log = new ConcurrentQueue<string>();
        await using var first = await McpClients.Stdio(Args(), log, Cancel);
        await using var second = await McpClients.Stdio(Args(), cancel: Cancel);
        var generation = new Help.Core.Index.IndexFolder(IndexDir).CurrentGeneration();
        var (before, _) = await second.Call("lookup", new { key = "spam.Tin.open" }, Cancel);
        Assert.DoesNotContain("Polish the tin", before);

        // The docs change and a lookup elsewhere rebuilds and publishes a new generation, while both clients call on.
        var page = Directory.EnumerateFiles(Docs, "*.html", SearchOption.AllDirectories)
            .First(f => File.ReadAllText(f).Contains("Open the tin with", StringComparison.Ordinal));
        // Replaced by rename, as dpkg and Sphinx replace files (a lookup's freshness check sees folders, not files).
        File.WriteAllText(page + ".new", File.ReadAllText(page).Replace("Open the tin with", "Polish the tin, then open it with", StringComparison.Ordinal));
        File.Move(page + ".new", page, overwrite: true);
        var rebuild = Task.Run(() => CliRunner.Invoke(Args("spam")), Cancel);
        // A client that starts now finds the index stale, waits for that build and uses it rather than build again.
        var late = McpClients.Stdio(Args(), cancel: Cancel);

        var answers = 0;
        var clients = new[] { first, second };
        var sawNew = new bool[clients.Length];
        while (!sawNew.All(s => s))
        {
            for (var i = 0; i < clients.Length; i++)
            {
                var (text, isError) = await clients[i].Call("lookup", new { key = "spam.Tin.open" }, Cancel);
                Assert.False(isError, text);
                Assert.Contains("open(tool=None)", text);
                answers++;
                sawNew[i] |= rebuild.IsCompleted && text.Contains("Polish the tin, then open it with", StringComparison.Ordinal);
            }
            Assert.True(answers < 20_000, $"the new generation never reached both servers: {string.Join('\n', log)}");
        }
        var rebuilt = await rebuild;
        Assert.Equal(0, rebuilt.ExitCode);
        Assert.NotEqual(generation, new Help.Core.Index.IndexFolder(IndexDir).CurrentGeneration());

        await using var third = await late;
        var (fromLate, lateError) = await third.Call("lookup", new { key = "spam.Tin.open" }, Cancel);
        Assert.False(lateError, fromLate);
        Assert.Contains("Polish the tin, then open it with", fromLate);
        // One build between them, whichever took the lock first: the second generation is the last.
        Assert.Equal("gen-000002", Path.GetFileName(new Help.Core.Index.IndexFolder(IndexDir).CurrentGeneration()));
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
