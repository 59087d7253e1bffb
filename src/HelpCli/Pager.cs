using System.Diagnostics;
using System.Text;

namespace Help.Cli;

/// <summary>Runs a pager as <c>pydoc.pipepager</c> does: a shell command reading the text on its stdin.</summary>
public static class Pager
{
    /// <summary>Runs <paramref name="command"/> through <c>/bin/sh</c> and waits for it; false when it could not be started.</summary>
    public static bool Run(string command, string text)
    {
        var start = new ProcessStartInfo("/bin/sh") { RedirectStandardInput = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(command);
        // Ctrl-C belongs to the pager while it runs (less uses it to stop a search): the whole foreground
        // process group receives SIGINT, so this process must not die of it.
        ConsoleCancelEventHandler ignore = (_, e) => e.Cancel = true;
        Console.CancelKeyPress += ignore;
        try
        {
            using var process = Process.Start(start);
            if (process is null)
            {
                return false;
            }
            try
            {
                using (var input = new StreamWriter(process.StandardInput.BaseStream, new UTF8Encoding(false)))
                {
                    input.Write(text);
                }
            }
            catch (IOException)
            {
                // The reader quit before reading everything (q in less): that is not an error.
            }
            process.WaitForExit();
            return true;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
        finally
        {
            Console.CancelKeyPress -= ignore;
        }
    }

    /// <summary>Whether an executable of that name is on <c>PATH</c>.</summary>
    public static bool OnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, name)));
}
