using System.Text;

namespace Help.Cli.Interactive;

/// <summary>Where key presses come from: the console, or a test's list.</summary>
public interface IKeyReader
{
    /// <summary>The next key, not echoed.</summary>
    ConsoleKeyInfo ReadKey();

    /// <summary>Called around a line's editing: the console takes Ctrl-C as a key only meanwhile.</summary>
    void BeginLine() { }

    void EndLine() { }
}

/// <summary>The console's keys. Ctrl-C is read as a key while a line is edited, and a signal otherwise.</summary>
public sealed class ConsoleKeyReader : IKeyReader
{
    public ConsoleKeyInfo ReadKey() => Console.ReadKey(intercept: true);

    public void BeginLine() => Console.TreatControlCAsInput = true;

    public void EndLine() => Console.TreatControlCAsInput = false;
}

public enum LineStatus
{
    /// <summary>Enter was pressed.</summary>
    Line,

    /// <summary>Ctrl-C: the line was abandoned.</summary>
    Interrupted,

    /// <summary>Ctrl-D on an empty line, or the keys ran out.</summary>
    EndOfInput,
}

public readonly record struct LineResult(LineStatus Status, string Text);

/// <summary>
/// A one-line editor over ANSI escapes, with readline's keys: left/right, Home/End, Backspace/Delete,
/// Ctrl-A/E/B/F/K/U/W/D/L, history on Up/Down (Ctrl-P/N), and Tab completion (the candidates' common
/// prefix first; a second Tab lists them). A line wider than the window scrolls sideways.
/// </summary>
public sealed class LineEditor
{
    /// <summary>At most this many candidates are listed on a second Tab.</summary>
    public const int MaxListed = 100;

    private readonly IKeyReader _keys;
    private readonly TextWriter _screen;
    private readonly History _history;
    private readonly Func<string, IReadOnlyList<string>> _complete;
    private readonly Func<int> _columns;
    private readonly StringBuilder _line = new();
    private string _prompt = "";
    private int _cursor, _scroll;

    /// <param name="complete">The candidates for a word prefix (the text from the last space to the cursor).</param>
    /// <param name="columns">The window's current width.</param>
    public LineEditor(IKeyReader keys, TextWriter screen, History history, Func<string, IReadOnlyList<string>> complete, Func<int> columns)
    {
        _keys = keys;
        _screen = screen;
        _history = history;
        _complete = complete;
        _columns = columns;
    }

    public LineResult ReadLine(string prompt)
    {
        _prompt = prompt;
        _line.Clear();
        _cursor = _scroll = 0;
        var browsing = _history.Count; // the history entry shown; Count is the line being typed
        var typed = "";
        var lastWasTab = false;
        _screen.Write(prompt);
        _screen.Flush();
        _keys.BeginLine();
        try
        {
            while (true)
            {
                ConsoleKeyInfo key;
                try
                {
                    key = _keys.ReadKey();
                }
                catch (InvalidOperationException)
                {
                    return Finish(LineStatus.EndOfInput);
                }
                var wasTab = lastWasTab;
                lastWasTab = false;
                switch (Classify(key))
                {
                    case Edit.Enter:
                        return Finish(LineStatus.Line);
                    case Edit.Interrupt:
                        _screen.Write("^C");
                        return Finish(LineStatus.Interrupted);
                    case Edit.EndOrDelete when _line.Length == 0:
                        return Finish(LineStatus.EndOfInput);
                    case Edit.EndOrDelete or Edit.Delete:
                        if (_cursor < _line.Length) _line.Remove(_cursor, 1);
                        break;
                    case Edit.Backspace:
                        if (_cursor > 0) _line.Remove(--_cursor, 1);
                        break;
                    case Edit.Left:
                        if (_cursor > 0) _cursor--;
                        break;
                    case Edit.Right:
                        if (_cursor < _line.Length) _cursor++;
                        break;
                    case Edit.Home:
                        _cursor = 0;
                        break;
                    case Edit.End:
                        _cursor = _line.Length;
                        break;
                    case Edit.KillToEnd:
                        _line.Remove(_cursor, _line.Length - _cursor);
                        break;
                    case Edit.KillToStart:
                        _line.Remove(0, _cursor);
                        _cursor = 0;
                        break;
                    case Edit.KillWord:
                        var start = _cursor;
                        while (start > 0 && _line[start - 1] == ' ') start--;
                        while (start > 0 && _line[start - 1] != ' ') start--;
                        _line.Remove(start, _cursor - start);
                        _cursor = start;
                        break;
                    case Edit.Up when browsing > 0:
                        if (browsing == _history.Count) typed = _line.ToString();
                        Replace(_history[--browsing]);
                        break;
                    case Edit.Down when browsing < _history.Count:
                        browsing++;
                        Replace(browsing == _history.Count ? typed : _history[browsing]);
                        break;
                    case Edit.Tab:
                        Complete(listAll: wasTab);
                        lastWasTab = true;
                        break;
                    case Edit.ClearScreen:
                        _screen.Write("\x1b[H\x1b[2J");
                        break;
                    case Edit.Insert:
                        _line.Insert(_cursor++, key.KeyChar);
                        break;
                    default:
                        continue; // keys without a meaning here change nothing
                }
                Redraw();
            }
        }
        finally
        {
            _keys.EndLine();
        }
    }

