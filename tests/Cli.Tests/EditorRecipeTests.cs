using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Help.Cli.Tests.Mcp;
using Help.Tests.Shared;
using ModelContextProtocol.Client;
using Xunit;

namespace Help.Cli.Tests;

/// <summary>
/// The editor recipes of docs/editors.md, taken from it as a reader copies them: the MCP configurations start a server
/// the SDK's client talks to, and Neovim's <c>K</c> opens a floating window with the topic.
/// </summary>
public sealed partial class EditorRecipeTests(FixtureIndex index) : IClassFixture<FixtureIndex>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static IEnumerable<string> ReadmeBlocks(string language) =>
        CodeBlock().Matches(File.ReadAllText(Path.Combine(Corpus.RepoRoot, "docs", "editors.md")))
            .Where(m => m.Groups[1].Value == language)
            .Select(m => m.Groups[2].Value);

    [Fact]
    public async Task McpConfigurations_StartAServer_ThatAnswers()
    {
        var configs = ReadmeBlocks("json")
            .Select(b => JsonDocument.Parse(b).RootElement)
            .Select(c => c.TryGetProperty("servers", out var s) ? s : c.TryGetProperty("mcpServers", out var m) ? m : default)
            .Where(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty("pyhelp", out _))
            .Select(s => s.GetProperty("pyhelp"))
            .ToList();
        Assert.Equal(2, configs.Count); // VS Code's and a terminal agent's

        foreach (var config in configs)
        {
            var command = config.GetProperty("command").GetString()!;
            Assert.Equal("pyhelp", command);
            var transport = new StdioClientTransport(new StdioClientTransportOptions
            {
                // As the editor would find it on PATH.
                Command = Path.Combine(PyhelpProcess.BinFolder, command),
                Arguments = config.GetProperty("args").EnumerateArray().Select(a => a.GetString()!).ToList(),
                EnvironmentVariables = new Dictionary<string, string?> { ["HELP_INDEX"] = index.Dir },
            });
            await using var client = await McpClient.CreateAsync(transport, cancellationToken: Cancel);
            var (text, isError) = await client.Call("lookup", new { key = "spam.Tin.open" }, Cancel);
            Assert.False(isError, text);
            Assert.Contains("Open the tin with *tool*", text);
        }
    }

    [Fact]
    public async Task NeovimRecipe_K_OpensAFloatingWindowWithTheTopic()
    {
        const string Nvim = "/usr/bin/nvim";
        Corpus.Require(File.Exists(Nvim), "Neovim is not installed (apt-get install neovim)");
        var recipe = Assert.Single(ReadmeBlocks("lua"));
        var dir = Directory.CreateTempSubdirectory("pyhelp-nvim-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "python.lua"), recipe);
            File.WriteAllText(Path.Combine(dir, "tin.py"), "spam.Tin.open(knife)\n");
            // The recipe as an ftplugin would run it, K on "spam.Tin.open", then the floating window's lines.
            File.WriteAllText(Path.Combine(dir, "check.lua"), """
                vim.cmd("luafile " .. vim.fn.fnameescape(vim.env.RECIPE))
                vim.api.nvim_win_set_cursor(0, { 1, 6 })
                vim.cmd("normal K")
                for _, win in ipairs(vim.api.nvim_list_wins()) do
                  if vim.api.nvim_win_get_config(win).relative ~= "" then
                    local lines = vim.api.nvim_buf_get_lines(vim.api.nvim_win_get_buf(win), 0, -1, false)
                    io.stdout:write("FLOAT\n" .. table.concat(lines, "\n") .. "\n")
                  end
                end
                vim.cmd("qa!")
                """);
            var start = new ProcessStartInfo(Nvim, ["--headless", "--clean", "-c", "luafile " + Path.Combine(dir, "check.lua"), Path.Combine(dir, "tin.py")])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
            };
            start.Environment["PATH"] = PyhelpProcess.PathWithPyhelp;
            start.Environment["HELP_INDEX"] = index.Dir;
            start.Environment["RECIPE"] = Path.Combine(dir, "python.lua");
            start.Environment["HOME"] = dir;
            using var nvim = Process.Start(start)!;
            var stdout = nvim.StandardOutput.ReadToEndAsync(Cancel);
            var stderr = nvim.StandardError.ReadToEndAsync(Cancel);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
            timeout.CancelAfter(TimeSpan.FromSeconds(60));
            await nvim.WaitForExitAsync(timeout.Token);
            var shown = await stdout;
            Assert.True(shown.Contains("FLOAT\n", StringComparison.Ordinal), $"no floating window; stdout: {shown}; stderr: {await stderr}");
            Assert.Contains("open(tool=None)", shown);
            Assert.Contains("Open the tin with *tool*", shown);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [GeneratedRegex(@"```(\w+)\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
