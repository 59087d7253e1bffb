using System.Diagnostics;
using Help.Tests.Shared;
using Xunit;

namespace Help.Cli.Tests;

/// <summary>
/// A tmux session on a private server socket: pyhelp runs in a real pseudo-terminal, keys are sent as a
/// user types them and the screen is read back. The program is followed by an "[exit N]" line so that its
/// exit code and last screen stay readable after it ends.
/// </summary>
public sealed class TmuxSession : IDisposable
{
    private readonly string _socket = $"pyhelp-test-{Guid.NewGuid():N}";

    public TmuxSession(string command, IReadOnlyDictionary<string, string> env, int width = 100, int height = 40)
    {
        Corpus.Require(Pager.OnPath("tmux"), "tmux is not installed; apt-get install tmux");
        var exports = string.Join(' ', env.Select(e => $"{e.Key}={Quote(e.Value)}"));
        var shell = $"env -u NO_COLOR -u MANPAGER PATH={Quote(PyhelpProcess.PathWithPyhelp)} TERM=xterm-256color {exports} {command}; echo \"[exit $?]\"; sleep 600";
        Tmux("-f", "/dev/null", "new-session", "-d", "-s", "t", "-x", width.ToString(), "-y", height.ToString(), shell);
    }

    public static string Quote(string s) => "'" + s.Replace("'", "'\\''") + "'";

    /// <summary>Keys in tmux's send-keys names: literal text, or Enter, Tab, Up, C-c, ...</summary>
    public void Send(params string[] keys) => Tmux(["send-keys", "-t", "t", .. keys]);

    /// <summary>Literal text, never read as a key name.</summary>
    public void Type(string text) => Tmux("send-keys", "-t", "t", "-l", text);

    /// <summary>The screen, with <paramref name="escapes"/> its attributes as SGR sequences.</summary>
    public string Screen(bool escapes = false) => escapes
        ? Tmux("capture-pane", "-p", "-e", "-t", "t", "-S", "-200")
        : Tmux("capture-pane", "-p", "-t", "t", "-S", "-200");

    /// <summary>Waits until the screen satisfies <paramref name="ready"/>; fails showing the screen after a while.</summary>
    public string WaitFor(Func<string, bool> ready, string what, bool escapes = false)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var screen = Screen(escapes);
            if (ready(screen))
            {
                return screen;
            }
            if (clock.Elapsed > TimeSpan.FromSeconds(30))
            {
                Assert.Fail($"timed out waiting for {what}; the screen:\n{screen}");
            }
            Thread.Sleep(100);
        }
    }

    public string WaitFor(string text, bool escapes = false) => WaitFor(s => s.Contains(text, StringComparison.Ordinal), $"'{text}'", escapes);

    /// <summary>The last line that starts with <paramref name="start"/>, trimmed.</summary>
    public static string LastLine(string screen, string start) =>
        screen.Split('\n').Select(l => l.TrimEnd()).Last(l => l.StartsWith(start, StringComparison.Ordinal));

    private string Tmux(params string[] args)
    {
        var start = new ProcessStartInfo("tmux") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-L");
        start.ArgumentList.Add(_socket);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"tmux {string.Join(' ', args)}: {error}");
        return output;
    }

    public void Dispose()
    {
        try
        {
            Tmux("kill-server");
        }
        catch (Exception e) when (e is Xunit.Sdk.XunitException or InvalidOperationException)
        {
            // Already gone.
        }
    }
}

/// <summary>The interactive mode through a pseudo-terminal, as a user sees it.</summary>
public sealed class TmuxTests(FixtureIndex index) : IClassFixture<FixtureIndex>, IDisposable
{
    private readonly string _state = Directory.CreateTempSubdirectory("pyhelp-state-").FullName;

    public void Dispose() => Directory.Delete(_state, recursive: true);

    private string Pyhelp(params string[] rest) => "pyhelp " + string.Join(' ', index.Args(rest).Select(TmuxSession.Quote));

    private TmuxSession Start(Dictionary<string, string>? env = null, params string[] rest)
    {
        var all = new Dictionary<string, string> { ["XDG_STATE_HOME"] = _state, ["PAGER"] = "cat" };
        foreach (var (k, v) in env ?? [])
        {
            all[k] = v;
        }
        return new TmuxSession(Pyhelp(rest), all);
    }

