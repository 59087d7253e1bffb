using Help.Tests.Shared;
using Xunit;

namespace Help.Cli.Tests;

/// <summary>What a user sees at a terminal and what scripts see through pipes, over the fixture index.</summary>
public sealed class TerminalExperienceTests(FixtureIndex index) : IClassFixture<FixtureIndex>
{
    private static Func<Terminal, Terminal> Tty(Dictionary<string, string>? env = null, List<(string Command, string Text)>? paged = null) => t => t with
    {
        OutIsTty = true,
        InIsTty = true,
        ErrIsTty = true,
        Columns = 90,
        Env = name => env is not null && env.TryGetValue(name, out var v) ? v : null,
        RunPager = (command, text) =>
        {
            paged?.Add((command, text));
            return paged is not null;
        },
    };

    // Exit codes are part of the interface: 0 found, 1 not found, 2 usage, 3 no index.

    [Fact]
    public void ExitCode_Found_0() => Assert.Equal(0, CliRunner.Invoke(index.Args("spam.Tin")).ExitCode);

    [Fact]
    public void ExitCode_NotFound_1() => Assert.Equal(1, CliRunner.Invoke(index.Args("spam.Tin.shut")).ExitCode);

    [Fact]
    public void ExitCode_SearchWithoutHits_1() => Assert.Equal(1, CliRunner.Invoke(index.Args("-k", "zyxxyz")).ExitCode);

    [Theory]
    [InlineData("--completion", "tcsh")]
    [InlineData("--port", "70000")]
    [InlineData("--kind")]
    public void ExitCode_UsageError_2(params string[] args)
    {
        var run = CliRunner.Invoke(args);
        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith("pyhelp: ", run.Err);
        Assert.Equal("", run.Out);
    }

    [Fact]
    public void ExitCode_IndexCannotBeBuilt_3()
    {
        var run = CliRunner.Invoke("--index", "/dev/null/index", "--source", index.Docs, "spam");
        Assert.Equal(3, run.ExitCode);
        Assert.StartsWith("pyhelp: could not build the index", run.Err);
    }

    [Fact]
    public void Help_ListsEveryOptionWithAnExampleAndTheExitCodes()
    {
        var run = CliRunner.Invoke("--help");
        Assert.Equal(0, run.ExitCode);
        foreach (var option in CliOptions.DocumentedOptions.Where(o => o.StartsWith("--", StringComparison.Ordinal) && o is not "--help" and not "--out"))
        {
            var line = run.Out.Split('\n').SkipWhile(l => !l.TrimStart().StartsWith(option + " ", StringComparison.Ordinal)).Take(3);
            Assert.True(line.Any(l => l.IndexOf("pyhelp ", StringComparison.Ordinal) is var at && at >= 0 && l.IndexOf(option, at, StringComparison.Ordinal) > at),
                $"{option} has no example:\n{string.Join('\n', line)}");
        }
        Assert.Contains("Exit codes: 0 found, 1 not found (or ambiguous), 2 usage error, 3 the index", run.Out);
    }

    [Fact]
    public void Lookup_Piped_PlainAt70NoPager()
    {
        var paged = new List<(string, string)>();
        var run = CliRunner.Invoke(t => Tty(new() { ["PAGER"] = "more" }, paged)(t) with { OutIsTty = false }, index.Args("spam"));
        Assert.Empty(paged);
        Assert.DoesNotContain("\x1b", run.Out);
        Assert.Equal(CliRunner.Invoke(index.Args("--width", "70", "spam")).Out, run.Out);
    }

    [Fact]
    public void Lookup_OnATerminal_BoldHeadingThroughThePager()
    {
        var paged = new List<(string Command, string Text)>();
        var run = CliRunner.Invoke(Tty(new() { ["PAGER"] = "more" }, paged), index.Args("eject"));
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("", run.Out);
        var (command, text) = Assert.Single(paged);
        Assert.Equal("more", command);
        Assert.StartsWith("\x1b[1m", text);
        Assert.Contains("eject", text.Split('\n')[0]);
    }

