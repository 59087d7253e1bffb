using Help.Cli.Interactive;
using Xunit;

namespace Help.Cli.Tests;

/// <summary>The line editor driven by a list of key presses, as a user types them.</summary>
public sealed class LineEditorTests
{
    private sealed class Keys(IEnumerable<ConsoleKeyInfo> keys) : IKeyReader
    {
        private readonly Queue<ConsoleKeyInfo> _keys = new(keys);

        public ConsoleKeyInfo ReadKey() => _keys.Count > 0 ? _keys.Dequeue() : throw new InvalidOperationException("no more keys");
    }

    private static ConsoleKeyInfo K(ConsoleKey key) => new('\0', key, false, false, false);

    private static ConsoleKeyInfo Ctrl(char letter) =>
        new((char)(char.ToUpperInvariant(letter) - 'A' + 1), ConsoleKey.A + (char.ToUpperInvariant(letter) - 'A'), false, false, true);

    private static ConsoleKeyInfo Enter => new('\r', ConsoleKey.Enter, false, false, false);

    private static ConsoleKeyInfo Tab => new('\t', ConsoleKey.Tab, false, false, false);

    private static IEnumerable<ConsoleKeyInfo> Type(string text) => text.Select(c => new ConsoleKeyInfo(c, ConsoleKey.NoName, false, false, false));

    private static readonly string[] Keys_ = ["spam", "spam.Tin", "spam.Tin.open", "spam.open_all", "eject"];

    private static (LineEditor Editor, StringWriter Screen) Editor(IEnumerable<ConsoleKeyInfo> keys, History? history = null)
    {
        var screen = new StringWriter();
        var editor = new LineEditor(new Keys(keys), screen, history ?? new History(null),
            prefix => Keys_.Where(k => k.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).ToList(), () => 80);
        return (editor, screen);
    }

    private static LineResult Read(params IEnumerable<ConsoleKeyInfo>[] keys) => Editor(keys.SelectMany(k => k)).Editor.ReadLine("help> ");

    [Fact]
    public void ReadLine_TypedTextThenEnter_ReturnsTheLine() =>
        Assert.Equal(new LineResult(LineStatus.Line, "spam"), Read(Type("spam"), [Enter]));

    [Fact]
    public void ReadLine_LeftThenInsert_InsertsAtTheCursor() =>
        Assert.Equal("spam.open", Read(Type("spamopen"), [.. Enumerable.Repeat(K(ConsoleKey.LeftArrow), 4)], Type("."), [Enter]).Text);

    [Fact]
    public void ReadLine_HomeAndDelete_RemovesTheFirstChar() =>
        Assert.Equal("spam", Read(Type("xspam"), [K(ConsoleKey.Home), K(ConsoleKey.Delete), Enter]).Text);

    [Fact]
    public void ReadLine_CtrlAThenCtrlEThenBackspace_RemovesTheLastChar() =>
        Assert.Equal("spa", Read(Type("spam"), [Ctrl('a'), Ctrl('e'), K(ConsoleKey.Backspace), Enter]).Text);

    [Fact]
    public void ReadLine_CtrlK_KillsToTheEnd() =>
        Assert.Equal("sp", Read(Type("spam"), [K(ConsoleKey.LeftArrow), K(ConsoleKey.LeftArrow), Ctrl('k'), Enter]).Text);

    [Fact]
    public void ReadLine_CtrlU_KillsToTheStart() =>
        Assert.Equal("am", Read(Type("spam"), [K(ConsoleKey.LeftArrow), K(ConsoleKey.LeftArrow), Ctrl('u'), Enter]).Text);

    [Fact]
    public void ReadLine_CtrlW_KillsTheWordBefore() =>
        Assert.Equal("modules ", Read(Type("modules spam"), [Ctrl('w'), Enter]).Text);

    [Fact]
    public void ReadLine_CtrlC_Interrupted() =>
        Assert.Equal(LineStatus.Interrupted, Read(Type("spam"), [Ctrl('c')]).Status);

    [Fact]
    public void ReadLine_CtrlDOnEmptyLine_EndOfInput() =>
        Assert.Equal(LineStatus.EndOfInput, Read([Ctrl('d')]).Status);

    [Fact]
    public void ReadLine_CtrlDWithText_DeletesUnderTheCursor() =>
        Assert.Equal("pam", Read(Type("spam"), [Ctrl('a'), Ctrl('d'), Enter]).Text);

    [Fact]
    public void ReadLine_KeysRunOut_EndOfInput() =>
        Assert.Equal(LineStatus.EndOfInput, Read(Type("sp")).Status);

    [Fact]
    public void ReadLine_TabOnUniquePrefix_CompletesTheKey() =>
        Assert.Equal("eject", Read(Type("ej"), [Tab, Enter]).Text);

    [Fact]
    public void ReadLine_TabOnSharedPrefix_CompletesTheCommonPart() =>
        Assert.Equal("spam.Tin", Read(Type("spam.t"), [Tab, Enter]).Text);

    [Fact]
    public void ReadLine_SecondTab_ListsTheCandidates()
    {
        var (editor, screen) = Editor([.. Type("spam.Tin"), Tab, Tab, Enter]);
        Assert.Equal("spam.Tin", editor.ReadLine("help> ").Text);
        var shown = screen.ToString();
        Assert.Contains("spam.Tin.open", shown);
        Assert.Contains("spam.Tin  ", shown);
        Assert.DoesNotContain("spam.open_all", shown);
    }

    [Fact]
    public void ReadLine_UpAndDown_WalkTheHistoryAndBackToTheTypedLine()
    {
        var history = new History(null);
        history.Add("spam");
        history.Add("eject");
        var (editor, _) = Editor([K(ConsoleKey.UpArrow), K(ConsoleKey.UpArrow), Enter, .. Type("sp"), K(ConsoleKey.UpArrow), K(ConsoleKey.DownArrow), Enter], history);
        Assert.Equal("spam", editor.ReadLine("help> ").Text);
        Assert.Equal("sp", editor.ReadLine("help> ").Text);
    }

    [Fact]
    public void ReadLine_LineWiderThanTheWindow_ScrollsInsteadOfWrapping()
    {
        var (editor, screen) = Editor([.. Type(new string('x', 200)), Enter]);
        Assert.Equal(200, editor.ReadLine("help> ").Text.Length);
        Assert.All(screen.ToString().Split('\r'), part => Assert.True(part.Replace("\x1b[K", "").Length < 80, part));
    }

    [Fact]
    public void History_SavedAndReadBack_BoundedToTheLastLines()
    {
        var dir = Directory.CreateTempSubdirectory("pyhelp-history-").FullName;
        try
        {
            var path = Path.Combine(dir, "pyhelp", "history");
            var first = new History(path);
            for (var i = 0; i < History.MaxLines + 5; i++)
            {
                first.Add($"key{i}");
            }
            first.Add($"key{History.MaxLines + 4}"); // a repeat of the last line is not kept twice
            var second = new History(path);
            Assert.Equal(History.MaxLines, second.Count);
            Assert.Equal("key5", second[0]);
            Assert.Equal($"key{History.MaxLines + 4}", second[^1]);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void History_DefaultPath_XdgStateHomeElseLocalState()
    {
        Assert.Equal("/s/pyhelp/history", History.DefaultPath(n => n == "XDG_STATE_HOME" ? "/s" : "/home/u"));
        Assert.Equal("/home/u/.local/state/pyhelp/history", History.DefaultPath(n => n == "HOME" ? "/home/u" : null));
    }
}
