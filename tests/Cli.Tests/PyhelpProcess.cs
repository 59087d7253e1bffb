using System.Diagnostics;
using System.Text;

namespace Help.Cli.Tests;

/// <summary>
/// <c>pyhelp</c> as a program on PATH, for what only a real process shows: shells, editors, terminals.
/// A folder holding a <c>pyhelp</c> script that runs this build's <c>pyhelp.dll</c>.
/// </summary>
public static class PyhelpProcess
{
    private static readonly Lazy<string> Folder = new(() =>
    {
        var dir = Directory.CreateTempSubdirectory("pyhelp-bin-").FullName;
        var script = Path.Combine(dir, "pyhelp");
        var dotnet = Environment.ProcessPath is { } p && Path.GetFileNameWithoutExtension(p) == "dotnet" ? p : "dotnet";
        var arguments = string.Join(' ', Help.Tests.Shared.PyhelpDll.DotnetArguments.Select(a => $"'{a}'"));
        File.WriteAllText(script, $"#!/bin/sh\nexec '{dotnet}' {arguments} \"$@\"\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(dir, recursive: true);
        return dir;
    });

    /// <summary>The folder to put first on PATH.</summary>
    public static string BinFolder => Folder.Value;

    /// <summary>PATH with <see cref="BinFolder"/> first.</summary>
    public static string PathWithPyhelp => $"{BinFolder}:{Environment.GetEnvironmentVariable("PATH")}";

    public sealed record Result(int ExitCode, string Out, string Err);

    /// <summary>Runs <paramref name="file"/> with pyhelp on PATH, stdin and stdout piped, and waits for it.</summary>
    public static Result Run(string file, IEnumerable<string> args, IReadOnlyDictionary<string, string>? env = null, string stdin = "")
    {
        // Process.Start looks for a bare name beside this program before PATH, where the SDK put pyhelp's own apphost.
        var start = new ProcessStartInfo(file == "pyhelp" ? Path.Combine(BinFolder, "pyhelp") : file)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["PATH"] = PathWithPyhelp;
        foreach (var (k, v) in env ?? new Dictionary<string, string>())
        {
            start.Environment[k] = v;
        }
        using var process = Process.Start(start)!;
        process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(1)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