    [Fact]
    public void Lookup_OnATerminalWithNoColor_NoEscapes()
    {
        var paged = new List<(string Command, string Text)>();
        CliRunner.Invoke(Tty(new() { ["PAGER"] = "more", ["NO_COLOR"] = "1" }, paged), index.Args("eject"));
        Assert.DoesNotContain("\x1b", Assert.Single(paged).Text);
    }

    [Fact]
    public void Lookup_NoPagerOption_WritesStraightOut()
    {
        var paged = new List<(string, string)>();
        var run = CliRunner.Invoke(Tty(new() { ["PAGER"] = "more" }, paged), index.Args("--no-pager", "eject"));
        Assert.Empty(paged);
        Assert.Contains("eject", run.Out);
    }

    [Fact]
    public void Lookup_TerminalWidth_WrapsAtTheWindow()
    {
        // The fixture's sentence about opening every tin is 61 columns indented by 3: it fits in 70, not in 40.
        var wide = CliRunner.Invoke(t => Tty()(t) with { Columns = 40 }, index.Args("--no-pager", "spam.open_all")).Out;
        Assert.All(wide.Split('\n').Where(l => !l.StartsWith("Help on", StringComparison.Ordinal) && !l.StartsWith("spam.open_all(", StringComparison.Ordinal)),
            l => Assert.True(l.Length <= 40, l));
        Assert.Contains("Open every tin", wide);
    }

    [Fact]
    public void Json_OnATerminal_NoEscapesNoPager()
    {
        var paged = new List<(string, string)>();
        var run = CliRunner.Invoke(Tty(new() { ["PAGER"] = "more" }, paged), index.Args("--json", "eject"));
        Assert.Empty(paged);
        Assert.DoesNotContain("\\u001b", run.Out);
        Assert.DoesNotContain("\x1b", run.Out);
    }

    [Fact]
    public void NoKey_PipedInput_AnswersEachLineLikeHelp()
    {
        var run = CliRunner.Invoke(t => t with { In = new StringReader("keywords\nspam.Tin.open\n'eject'\nquit\nspam\n") }, index.Args());
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Welcome to pyhelp", run.Out);
        Assert.Contains("help> \nHere is a list of the Python keywords.", run.Out);
        Assert.Contains("help> Help on method spam.Tin.open", run.Out);
        Assert.Contains("help> The \"eject\" statement", run.Out);
        Assert.DoesNotContain("Help on module spam", run.Out); // after quit
    }

    [Fact]
    public void NoKey_ModulesWithAWord_ListsModulesWhoseSummaryHasIt()
    {
        var run = CliRunner.Invoke(t => t with { In = new StringReader("modules TINS\nmodules nothing-like-it\n") }, index.Args());
        var lists = run.Out.Split("help> ");
        Assert.Contains("spam - ", lists[1]);
        Assert.DoesNotContain("spam", lists[2].Replace("'nothing-like-it'", ""));
    }

    [Fact]
    public void Complete_Prefix_PrintsMatchingKeysOnePerLine()
    {
        var run = CliRunner.Invoke("--index", index.Dir, "--complete", "spam.t");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("spam.Tin\nspam.Tin.open\n", run.Out);
    }

