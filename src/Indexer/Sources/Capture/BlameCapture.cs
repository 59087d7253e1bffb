using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Help.Indexer.Sources.Capture;

/// <summary>A reST source recovered from a blame view: the text, and what could not be recovered with certainty.</summary>
/// <param name="Text">The reST, its prefixes gone and its indentation restored where reST's structure fixes it.</param>
/// <param name="Removed">What was taken off (for the diagnostics).</param>
/// <param name="Doubts">What was restored by a guess, or not at all (for the diagnostics).</param>
public sealed record RecoveredBlame(string Text, IReadOnlyList<string> Removed, IReadOnlyList<string> Doubts);

/// <summary>
/// Reads a reST file captured from a web blame view (gitiles and the like): every line starts with its
/// line number, some also with the author, the commit and the date of the change, all run together
/// with the text; a header line comes first; and each line's leading white space collapsed to one space
/// (or none), so the indentation that gives reST its structure is lost.
/// </summary>
/// <remarks>
/// The prefixes are found by content: a line number is the one expected next (1, 2, 3...), which tells
/// it from digits in the text; an author's prefix ends with a 7-digit commit and an ISO date. Whether a
/// line was indented survives (the one space). How deep is restored from reST's own rules: a
/// directive's options and body sit 3 columns in (the Python docs' style), a literal block after
/// <c>::</c> 4 columns, a list item's continuation under its text; a line right after another continues
/// it at the same depth; after a blank line, an object directive (<c>.. method::</c>) goes into the
/// innermost open class, other text into the innermost open object (a note or version note takes one
/// paragraph). Code inside a literal block keeps one depth: its own indentation cannot be known, and
/// that is reported.
/// </remarks>
public static partial class BlameCapture
{
    private const int DirectiveIndent = 3;
    private const int LiteralIndent = 4;

    private static readonly HashSet<string> ClassLike = new(StringComparer.Ordinal) { "class", "exception" };

    private static readonly HashSet<string> ObjectDirectives = new(StringComparer.Ordinal)
    {
        "method", "attribute", "classmethod", "staticmethod", "abstractmethod", "coroutinemethod", "property",
        "decoratormethod", "awaitablemethod",
    };

    // Directives whose body is one paragraph or so, closed by the next blank line and indented text.
    private static readonly HashSet<string> ShortBodies = new(StringComparer.Ordinal)
    {
        "note", "warning", "seealso", "versionadded", "versionchanged", "deprecated", "deprecated-removed",
        "impl-detail", "important", "tip", "caution", "availability", "audit-event", "index",
    };

    private static readonly HashSet<string> LiteralDirectives = new(StringComparer.Ordinal)
    {
        "code-block", "sourcecode", "code", "doctest", "testcode", "testoutput", "productionlist",
    };

    /// <summary>Whether <paramref name="text"/> is a blame view: most lines start with consecutive line numbers.</summary>
    public static bool IsBlame(string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var expected = 1;
        var matched = 0;
        foreach (var line in lines.Take(200))
        {
            if (StripPrefix(line, expected, out _, out _))
            {
                matched++;
                expected++;
            }
        }
        var nonEmpty = lines.Take(200).Count(l => l.Length > 0);
        return matched >= 10 && matched >= nonEmpty * 0.9;
    }

    /// <summary>Strips the prefixes and restores indentation; null when the text is not a blame view.</summary>
    public static RecoveredBlame? TryRecover(string text)
    {
        if (!IsBlame(text))
        {
            return null;
        }
        var removed = new List<string>();
        var doubts = new List<string>();
        var sourceLines = new List<(bool Indented, string Text)>();
        var expected = 1;
        var noise = 0;
        var authored = 0;
        foreach (var line in text.Replace("\r\n", "\n").Split('\n'))
        {
            if (StripPrefix(line, expected, out var content, out var hadAuthor))
            {
                expected++;
                authored += hadAuthor ? 1 : 0;
                var indented = content.StartsWith(' ');
                sourceLines.Add((indented, content.Trim()));
            }
            else if (line.Trim().Length > 0)
            {
                noise++;
            }
        }
        removed.Add($"blame view: line numbers on {sourceLines.Count} lines, author, commit and date on {authored}");
        if (noise > 0)
        {
            removed.Add($"{noise} line(s) of page chrome around the blame view");
        }
        var restored = Restore(sourceLines, doubts);
        return new RecoveredBlame(restored, removed, doubts);
    }

    private static bool StripPrefix(string line, int expected, out string content, out bool hadAuthor)
    {
        content = "";
        hadAuthor = false;
        var rest = line;
        var m = AuthorPrefix().Match(line);
        if (m.Success)
        {
            rest = line[m.Length..];
            hadAuthor = true;
        }
        var number = expected.ToString(CultureInfo.InvariantCulture);
        if (!rest.StartsWith(number, StringComparison.Ordinal))
        {
            return false;
        }
        content = rest[number.Length..];
        return true;
    }

    private sealed record Frame(string Kind, int Body, bool Literal);