    private enum Edit { None, Enter, Interrupt, EndOrDelete, Delete, Backspace, Left, Right, Home, End, KillToEnd, KillToStart, KillWord, Up, Down, Tab, ClearScreen, Insert }

    private static Edit Classify(ConsoleKeyInfo key)
    {
        // The console reports a control character both as its char and as Control plus a letter; accept either.
        var control = (key.Modifiers & ConsoleModifiers.Control) != 0;
        char? letter = key.KeyChar is >= '\x01' and <= '\x1a' and not ('\t' or '\r' or '\n' or '\b')
            ? (char)('A' + key.KeyChar - 1)
            : control && key.Key is >= ConsoleKey.A and <= ConsoleKey.Z ? (char)('A' + (key.Key - ConsoleKey.A)) : null;
        if (letter is { } c)
        {
            return c switch
            {
                'A' => Edit.Home,
                'B' => Edit.Left,
                'C' => Edit.Interrupt,
                'D' => Edit.EndOrDelete,
                'E' => Edit.End,
                'F' => Edit.Right,
                'H' => Edit.Backspace,
                'K' => Edit.KillToEnd,
                'L' => Edit.ClearScreen,
                'N' => Edit.Down,
                'P' => Edit.Up,
                'U' => Edit.KillToStart,
                'W' => Edit.KillWord,
                'M' or 'J' => Edit.Enter,
                'I' => Edit.Tab,
                _ => Edit.None,
            };
        }
        return key.Key switch
        {
            ConsoleKey.Enter => Edit.Enter,
            ConsoleKey.Tab => Edit.Tab,
            ConsoleKey.Backspace => Edit.Backspace,
            ConsoleKey.Delete => Edit.Delete,
            ConsoleKey.LeftArrow => Edit.Left,
            ConsoleKey.RightArrow => Edit.Right,
            ConsoleKey.Home => Edit.Home,
            ConsoleKey.End => Edit.End,
            ConsoleKey.UpArrow => Edit.Up,
            ConsoleKey.DownArrow => Edit.Down,
            _ when key.KeyChar == '\x7f' => Edit.Backspace,
            _ when !char.IsControl(key.KeyChar) && key.KeyChar != '\0' => Edit.Insert,
            _ => Edit.None,
        };
    }

    private LineResult Finish(LineStatus status)
    {
        var text = _line.ToString();
        // Show the whole line as typed before leaving it, then start a fresh one.
        _cursor = _line.Length;
        _scroll = 0;
        if (status == LineStatus.Line && _prompt.Length + _line.Length < Columns())
        {
            Redraw();
        }
        _screen.Write("\r\n");
        _screen.Flush();
        if (status == LineStatus.Line)
        {
            _history.Add(text);
        }
        return new LineResult(status, text);
    }

    private void Replace(string text)
    {
        _line.Clear().Append(text);
        _cursor = _line.Length;
    }

    private void Complete(bool listAll)
    {
        var start = _cursor;
        while (start > 0 && _line[start - 1] != ' ') start--;
        var word = _line.ToString(start, _cursor - start);
        var candidates = _complete(word);
        if (candidates.Count == 0)
        {
            _screen.Write('\a');
            return;
        }
        var common = CommonPrefix(candidates);
        if (common.Length > word.Length || (common.Length == word.Length && common != word))
        {
            _line.Remove(start, word.Length).Insert(start, common);
            _cursor = start + common.Length;
            return;
        }
        if (candidates.Count == 1)
        {
            return;
        }
        if (!listAll)
        {
            _screen.Write('\a');
            return;
        }
        // Listed below the line, as readline does, then the prompt and line again.
        _screen.Write("\r\n");
        var shown = candidates.Take(MaxListed).ToList();
        var width = Math.Max(20, Columns());
        var columnWidth = shown.Max(s => s.Length) + 2;
        var perRow = Math.Max(1, width / columnWidth);
        for (var i = 0; i < shown.Count; i++)
        {
            var last = i % perRow == perRow - 1 || i == shown.Count - 1;
            _screen.Write(last ? shown[i] + "\r\n" : shown[i].PadRight(columnWidth));
        }
        if (candidates.Count > shown.Count)
        {
            _screen.Write($"(the first {shown.Count}; type more to narrow)\r\n");
        }
        _screen.Write(_prompt);
    }

    /// <summary>The longest prefix all candidates share ignoring case, spelled as the first candidate spells it.</summary>
    public static string CommonPrefix(IReadOnlyList<string> candidates)
    {
        var first = candidates[0];
        var length = first.Length;
        foreach (var c in candidates.Skip(1))
        {
            var i = 0;
            while (i < length && i < c.Length && char.ToLowerInvariant(c[i]) == char.ToLowerInvariant(first[i])) i++;
            length = i;
        }
        return first[..length];
    }

    private int Columns() => Math.Max(20, _columns());

    private void Redraw()
    {
        var room = Math.Max(5, Columns() - _prompt.Length - 1);
        if (_cursor < _scroll) _scroll = _cursor;
        if (_cursor - _scroll > room) _scroll = _cursor - room;
        _scroll = Math.Max(0, Math.Min(_scroll, Math.Max(0, _line.Length - room)));
        var visible = _line.ToString(_scroll, Math.Min(room, _line.Length - _scroll));
        var back = _scroll + visible.Length - _cursor;
        _screen.Write("\r" + _prompt + visible + "\x1b[K" + (back > 0 ? $"\x1b[{back}D" : ""));
        _screen.Flush();
    }
}
