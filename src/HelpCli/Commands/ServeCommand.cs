using System.Diagnostics;
using Help.Core.Index;

namespace Help.Cli.Commands;

/// <summary>
/// <c>pyhelp --serve [--port N] [--open]</c>: the web viewer on 127.0.0.1, as <c>pydoc -b</c>; the URL is
/// the first line on stdout. The index is built first when missing or stale, as for a lookup.
/// </summary>
/// <remarks>
/// The viewer runs as its own process, <c>Help.Server</c>, published beside <c>pyhelp</c>. Hosting it in
/// this process would make every lookup's runtime configuration name ASP.NET Core, and resolving that
/// framework costs every start-up about 15 ms of CPU (bench/README.md), though only <c>--serve</c> uses it.
/// </remarks>
public static class ServeCommand
{
    /// <summary>The server's exit codes that differ in meaning from ours (src/HelpServer/Hosting/ViewerServer.cs).</summary>
    private const int ServerExitNoIndex = 3;

    private const int DefaultPort = 7464;

    public static int Run(CliOptions o, Terminal t)
    {
        try
        {
            IndexSession.Open(o, t).Dispose();
        }
        catch (IndexUnavailableException e)
        {
            t.Err.WriteLine($"pyhelp: {e.Message}");
            return ExitCodes.IndexUnavailable;
        }
        if (ServerStart() is not { } start)
        {
            t.Err.WriteLine($"pyhelp: the viewer (Help.Server) is not installed beside pyhelp in {AppContext.BaseDirectory}");
            return ExitCodes.IndexUnavailable;
        }
        start.ArgumentList.Add("--index");
        start.ArgumentList.Add(IndexFolder.Resolve(o.IndexDir).Root);
        start.ArgumentList.Add("--port");
        start.ArgumentList.Add((o.Port ?? DefaultPort).ToString(System.Globalization.CultureInfo.InvariantCulture));
        start.RedirectStandardOutput = true;
        start.UseShellExecute = false;

        using var server = Process.Start(start);
        if (server is null)
        {
            t.Err.WriteLine("pyhelp: could not start the viewer");
            return ExitCodes.IndexUnavailable;
        }
        // The server's first line is its URL, written once it accepts connections.
        var first = true;
        while (server.StandardOutput.ReadLine() is { } line)
        {
            t.Out.WriteLine(line);
            t.Out.Flush();
            if (first && o.Open)
            {
                OpenBrowser(line, t.Err);
            }
            first = false;
        }
        server.WaitForExit();
        return server.ExitCode == ServerExitNoIndex ? ExitCodes.IndexUnavailable : server.ExitCode;
    }

    /// <summary>The published apphost beside pyhelp, else its assembly under the <c>dotnet</c> that runs us.</summary>
    private static ProcessStartInfo? ServerStart()
    {
        var dir = AppContext.BaseDirectory;
        var apphost = Path.Combine(dir, OperatingSystem.IsWindows() ? "Help.Server.exe" : "Help.Server");
        if (File.Exists(apphost))
        {
            return new ProcessStartInfo(apphost);
        }
        var assembly = Path.Combine(dir, "Help.Server.dll");
        if (File.Exists(assembly) && Environment.ProcessPath is { } host && Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            return new ProcessStartInfo(host, [assembly]);
        }
        return null;
    }

    /// <summary>The desktop's browser, as pydoc's <c>-b</c> opens it; a failure is reported, the server keeps running.</summary>
    private static void OpenBrowser(string url, TextWriter err)
    {
        var start = OperatingSystem.IsWindows() ? new ProcessStartInfo(url) { UseShellExecute = true }
            : new ProcessStartInfo(OperatingSystem.IsMacOS() ? "open" : "xdg-open", [url]);
        try
        {
            Process.Start(start)?.Dispose();
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            err.WriteLine($"pyhelp: could not open a browser ({e.Message}); open {url}");
        }
    }
}