    private static string Restore(List<(bool Indented, string Text)> lines, List<string> doubts)
    {
        var sb = new StringBuilder();
        var stack = new List<Frame>();
        var previousBlank = true;
        var previousIndent = 0;
        Frame? opened = null;
        var guessedLiterals = new List<int>();
        var unplaced = new List<int>();
        for (var n = 0; n < lines.Count; n++)
        {
            var (indented, text) = lines[n];
            if (text.Length == 0)
            {
                sb.Append('\n');
                previousBlank = true;
                continue;
            }
            int indent;
            if (!indented)
            {
                stack.Clear();
                indent = 0;
            }
            else if (!previousBlank)
            {
                // A line right after another: the body of what that line opened, else the same paragraph.
                indent = opened?.Body ?? previousIndent;
            }
            else
            {
                indent = AfterBlank(stack, text, n + 1, unplaced);
            }
            // What this line opens: the frames deeper than it are closed.
            while (stack.Count > 0 && stack[^1].Body > indent)
            {
                stack.RemoveAt(stack.Count - 1);
            }
            opened = Opens(text, indent);
            if (opened is not null)
            {
                stack.Add(opened);
                if (opened.Literal)
                {
                    guessedLiterals.Add(n + 1);
                }
            }
            sb.Append(' ', indent).Append(text).Append('\n');
            previousBlank = false;
            previousIndent = indent;
        }
        if (guessedLiterals.Count > 0)
        {
            doubts.Add($"the relative indentation inside {guessedLiterals.Count} literal block(s) cannot be known and is kept flat (blocks opened at lines {string.Join(", ", guessedLiterals.Take(8))})");
        }
        if (unplaced.Count > 0)
        {
            doubts.Add($"{unplaced.Count} indented line(s) after a blank line had no open block to belong to and were put 3 columns in (lines {string.Join(", ", unplaced.Take(8))})");
        }
        return sb.ToString();
    }

    private static int AfterBlank(List<Frame> stack, string text, int lineNumber, List<int> unplaced)
    {
        var directive = DirectiveName().Match(text);
        // A literal block goes on through blank lines until text that reads as reST, not code.
        if (stack.Count > 0 && stack[^1].Literal)
        {
            if (!directive.Success && !LooksLikeProse(text))
            {
                return stack[^1].Body;
            }
            stack.RemoveAt(stack.Count - 1);
        }
        if (directive.Success && ObjectDirectives.Contains(directive.Groups[1].Value))
        {
            for (var k = stack.Count - 1; k >= 0; k--)
            {
                if (ClassLike.Contains(stack[k].Kind))
                {
                    stack.RemoveRange(k + 1, stack.Count - k - 1);
                    return stack[k].Body;
                }
            }
        }
        while (stack.Count > 0 && (ShortBodies.Contains(stack[^1].Kind) || stack[^1].Literal || stack[^1].Kind == "item"))
        {
            stack.RemoveAt(stack.Count - 1);
        }
        if (stack.Count == 0)
        {
            unplaced.Add(lineNumber);
            return DirectiveIndent;
        }
        return stack[^1].Body;
    }

    /// <summary>The block a line opens: a directive's body, a literal block after <c>::</c>, a list item's text.</summary>
    private static Frame? Opens(string text, int indent)
    {
        var directive = DirectiveName().Match(text);
        if (directive.Success)
        {
            var name = directive.Groups[1].Value;
            return new Frame(name, indent + DirectiveIndent, LiteralDirectives.Contains(name));
        }
        if (text.EndsWith("::", StringComparison.Ordinal) && !text.StartsWith("..", StringComparison.Ordinal))
        {
            return new Frame("literal", indent + LiteralIndent, true);
        }
        if (ListItem().Match(text) is { Success: true } item)
        {
            return new Frame("item", indent + item.Length, false);
        }
        return null;
    }

    /// <summary>Text that reads as a sentence rather than code: it starts with a capital or markup and has no code punctuation.</summary>
    private static bool LooksLikeProse(string text) =>
        Prose().IsMatch(text) && !CodeStart().IsMatch(text);

    // "Antoine Pitrou64a467d2010-12-12 20:34:49 +0000": an author, a 7-digit commit, an ISO date and zone.
    [GeneratedRegex(@"^.{0,80}?[0-9a-f]{7}\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{4}", RegexOptions.CultureInvariant)]
    private static partial Regex AuthorPrefix();

    [GeneratedRegex(@"^\.\.\s+([A-Za-z][\w:-]*)::", RegexOptions.CultureInvariant)]
    private static partial Regex DirectiveName();

    [GeneratedRegex(@"^(?:[-*+]|\d+\.|#\.)\s+", RegexOptions.CultureInvariant)]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^(?:[A-Z][a-z']*|\*\*?[A-Za-z]|:[a-z]+:`|``|\([A-Za-z])[^;{}]*$", RegexOptions.CultureInvariant)]
    private static partial Regex Prose();

    [GeneratedRegex(@"^(?:[A-Za-z_][\w.]*\s*(?:=|\(|\[)|>>>|\.\.\.|def |class |import |from |return |with |for |if |print)", RegexOptions.CultureInvariant)]
    private static partial Regex CodeStart();
}
