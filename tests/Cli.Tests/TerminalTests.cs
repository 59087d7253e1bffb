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

/// <summary>Output written straight to a file descriptor when it is not a terminal (<see cref="FileDescriptorStream"/>).</summary>
public sealed class FileDescriptorOutputTests
{
    [Theory]
    [InlineData(null, null, null, true)] // no locale at all: .NET writes UTF-8
    [InlineData(null, null, "C", true)]
    [InlineData(null, null, "en_GB.UTF-8", true)]
    [InlineData(null, null, "sr_RS.utf8@latin", true)]
    [InlineData(null, null, "de_DE.ISO-8859-1", false)]
    [InlineData("C.UTF-8", null, "de_DE.ISO-8859-1", true)] // LC_ALL first
    [InlineData(null, "ru_RU.KOI8-R", "en_GB.UTF-8", false)] // then LC_MESSAGES
    [InlineData(" ", null, "de_DE.ISO-8859-1", false)] // blank counts as unset
    public void LocaleIsUtf8_ReadsTheLocaleAsDotnetDoes(string? lcAll, string? lcMessages, string? lang, bool utf8)
    {
        var env = new Dictionary<string, string?> { ["LC_ALL"] = lcAll, ["LC_MESSAGES"] = lcMessages, ["LANG"] = lang };
        Assert.Equal(utf8, Terminal.LocaleIsUtf8(name => env.GetValueOrDefault(name)));
    }

    [Fact]
    public void Write_TwoWritersOnOneFile_AppendAtTheSharedOffset()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        // What "> out 2>&1" gives stdout and stderr: one open file. Each write lands after the other's.
        var path = Path.GetTempFileName();
        try
        {
            using (var handle = File.OpenHandle(path, FileMode.Create, FileAccess.Write))
            {
                var fd = (int)handle.DangerousGetHandle();
                new FileDescriptorStream(fd).Write("out one\n"u8);
                new FileDescriptorStream(fd).Write("err\n"u8);
                new FileDescriptorStream(fd).Write("out two\n"u8);
            }
            Assert.Equal("out one\nerr\nout two\n", File.ReadAllText(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Writer_Text_ArrivesAsUtf8_PairsSplitBetweenWritesIncluded()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        var path = Path.GetTempFileName();
        try
        {
            var long_ = string.Concat(Enumerable.Repeat("wrapped é line ", 200));
            using (var handle = File.OpenHandle(path, FileMode.Create, FileAccess.Write))
            {
                var writer = new FileDescriptorWriter((int)handle.DangerousGetHandle());
                writer.Write("The \"assert\" statement — ");
                writer.Write('\uD83D'); // 🐍 written as its two halves
                writer.Write('\uDC0D');
                writer.WriteLine();
                writer.WriteLine("line");
                writer.Write(long_);
            }
            Assert.Equal("The \"assert\" statement — \U0001F40D\nline\n" + long_, File.ReadAllText(path, Encoding.UTF8));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Write_ReaderGone_DropsTheRestWithoutAnError()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }
        using var pipe = new System.IO.Pipes.AnonymousPipeServerStream(System.IO.Pipes.PipeDirection.In);
        var fd = (int)pipe.ClientSafePipeHandle.DangerousGetHandle();
        var stream = new FileDescriptorStream(fd);
        stream.Write("read\n"u8);
        var first = new byte[5];
        pipe.ReadExactly(first);
        Assert.Equal("read\n"u8.ToArray(), first);
        pipe.Dispose(); // as head -1 does once it has its line
        Assert.Null(Record.Exception(() =>
        {
            stream.Write(new byte[100_000]);
            stream.Write("dropped\n"u8);
        }));
    }
}
