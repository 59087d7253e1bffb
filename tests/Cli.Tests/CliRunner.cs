namespace Help.Cli.Tests;

/// <summary>Runs the CLI in process, as a user would from a shell, and captures what it prints.</summary>
public static class CliRunner
{
    public sealed record Run(int ExitCode, string Out, string Err);

    /// <summary>As from a pipe: no terminal anywhere, an empty environment.</summary>
    public static Run Invoke(params string[] args) => Invoke(t => t, args);

    /// <summary>With the terminal <paramref name="fake"/> describes (TTYs, width, environment, pager).</summary>
    public static Run Invoke(Func<Terminal, Terminal> fake, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = HelpCommandLine.Run(args, fake(new Terminal(stdout, stderr)));
        return new Run(code, stdout.ToString(), stderr.ToString());
    }
}
