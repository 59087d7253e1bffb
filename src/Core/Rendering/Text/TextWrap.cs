using System.Globalization;
using System.Text;

namespace Help.Core.Rendering.Text;

/// <summary>
/// Paragraph filling as Sphinx's text writer does it (and, for pydoc's one wrapped line, as Python's own textwrap does:
/// <see cref="WrapPython"/>): Python's <c>textwrap.TextWrapper</c> with the
/// defaults (<c>expand_tabs</c>, <c>replace_whitespace</c>, <c>drop_whitespace</c>,
/// <c>break_long_words</c>, <c>break_on_hyphens</c>, no <c>fix_sentence_endings</c>) and the
/// overrides of <c>sphinx.writers.text.TextWrapper</c>: its own word separator pattern, chunks split per
/// character of East Asian wide text, and widths measured in display columns.
/// </summary>
/// <remarks>
/// White space inside the text is kept as written: each tab, line feed, vertical tab, form feed or
/// carriage return becomes one space, runs of spaces stay, and only the white space at a line break is
/// dropped. That is why two spaces after a sentence survive in pydoc's topics: docutils keeps them
/// from the reST source line and textwrap does not collapse them.
/// </remarks>
internal static class TextWrap
{
    /// <summary>The tab size of <c>str.expandtabs()</c>.</summary>
    private const int TabSize = 8;

    /// <summary>Fills <paramref name="text"/> into lines at most <paramref name="width"/> columns wide.</summary>
    /// <returns>The lines, without line ends; none for text that is empty or only white space.</returns>
    public static List<string> Wrap(string text, int width)
    {
        var chunks = Split(MungeWhitespace(text));
        return WrapChunks(chunks, Math.Max(width, 1), DisplayWidth.Of, HandleLongWord);
    }

    /// <summary>
    /// Python's own <c>textwrap.wrap(text, width)</c> with its defaults, for the one line pydoc wraps with it
    /// (<c>Related help topics</c>): Python's word separator (<see cref="PythonSplit"/>), widths in characters, and a
    /// word longer than a line cut after its last hyphen that fits (<see cref="PythonLongWord"/>). Only ASCII is
    /// handled exactly, which is what pydoc's keys are.
    /// </summary>
    public static List<string> WrapPython(string text, int width) =>
        WrapChunks(PythonSplit(MungeWhitespace(text)), Math.Max(width, 1), chunk => chunk.Length, PythonLongWord);

    /// <summary>The chunks <see cref="Wrap"/> fills lines with: words, white space runs, hyphenated parts.</summary>
    public static List<string> Split(string text)
    {
        var chunks = new List<string>();
        foreach (var chunk in SplitOnSeparators(text))
        {
            if (!HasWide(chunk))
            {
                // One narrow run: Sphinx splits it again, which only a separator inside can change.
                if (CannotSplitFurther(chunk))
                {
                    chunks.Add(chunk);
                }
                else
                {
                    chunks.AddRange(SplitOnSeparators(chunk));
                }
                continue;
            }
            // Sphinx regroups the chunk by character width: runs of narrow characters are split
            // again, wide characters become one chunk each so that lines may break between them.
            var run = new StringBuilder();
            foreach (var rune in chunk.EnumerateRunes())
            {
                if (DisplayWidth.IsWide(rune))
                {
                    FlushNarrowRun(run, chunks);
                    chunks.Add(rune.ToString());
                }
                else
                {
                    run.Append(rune.ToString());
                }
            }
            FlushNarrowRun(run, chunks);
        }
        return chunks;
    }

    private static bool HasWide(string chunk)
    {
        foreach (var c in chunk)
        {
            // Every wide character is at U+1100 or above (surrogates included).
            if (c >= '\u1100')
            {
                foreach (var rune in chunk.EnumerateRunes())
                {
                    if (DisplayWidth.IsWide(rune))
                    {
                        return true;
                    }
                }
                return false;
            }
        }
        return false;
    }

    /// <summary>
    /// Every alternative of the separator pattern needs white space, a backquote or a hyphen; a chunk
    /// that is all white space, or has none of them, splits into itself.
    /// </summary>
    private static bool CannotSplitFurther(string chunk)
    {
        if (string.IsNullOrWhiteSpace(chunk))
        {
            return true;
        }
        foreach (var c in chunk)
        {
            if (c is '-' or '`' || char.IsWhiteSpace(c))
            {
                return false;
            }
        }
        return true;
    }