    [Fact]
    public void Interactive_LookupListingCompletionQuit_AsAUserSeesThem()
    {
        using var tmux = Start();
        tmux.WaitFor("help>");

        tmux.Type("keywords");
        tmux.Send("Enter");
        tmux.WaitFor("Here is a list of the Python keywords.");
        tmux.WaitFor(s => s.Split('\n').Any(l => l.TrimEnd() == "eject"), "the keyword list");

        // One Tab completes as far as the keys agree; a second lists them.
        tmux.Type("spam.T");
        tmux.Send("Tab");
        tmux.WaitFor(s => TmuxSession.LastLine(s, "help>") == "help> spam.Tin", "completion to the common prefix");
        tmux.Send("Tab");
        tmux.WaitFor(s => s.Split('\n').Any(l => l.StartsWith("spam.Tin  ", StringComparison.Ordinal) && l.TrimEnd().EndsWith("spam.Tin.open", StringComparison.Ordinal)), "the listed candidates");
        tmux.Type(".o");
        tmux.Send("Tab");
        tmux.WaitFor(s => TmuxSession.LastLine(s, "help>") == "help> spam.Tin.open", "completion of a unique key");
        tmux.Send("Enter");
        tmux.WaitFor("Open the tin with *tool* and return its contents.");

        tmux.Type("quit");
        tmux.Send("Enter");
        var screen = tmux.WaitFor("[exit 0]");
        Assert.Contains("Leaving pyhelp.", screen);
    }

    [Fact]
    public void Interactive_History_RecalledWithUpInTheSameAndALaterSession()
    {
        using (var first = Start())
        {
            first.WaitFor("help>");
            foreach (var key in new[] { "spam.Tin", "eject" })
            {
                first.Type(key);
                first.Send("Enter");
            }
            first.WaitFor("Related help topics:");
            first.Send("Up", "Up");
            first.WaitFor(s => TmuxSession.LastLine(s, "help>") == "help> spam.Tin", "history in the same session");
            first.Send("C-u", "C-d");
            first.WaitFor("[exit 0]");
        }
        Assert.Equal(["spam.Tin", "eject"], File.ReadAllLines(Path.Combine(_state, "pyhelp", "history")));

        using var second = Start();
        second.WaitFor("help>");
        second.Send("Up");
        second.WaitFor(s => TmuxSession.LastLine(s, "help>") == "help> eject", "the last line of the first session");
        second.Send("Up");
        second.WaitFor(s => TmuxSession.LastLine(s, "help>") == "help> spam.Tin", "the line before it");
        second.Send("Enter");
        second.WaitFor("class spam.Tin(size)");
        second.Send("C-d");
        second.WaitFor("[exit 0]");
    }

    [Fact]
    public void Interactive_CtrlC_CancelsTheLineTwiceOnEmptyLeaves()
    {
        using var tmux = Start();
        tmux.WaitFor("help>");
        tmux.Type("spam");
        tmux.Send("C-c");
        tmux.WaitFor("help> spam^C");
        tmux.Send("C-c");
        tmux.WaitFor("Ctrl-C again");
        tmux.Send("C-c");
        tmux.WaitFor("[exit 0]");
    }

    [Fact]
    public void Lookup_OnATerminal_BoldThroughThePagerAndPlainWithNoColor()
    {
        using (var bold = Start(new() { ["PAGER"] = "sed 's/^/paged: /'" }, "eject"))
        {
            var screen = bold.WaitFor("[exit 0]", escapes: true);
            var title = TmuxSession.LastLine(screen, "paged: \x1b[1m");
            Assert.Contains("eject", title);
        }
        using var plain = Start(new() { ["PAGER"] = "sed 's/^/paged: /'", ["NO_COLOR"] = "1" }, "eject");
        var text = plain.WaitFor("[exit 0]", escapes: true);
        Assert.Contains("paged: The \"eject\" statement", text);
        Assert.DoesNotContain("\x1b[1m", text);
    }
}
