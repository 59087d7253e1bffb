using System.Text;
using Xunit;

namespace Help.Cli.Tests;

/// <summary>The terminal decisions (width, bold, pager) made from what stdin, stdout and the environment are.</summary>
public sealed class TerminalTests
{
    private static Terminal Tty(params (string Name, string Value)[] env) => new(TextWriter.Null, TextWriter.Null)
    {
        OutIsTty = true,
        InIsTty = true,
        ErrIsTty = true,
        Columns = 120,
        Env = name => env.Where(e => e.Name == name).Select(e => e.Value).FirstOrDefault(),
    };

    private static Terminal Piped => new(TextWriter.Null, TextWriter.Null) { Columns = 120 };

    [Fact]
    public void TextWidth_Piped_IsPydocs70() => Assert.Equal(70, Piped.TextWidth(null));

    [Fact]
    public void TextWidth_Terminal_IsTheWindowCapped() => Assert.Equal(Terminal.MaxWidth, Tty().TextWidth(null));

    [Fact]
    public void TextWidth_NarrowTerminal_IsTheWindow() => Assert.Equal(64, (Tty() with { Columns = 64 }).TextWidth(null));

    [Fact]
    public void TextWidth_WidthOption_WinsEverywhere()
    {
        Assert.Equal(90, Piped.TextWidth(90));
        Assert.Equal(40, Tty().TextWidth(40));
    }

    [Fact]
    public void Bold_Terminal_On() => Assert.True(Tty().Bold);

    [Fact]
    public void Bold_Piped_Off() => Assert.False(Piped.Bold);

    [Theory]
    [InlineData("1")]
    [InlineData("0")] // no-color.org: set to anything at all means no colour
    public void Bold_NoColorSet_Off(string value) => Assert.False(Tty(("NO_COLOR", value)).Bold);

    [Fact]
    public void Bold_DumbTerminal_Off() => Assert.False(Tty(("TERM", "dumb")).Bold);

    [Fact]
    public void PagerCommand_ManpagerAndPager_ManpagerFirst() =>
        Assert.Equal("most", Tty(("MANPAGER", "most"), ("PAGER", "more")).PagerCommand(noPager: false));

    [Fact]
    public void PagerCommand_PagerOnly_Pager() => Assert.Equal("more -s", Tty(("PAGER", "more -s")).PagerCommand(noPager: false));

    [Theory]
    [InlineData("cat")]
    [InlineData("")]
    [InlineData("  ")]
    public void PagerCommand_PagerCatOrEmpty_NoPager(string pager) => Assert.Null(Tty(("PAGER", pager)).PagerCommand(noPager: false));

    [Fact]
    public void PagerCommand_NothingSet_LessWithRawControlChars()
    {
        Help.Tests.Shared.Corpus.Require(Pager.OnPath("less"), "less is not installed; apt-get install less");
        Assert.Equal("less -R", Tty().PagerCommand(noPager: false));
    }

    [Fact]
    public void PagerCommand_NoPagerOption_None() => Assert.Null(Tty(("PAGER", "more")).PagerCommand(noPager: true));

    [Fact]
    public void PagerCommand_StdoutPiped_None() => Assert.Null((Tty(("PAGER", "more")) with { OutIsTty = false }).PagerCommand(noPager: false));

    [Fact]
    public void PagerCommand_StdinPiped_None() => Assert.Null((Tty(("PAGER", "more")) with { InIsTty = false }).PagerCommand(noPager: false));

    [Fact]
    public void Page_PagerFailsToStart_WritesTheTextItself()
    {
        var output = new StringWriter();
        var terminal = Tty(("PAGER", "more")) with { Out = output, RunPager = (_, _) => false };
        terminal.Page("some text\n", noPager: false);
        Assert.Equal("some text\n", output.ToString());
    }

    [Fact]
    public void PagerRun_ShellCommand_GetsTheTextOnStdin()
    {
        var file = Path.GetTempFileName();
        try
        {
            Assert.True(Pager.Run($"cat > '{file}'", "één line\n"));
            Assert.Equal("één line\n", File.ReadAllText(file));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