    [Fact]
    public void Complete_NoIndex_NothingAndNoBuild()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"pyhelp-none-{Guid.NewGuid():N}");
        var run = CliRunner.Invoke("--index", dir, "--complete", "sp");
        Assert.Equal(3, run.ExitCode);
        Assert.Equal("", run.Out + run.Err);
        Assert.False(Directory.Exists(dir));
    }

    [Theory]
    [InlineData("bash", "complete -F _pyhelp pyhelp")]
    [InlineData("zsh", "#compdef pyhelp")]
    [InlineData("fish", "complete -c pyhelp")]
    public void Completion_Shell_PrintsItsScript(string shell, string marker)
    {
        var run = CliRunner.Invoke("--completion", shell);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains(marker, run.Out);
        Assert.Contains("--complete", run.Out);
    }

    private static string[] BashComplete(params string[] words)
    {
        var script = Path.GetTempFileName();
        try
        {
            File.WriteAllText(script, CliRunner.Invoke("--completion", "bash").Out);
            var run = PyhelpProcess.Run("bash", ["-c", """
                source "$1"; shift
                COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 ))
                _pyhelp
                printf '%s\n' "${COMPREPLY[@]}"
                """, "bash", script, .. words]);
            Assert.True(run.ExitCode == 0, run.Err);
            return run.Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        finally
        {
            File.Delete(script);
        }
    }

    [Fact]
    public void BashCompletion_KeyPrefix_RepliesTheMatchingKeys() =>
        Assert.Equal(["spam.Tin", "spam.Tin.open"], BashComplete("pyhelp", "--index", index.Dir, "spam.T"));

    [Fact]
    public void BashCompletion_OptionPrefix_RepliesTheOption() =>
        Assert.Equal(["--no-pager"], BashComplete("pyhelp", "--no-p"));

    [Fact]
    public void BashCompletion_KindValue_RepliesKinds() =>
        Assert.Contains("method", BashComplete("pyhelp", "--kind", "me"));

    [Fact]
    public void Keywordprg_PipedLikeGvim_PlainTextAndExitCodes()
    {
        // Vim's K runs "keywordprg WORD"; without a terminal (gvim, :read !) the text must be plain.
        var env = new Dictionary<string, string> { ["PAGER"] = "false", ["TERM"] = "xterm" };
        var found = PyhelpProcess.Run("pyhelp", index.Args("spam.Tin.open"), env);
        Assert.Equal(0, found.ExitCode);
        Assert.Equal(CliRunner.Invoke(index.Args("spam.Tin.open")).Out, found.Out);
        Assert.DoesNotContain("\x1b", found.Out);
        var missing = PyhelpProcess.Run("pyhelp", index.Args("spam.Tin.shut"), env);
        Assert.True(missing.ExitCode == 1, $"exit {missing.ExitCode}: {missing.Err}");
    }

    [Fact]
    public void Piped_ReaderQuitsWithoutReading_ExitsZeroAndSaysNothing()
    {
        // "pyhelp x | head -1" on a long answer: the pipe closes under the writer (EPIPE), which is no error.
        var run = PyhelpProcess.Run("bash", ["-c", """
            pyhelp "$@" | (exec 0<&-; sleep 0.2)
            echo "exit ${PIPESTATUS[0]}"
            """, "bash", .. index.Args("spam")]);
        Assert.Equal("exit 0\n", run.Out);
        Assert.Equal("", run.Err);
    }

    [Fact]
    public void Build_StderrPiped_Silent()
    {
        Assert.Equal(0, index.FirstRun.ExitCode);
        Assert.Equal("", index.FirstRun.Err);
    }

    [Fact]
    public void Build_StderrATerminal_LiveLineThenSummary()
    {
        var dir = Directory.CreateTempSubdirectory("pyhelp-live-").FullName;
        try
        {
            var run = CliRunner.Invoke(t => Tty()(t) with { OutIsTty = false }, "--index", dir, "--source", index.Docs, "--source", index.Content, "--rebuild");
            Assert.Equal(0, run.ExitCode);
            Assert.Contains("\r\x1b[Kpyhelp: building the index (--rebuild was given)", run.Err);
            Assert.Matches(@"\r\x1b\[Kpyhelp: \d+ topics indexed in [\d.]+ s into .*gen-000001\n$", run.Err);
            Assert.Equal(1, run.Err.Count(c => c == '\n'));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