    private static void FlushNarrowRun(StringBuilder run, List<string> chunks)
    {
        if (run.Length == 0)
        {
            return;
        }
        chunks.AddRange(SplitOnSeparators(run.ToString()));
        run.Clear();
    }

    /// <summary>
    /// <c>re.split(wordsep_re, text)</c> without the empty strings, where <c>wordsep_re</c> is
    /// <c>sphinx.writers.text.TextWrapper.wordsep_re</c>, in Python's <c>re</c> syntax:
    /// <code>(\s+|(?&lt;=\s)(?::[a-z-]+:)?`\S+|[^\s\w]*\w+[a-zA-Z]-(?=\w+[a-zA-Z])|(?&lt;=[\w\!\"\'\&amp;\.\,\?])-{2,}(?=\w))</code>
    /// The pattern is matched by hand, alternative by alternative at each position as a backtracking
    /// engine would: a .NET <c>Regex</c> took most of the rendering time on long pages.
    /// </summary>
    internal static List<string> SplitOnSeparators(string text)
    {
        var chunks = new List<string>();
        var start = 0;
        var i = 0;
        while (i < text.Length)
        {
            var length = SeparatorAt(text, i);
            if (length == 0)
            {
                if (IsWord(text, i))
                {
                    // No separator starts later in the same word run either: not white space, no
                    // white space before it, and a hyphenated head would end at the same place.
                    do
                    {
                        i += RuneLength(text, i);
                    }
                    while (i < text.Length && IsWord(text, i));
                }
                else
                {
                    i += RuneLength(text, i);
                }
                continue;
            }
            if (i > start)
            {
                chunks.Add(text[start..i]);
            }
            chunks.Add(text.Substring(i, length));
            i += length;
            start = i;
        }
        if (start < text.Length)
        {
            chunks.Add(text[start..]);
        }
        return chunks;
    }

    /// <summary>The length of the separator that starts at <paramref name="i"/>, or 0.</summary>
    private static int SeparatorAt(string text, int i)
    {
        // \s+ : white space.
        if (IsSpace(text, i))
        {
            var end = i;
            while (end < text.Length && IsSpace(text, end))
            {
                end += RuneLength(text, end);
            }
            return end - i;
        }

        // (?<=\s)(?::[a-z-]+:)?`\S+ : the start of reST interpreted text, with its role if any.
        if (i > 0 && IsSpace(text, PreviousRune(text, i)))
        {
            var tick = i;
            if (text[i] == ':')
            {
                var role = i + 1;
                while (role < text.Length && (text[role] is (>= 'a' and <= 'z') or '-'))
                {
                    role++;
                }
                if (role > i + 1 && role < text.Length && text[role] == ':')
                {
                    tick = role + 1;
                }
            }
            // Without the role there is no other way to match: text[i] would have to be the backquote.
            if (tick < text.Length && text[tick] == '`' && NonSpaceRunEnd(text, tick + 1) is var end && end > tick + 1)
            {
                return end - i;
            }
        }

        // [^\s\w]*\w+[a-zA-Z]-(?=\w+[a-zA-Z]) : a hyphenated word's head and its hyphen. The leading
        // punctuation can only be its longest run, and the word run must end right at the hyphen.
        var word = i;
        while (word < text.Length && !IsSpace(text, word) && !IsWord(text, word))
        {
            word += RuneLength(text, word);
        }
        var hyphen = word;
        while (hyphen < text.Length && IsWord(text, hyphen))
        {
            hyphen += RuneLength(text, hyphen);
        }
        if (hyphen - 1 > word && hyphen < text.Length && text[hyphen] == '-' && IsAsciiLetter(text[hyphen - 1])
            && WordRunHasLaterLetter(text, hyphen + 1))
        {
            return hyphen + 1 - i;
        }

        // (?<=[\w!"'&.,?])-{2,}(?=\w) : a dash written as two or more hyphens between words.
        if (i > 0 && text[i] == '-')
        {
            var before = PreviousRune(text, i);
            if (IsWord(text, before) || text[before] is '!' or '"' or '\'' or '&' or '.' or ',' or '?')
            {
                var end = i;
                while (end < text.Length && text[end] == '-')
                {
                    end++;
                }
                if (end - i >= 2 && end < text.Length && IsWord(text, end))
                {
                    return end - i;
                }
            }
        }
        return 0;
    }

