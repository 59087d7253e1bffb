using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using Help.Tests.Shared;
using Xunit;

namespace Help.Cli.Tests;

/// <summary>
/// The native pyhelp, published as the README publishes it (Native AOT), in a temporary folder. Native code has no JIT to fall back on: reflection the compiler did not see fails only
/// at run time, so the published program itself is run.
/// </summary>
public sealed class NativeTool : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("pyhelp-native-").FullName;

    public string Folder => Path.Combine(_root, "out");
    public string Program => Path.Combine(Folder, "pyhelp");
    public string Index => Path.Combine(_root, "index");

    /// <summary>Why the tool could not be published, or null.</summary>
    public string? PublishFailure { get; }

    public NativeTool()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.OSArchitecture is not (Architecture.X64 or Architecture.Arm64))
        {
            PublishFailure = "the native build is set up for linux-x64 and linux-arm64 only";
            return;
        }
        var rid = RuntimeInformation.OSArchitecture == Architecture.X64 ? "linux-x64" : "linux-arm64";
        var (code, output) = Run("dotnet", Corpus.RepoRoot,
            "publish", Path.Combine("src", "HelpCli"), "-c", "Release", "-r", rid,
            "-o", Folder, "--artifacts-path", Path.Combine(_root, "artifacts"), "-nologo");
        if (code != 0)
        {
            PublishFailure = $"dotnet publish src/HelpCli exited {code}:\n{output}";
            return;
        }
        if (!File.Exists(Program))
        {
            PublishFailure = $"the publish left no pyhelp in {Folder}";
        }
    }

    private static (int Code, string Output) Run(string file, string directory, params string[] args)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(10)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish");
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}

[Trait("Category", "native")]
public sealed class NativeBuildTests(NativeTool tool, FixtureIndex fixture) : IClassFixture<NativeTool>, IClassFixture<FixtureIndex>
{
    /// <summary>The native program on its own index, built by itself from the same sources.</summary>
    private (int Code, string Out, string Err) Native(params string[] args)
    {
        if (tool.PublishFailure is { } failure)
        {
            Assert.Fail(failure);
        }
        var start = new ProcessStartInfo(tool.Program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var a in (string[])["--index", tool.Index, "--source", fixture.Docs, "--source", fixture.Content, .. args])
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), $"pyhelp {string.Join(' ', args)} did not finish");
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    [Theory]
    [InlineData("spam")]
    [InlineData("spam.Tin.open")]
    [InlineData("Tin.open")]
    [InlineData("--json", "spam.Tin.open")]
    [InlineData("-k", "tin")]
    [InlineData("--json", "-k", "tin")]
    // Every kind of Lucene search in the native program (Lucene.Net finds some classes by reflection):
    // a phrase and proximity, a prefix being typed, close spellings, filters, snippets with highlights.
    [InlineData("--json", "-k", "worker pool")]
    [InlineData("-k", "open every tin")]
    [InlineData("-k", "spam.Tin.op")]
    [InlineData("-k", "spam.open_al")]
    [InlineData("-k", "wrker poool")]
    [InlineData("--kind", "function", "-k", "tin")]
    [InlineData("--docset", "fixture-0.1", "-k", "tin")]
    [InlineData("keywords")]
    [InlineData("modules")]
    [InlineData("--kind", "manual", "help")]
    [InlineData("spma")]
    [InlineData("no.such.thing.anywhere")]
    public void Native_SameArguments_PrintsWhatTheInProcessToolPrints(params string[] args)
    {
        var expected = CliRunner.Invoke(fixture.Args(args));
        var (code, output, _) = Native(args);
        Assert.Equal(expected.ExitCode, code);
        Assert.Equal(expected.Out, output);
    }

    [Fact]
    public void Native_Rebuild_BuildsThenAnswers()
    {
        var (code, output, _) = Native("--rebuild", "spam");
        Assert.Equal(0, code);
        Assert.Contains("spam", output);
        Assert.True(File.Exists(Path.Combine(tool.Index, "CURRENT")), "the native build wrote no index");
    }
}
