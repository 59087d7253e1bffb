using System.Diagnostics;
using System.Runtime.CompilerServices;
using Help.Core.Index;
using Help.Server.Hosting;

namespace Help.Cli.Commands;

/// <summary>
/// <c>pyhelp --serve [--port N] [--open]</c>: the web viewer on 127.0.0.1, as <c>pydoc -b</c>; the URL is
/// the first line on stdout. The index is built first when missing or stale, as for a lookup.
/// </summary>
public static class ServeCommand
{
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
        return Serve(o, t);
    }

    // Kept apart so that ASP.NET Core is loaded only when the viewer runs, never for a lookup.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int Serve(CliOptions o, Terminal t)
    {
        var code = ViewerServer.ServeAsync(IndexFolder.Resolve(o.IndexDir), o.Port ?? ViewerOptions.DefaultPort, t.Out, t.Err,
            onListening: url =>
            {
                if (o.Open) OpenBrowser(url, t.Err);
            },
            CancellationToken.None).GetAwaiter().GetResult();
        return code switch
        {
            ViewerServer.ExitOk => ExitCodes.Found,
            ViewerServer.ExitNoIndex => ExitCodes.IndexUnavailable,
            _ => code,
        };
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
