using System.Text;

namespace Help.Core.Rendering.Text;

/// <summary>
/// The state stack of Sphinx's <c>TextTranslator</c> (sphinx/writers/text.py): <c>new_state</c>,
/// <c>add_text</c> and <c>end_state</c>. Each open state collects raw text and the finished lines of
/// inner states; ending a state fills its raw text to the width left by all open indents, indents
/// everything by the state's own indent, and hands the result to the enclosing state.
/// </summary>
/// <remarks>
/// Keeping this machine, rather than composing strings per block, is what makes the spacing match
/// pydoc's: the blank line after a paragraph is the empty line its state ends with, a list bullet is
/// the <c>first</c> prefix of the item's first line, and text added straight into an admonition's
/// state (its paragraphs open no state of their own) runs together as in Sphinx.
/// </remarks>
internal sealed class TextLayout
{
    /// <summary><c>STDINDENT</c>: the indent of literal blocks, definitions, block quotes, descriptions.</summary>
    public const int StandardIndent = 3;

    private readonly List<List<LayoutItem>> _states = [[]];
    private readonly List<int> _stateIndents = [0];

    public TextLayout(int maxWidth) => MaxWidth = maxWidth;

    /// <summary><c>MAXWIDTH</c>: the width every line is filled to, indents included.</summary>
    public int MaxWidth { get; }

    /// <summary>The number of states on the stack, the root included (Sphinx's <c>len(self.states)</c>).</summary>
    public int Depth => _states.Count;

    /// <summary>The sum of all open indents: the column the current state's text starts at.</summary>
    public int Indent => _stateIndents.Sum();

    /// <summary>What the innermost state holds so far.</summary>
    public IReadOnlyList<LayoutItem> Current => _states[^1];

    public void AddText(string text) => _states[^1].Add(new LayoutItem(LayoutItem.RawIndent, text, null));

    /// <summary>Adds finished lines at <paramref name="indent"/> relative to the current state.</summary>
    public void AddLines(int indent, List<string> lines) => _states[^1].Add(new LayoutItem(indent, null, lines));

    /// <summary>Puts finished lines before everything the current state holds.</summary>
    public void InsertLines(int indent, List<string> lines) => _states[^1].Insert(0, new LayoutItem(indent, null, lines));

    /// <summary>Widens the current state's indent (an admonition label that its text follows).</summary>
    public void WidenIndent(int by) => _stateIndents[^1] += by;

    public void NewState(int indent = StandardIndent)
    {
        _states.Add([]);
        _stateIndents.Add(indent);
    }

    /// <summary>Removes the current state without laying it out, for callers that use its content otherwise.</summary>
    public List<LayoutItem> PopState()
    {
        var content = _states[^1];
        _states.RemoveAt(_states.Count - 1);
        _stateIndents.RemoveAt(_stateIndents.Count - 1);
        return content;
    }

    /// <summary>
    /// Sphinx's <c>end_state</c>. <paramref name="wrap"/>: fill raw text (else split it at line ends);
    /// <paramref name="blankAfter"/>: follow each run of raw text with an empty line (<c>end=['']</c>);
    /// <paramref name="first"/>: a prefix for the first line, set at the enclosing indent (a bullet).
    /// </summary>
    public void EndState(bool wrap = true, bool blankAfter = true, string? first = null)
    {
        // Raw text fills the width left by every open indent, this state's own included.
        var width = MaxWidth - Indent;
        var indent = _stateIndents[^1];
        var content = PopState();
        var result = new List<LayoutItem>();
        var pending = new StringBuilder();

        void Flush()
        {
            if (pending.Length == 0)
            {
                return;
            }
            var lines = wrap ? TextWrap.Wrap(pending.ToString(), width) : SplitLines(pending.ToString());
            if (blankAfter)
            {
                lines.Add("");
            }
            result.Add(new LayoutItem(indent, null, lines));
            pending.Clear();
        }

        foreach (var item in content)
        {
            if (item.IsRaw)
            {
                pending.Append(item.Text);
            }
            else
            {
                Flush();
                result.Add(new LayoutItem(indent + item.Indent, null, item.Lines));
            }
        }
        Flush();

        if (first is not null && result.Count > 0)
        {
            // The prefix goes at the enclosing state's indent, in front of the first line.
            var (firstIndent, firstLines) = (result[0].Indent - indent, result[0].Lines!);
            if (firstLines is [""])
            {
                result.Insert(0, new LayoutItem(firstIndent, null, [first]));
            }
            else
            {
                var line = firstLines.Count > 0 ? firstLines[0] : "";
                if (firstLines.Count > 0)
                {
                    firstLines.RemoveAt(0);
                }
                result.Insert(0, new LayoutItem(firstIndent, null, [first + line]));
            }
        }

        _states[^1].AddRange(result);
    }

    /// <summary>Python's <c>str.splitlines()</c> for the line ends the model can hold.</summary>
    internal static List<string> SplitLines(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n').ToList();
        if (lines.Count > 0 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }
        return lines;
    }

    /// <summary>
    /// Ends the outermost state and joins every line, indented (empty lines stay empty), as
    /// <c>depart_document</c> does.
    /// </summary>
    public string Finish()
    {
        while (_states.Count > 1)
        {
            EndState();
        }
        var capacity = 0;
        foreach (var item in _states[0])
        {
            foreach (var line in item.IsRaw ? [item.Text!] : item.Lines!)
            {
                capacity += line.Length + Math.Max(item.Indent, 0) + 1;
            }
        }
        var body = new StringBuilder(capacity);
        var firstLine = true;
        foreach (var item in _states[0])
        {
            foreach (var line in item.IsRaw ? [item.Text!] : item.Lines!)
            {
                if (!firstLine)
                {
                    body.Append('\n');
                }
                firstLine = false;
                if (line.Length > 0)
                {
                    body.Append(' ', Math.Max(item.Indent, 0)).Append(line);
                }
            }
        }
        return body.ToString();
    }
}

/// <summary>One entry of a state: raw text still to be filled, or finished lines at an indent.</summary>
internal readonly record struct LayoutItem(int Indent, string? Text, List<string>? Lines)
{
    /// <summary>Sphinx marks raw text with the indent -1.</summary>
    public const int RawIndent = -1;

    public bool IsRaw => Indent == RawIndent;
}