    /// <summary>The lookahead <c>\w+[a-zA-Z]</c>: a word run from <paramref name="start"/> with an ASCII letter after its first character.</summary>
    private static bool WordRunHasLaterLetter(string text, int start)
    {
        if (start >= text.Length || !IsWord(text, start))
        {
            return false;
        }
        for (var i = start + RuneLength(text, start); i < text.Length && IsWord(text, i); i += RuneLength(text, i))
        {
            if (IsAsciiLetter(text[i]))
            {
                return true;
            }
        }
        return false;
    }

    private static int NonSpaceRunEnd(string text, int start)
    {
        var end = start;
        while (end < text.Length && !IsSpace(text, end))
        {
            end += RuneLength(text, end);
        }
        return end;
    }

    private static bool IsAsciiLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z');

    /// <summary>Python's <c>\s</c> for <c>str</c> patterns: <c>str.isspace()</c>.</summary>
    private static bool IsSpace(string text, int i)
    {
        var c = text[i];
        return char.IsWhiteSpace(c) || c is (>= '\x1c' and <= '\x1f');
    }

    /// <summary>Python's <c>\w</c> for <c>str</c> patterns: letters, numbers of every kind, and the underscore.</summary>
    private static bool IsWord(string text, int i)
    {
        var c = text[i];
        if (c < 0x80)
        {
            return c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= '0' and <= '9') or '_';
        }
        var rune = Rune.GetRuneAt(text, i);
        return Rune.GetUnicodeCategory(rune) is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
            or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber;
    }

    private static int RuneLength(string text, int i) =>
        char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;

    private static int PreviousRune(string text, int i) =>
        i >= 2 && char.IsLowSurrogate(text[i - 1]) && char.IsHighSurrogate(text[i - 2]) ? i - 2 : i - 1;

    /// <summary><c>TextWrapper._munge_whitespace</c>: expand tabs, then each white space control character becomes a space.</summary>
    private static string MungeWhitespace(string text)
    {
        var result = new StringBuilder(text.Length);
        var column = 0;
        foreach (var c in text)
        {
            switch (c)
            {
                case '\t':
                    var spaces = TabSize - (column % TabSize);
                    result.Append(' ', spaces);
                    column += spaces;
                    break;
                case '\n' or '\r':
                    // str.expandtabs restarts its column count after a line end.
                    result.Append(' ');
                    column = 0;
                    break;
                case '\v' or '\f':
                    result.Append(' ');
                    column++;
                    break;
                default:
                    result.Append(c);
                    column++;
                    break;
            }
        }
        return result.ToString();
    }

    /// <summary>A word wider than a line: cut it, putting its head on <c>line</c> and leaving its tail on the stack.</summary>
    private delegate void LongWord(List<string> reversedChunks, List<int> widths, List<string> line, int length, int width);

    /// <summary>
    /// <c>TextWrapper._wrap_chunks</c>: greedy filling, each chunk as wide as <paramref name="widthOf"/> says (Sphinx
    /// measures display columns, Python characters).
    /// </summary>
    private static List<string> WrapChunks(List<string> chunks, int width, Func<string, int> widthOf, LongWord longWord)
    {
        var lines = new List<string>();
        // A stack with the next chunk on top, as textwrap reverses its list; widths kept alongside.
        chunks.Reverse();
        var widths = chunks.ConvertAll(c => widthOf(c));
        var line = new List<string>();
        while (chunks.Count > 0)
        {
            line.Clear();
            var length = 0;

            // White space at the start of a line is dropped, except on the first line.
            if (lines.Count > 0 && IsBlank(chunks[^1]))
            {
                Pop(chunks, widths);
            }

            while (chunks.Count > 0 && length + widths[^1] <= width)
            {
                line.Add(chunks[^1]);
                length += widths[^1];
                Pop(chunks, widths);
            }

            if (chunks.Count > 0 && widths[^1] > width)
            {
                longWord(chunks, widths, line, length, width);
            }

            if (line.Count > 0 && IsBlank(line[^1]))
            {
                line.RemoveAt(line.Count - 1);
            }

            if (line.Count > 0)
            {
                lines.Add(string.Concat(line));
            }
        }
        return lines;
    }

    private static void Pop(List<string> chunks, List<int> widths)
    {
        chunks.RemoveAt(chunks.Count - 1);
        widths.RemoveAt(widths.Count - 1);
    }

    /// <summary>Sphinx's <c>_handle_long_word</c>: a word wider than a whole line is cut to fill what is left.</summary>
    private static void HandleLongWord(List<string> reversedChunks, List<int> widths, List<string> line, int length, int width)
    {
        var spaceLeft = Math.Max(width - length, 1);
        var (head, tail) = BreakWord(reversedChunks[^1], spaceLeft);
        if (head.Length == 0 && line.Count == 0)
        {
            // Sphinx would loop forever here (a width of one column); take one character instead.
            var first = Rune.GetRuneAt(tail, 0).ToString();
            (head, tail) = (first, tail[first.Length..]);
        }
        line.Add(head);
        if (tail.Length == 0)
        {
            Pop(reversedChunks, widths);
        }
        else
        {
            reversedChunks[^1] = tail;
            widths[^1] = DisplayWidth.Of(tail);
        }
    }

    /// <summary>
    /// Sphinx's <c>_break_word</c>, kept exact: it cuts one character before the first one that
    /// overflows, so a broken word fills one column less than it could (<c>word[:i - 1]</c>).
    /// </summary>
    private static (string Head, string Tail) BreakWord(string word, int spaceLeft)
    {
        var runes = word.EnumerateRunes().ToList();
        var total = 0;
        for (var i = 0; i < runes.Count; i++)
        {
            total += DisplayWidth.Of(runes[i]);
            if (total > spaceLeft)
            {
                // Python's word[:-1] when the very first character overflows.
                var cut = i == 0 ? runes.Count - 1 : i - 1;
                return (Join(runes, 0, cut), Join(runes, cut, runes.Count));
            }
        }
        return (word, "");
    }

    private static string Join(List<Rune> runes, int start, int end)
    {
        var builder = new StringBuilder();
        for (var i = start; i < end; i++)
        {
            builder.Append(runes[i].ToString());
        }
        return builder.ToString();
    }

    /// <summary>
    /// Python's <c>wordsep_re</c> (textwrap's own, not Sphinx's): runs of white space, and words, a hyphenated word
    /// split after each hyphen that has two letters (or letter-hyphen-letter) before it and a letter, maybe a hyphen,
    /// a letter after it.
    /// </summary>
    private static List<string> PythonSplit(string text)
    {
        var chunks = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var start = i;
            if (text[i] == ' ')
            {
                while (i < text.Length && text[i] == ' ')
                {
                    i++;
                }
                chunks.Add(text[start..i]);
                continue;
            }
            while (i < text.Length && text[i] != ' ')
            {
                i++;
                if (i < text.Length && text[i - 1] == '-' && IsPythonHyphenBreak(text, i - 1))
                {
                    break;
                }
            }
            chunks.Add(text[start..i]);
        }
        return chunks;
    }

    private static bool IsPythonHyphenBreak(string s, int hyphen)
    {
        bool Letter(int k) => k >= 0 && k < s.Length && char.IsLetter(s[k]);
        var before = (Letter(hyphen - 1) && Letter(hyphen - 2))
            || (Letter(hyphen - 1) && hyphen - 2 >= 0 && s[hyphen - 2] == '-' && Letter(hyphen - 3));
        var after = Letter(hyphen + 1)
            && (Letter(hyphen + 2) || (hyphen + 2 < s.Length && s[hyphen + 2] == '-' && Letter(hyphen + 3)));
        return before && after;
    }

    /// <summary>Python's <c>_handle_long_word</c>: the word cut at the space left, after a hyphen there when there is one.</summary>
    private static void PythonLongWord(List<string> reversedChunks, List<int> widths, List<string> line, int length, int width)
    {
        var spaceLeft = Math.Max(width - length, 1);
        var chunk = reversedChunks[^1];
        var end = spaceLeft;
        if (chunk.Length > spaceLeft)
        {
            var hyphen = chunk.LastIndexOf('-', spaceLeft - 1, spaceLeft);
            if (hyphen > 0 && chunk[..hyphen].Any(c => c != '-'))
            {
                end = hyphen + 1;
            }
        }
        line.Add(chunk[..end]);
        reversedChunks[^1] = chunk[end..];
        widths[^1] = reversedChunks[^1].Length;
    }

    /// <summary>Python's <c>chunk.strip() == ''</c>.</summary>
    private static bool IsBlank(string chunk) => string.IsNullOrWhiteSpace(chunk);
}
