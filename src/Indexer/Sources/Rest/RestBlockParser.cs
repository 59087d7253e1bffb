using Help.Indexer.Sources.Highlighting;
using System.Text;
using System.Text.RegularExpressions;
using Help.Core.Model;
using Help.Indexer.Pipeline;

namespace Help.Indexer.Sources.Rest;

/// <summary>
/// Parses reST body elements (docutils spec, "Body Elements") into the model's blocks, noting
/// sections, object descriptions, terms and modules as it goes. One instance per document.
/// </summary>
/// <remarks>
/// Works on lines with tabs expanded (8 columns) and trailing white space removed. Nested content
/// (a directive's body, a list item, a block quote) is dedented and parsed on its own; nesting deeper
/// than <see cref="MaxDepth"/> is kept as a literal block with a warning, so neither the stack nor the
/// time grows with the input beyond that. Each nesting level reads its lines once: linear time.
/// </remarks>
internal sealed partial class RestBlockParser
{
    /// <summary>Deeper nesting than this is not reST anyone writes: its lines are kept as literal text.</summary>
    public const int MaxDepth = 40;

    /// <summary>
    /// An explicit markup block (a directive) at the top of a document that runs to its end over more lines
    /// than this is reported as never ending: the longest in Python 3.11's docs is 1,251 lines (the glossary).
    /// </summary>
    public const int MaxBlockLines = 10_000;

    private readonly string _path;
    private readonly Diagnostics _diagnostics;
    private readonly RestInlineParser _inlines;
    private readonly RestReferences _references;
    private readonly RestDirectives _directives;
    private readonly List<(char Char, bool Overline)> _sectionStyles = [];
    private readonly List<(SectionRecord Record, int Level)> _openSections = [];
    private bool _warnedDepth;

    public RestBlockParser(string path, Diagnostics diagnostics, RestReferences references)
    {
        _path = path;
        _diagnostics = diagnostics;
        _references = references;
        _references.TargetMade = id => NoteId(id);
        _inlines = new RestInlineParser(references);
        _directives = new RestDirectives(this);
    }

    /// <summary>The document's element ids, for section anchors.</summary>
    internal RestIds Ids { get; } = new();

    /// <summary>Sections, descriptions, terms and module targets in document order.</summary>
    public List<PageRecord> Records { get; } = [];

    /// <summary>The document's element ids in order, each with the innermost section or description around it (null: the top level).</summary>
    public List<(string Id, PageRecord? Holder)> NotedIds { get; } = [];

    internal string Path => _path;
    internal Diagnostics Diagnostics => _diagnostics;
    internal RestReferences References => _references;
    internal RestInlineParser Inlines => _inlines;

    /// <summary>The innermost section open at this point of the document.</summary>
    internal SectionRecord? CurrentSection { get; private set; }

    /// <summary>The innermost description open at this point.</summary>
    internal DescriptionRecord? CurrentDescription { get; set; }

    /// <summary>The innermost section or description open at this point: the container of what is noted here.</summary>
    internal PageRecord? Container => (PageRecord?)CurrentDescription ?? CurrentSection;

    /// <summary>Parses a whole document: sections allowed at its top level.</summary>
    public List<Block> ParseDocument(string[] lines) => FoldSections(Parse(lines, 0, allowSections: true));

    /// <summary>Parses nested content (a directive body, a list item): no sections.</summary>
    internal List<Block> ParseNested(string[] lines, int depth)
    {
        if (depth > MaxDepth)
        {
            if (!_warnedDepth)
            {
                _warnedDepth = true;
                _diagnostics.Warn(_path, $"content nested more than {MaxDepth} levels deep is kept as literal text");
            }
            return [new LiteralBlock(string.Join('\n', lines).Trim('\n'), null)];
        }
        return Parse(lines, depth, allowSections: false);
    }

    internal IReadOnlyList<Inline> ParseInlines(string text) => _inlines.Parse(text);

    // --- The body element loop.

    private List<Block> Parse(string[] lines, int depth, bool allowSections)
    {
        var blocks = new List<Block>();
        var pendingLabels = new List<string>();
        var i = 0;
        var n = lines.Length;
        while (i < n)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                i++;
                continue;
            }
            if (line[0] == ' ')
            {
                // An indented block where none is expected: docutils' block quote.
                var end = IndentedEnd(lines, i + 1, 1);
                var inner = ParseNested(Dedent(lines, i, end), depth + 1);
                if (inner.Count > 0 && inner.All(b => b is LiteralBlock { IsDoctest: true }))
                {
                    // Sphinx's HandleCodeBlocks transform moves doctest blocks out of a block quote that holds nothing else.
                    blocks.AddRange(inner);
                }
                else if (inner.Count > 0)
                {
                    blocks.Add(new BlockQuote(inner));
                }
                pendingLabels.Clear();
                i = end;
                continue;
            }
            if (TryTitle(lines, i, out var titleText, out var style, out var consumed))
            {
                if (allowSections)
                {
                    blocks.Add(StartSection(titleText, style, pendingLabels));
                }
                else
                {
                    blocks.Add(new Rubric(ParseInlines(titleText)));
                }
                pendingLabels.Clear();
                i += consumed;
                continue;
            }
            if (line.StartsWith("..", StringComparison.Ordinal) && (line.Length == 2 || line[2] == ' '))
            {
                i = ExplicitMarkup(lines, i, depth, blocks, pendingLabels);
                continue;
            }
            // Anything else ends the reach of labels written before it: only a section's count.
            pendingLabels.Clear();
            if (IsTransition(lines, i))
            {
                blocks.Add(Transition.Instance);
                i++;
                continue;
            }
            if (BulletMarker(line) is { } bullet)
            {
                i = BulletList(lines, i, bullet, depth, blocks);
                continue;
            }
            if (EnumeratorAt(lines, i) is { } enumerator)
            {
                i = EnumeratedList(lines, i, enumerator, depth, blocks);
                continue;
            }
            if (FieldMarker().Match(line) is { Success: true })
            {
                i = FieldList(lines, i, depth, blocks);
                continue;
            }
            if (line.StartsWith("+-", StringComparison.Ordinal) && RestTables.IsGridBorder(line))
            {
                i = RestTables.Grid(this, lines, i, depth, blocks);
                continue;
            }
            if (line.StartsWith("==", StringComparison.Ordinal) && RestTables.IsSimpleBorder(line))
            {
                i = RestTables.Simple(this, lines, i, depth, blocks);
                continue;
            }
            if (line == "|" || line.StartsWith("| ", StringComparison.Ordinal))
            {
                i = LineBlock(lines, i, blocks);
                continue;
            }
            if (line.StartsWith(">>>", StringComparison.Ordinal))
            {
                var end = i;
                while (end < n && lines[end].Length > 0)
                {
                    end++;
                }
                blocks.Add(CodeHighlighter.Colour(new LiteralBlock(string.Join('\n', lines[i..end]), _directives.HighlightLanguage) { IsDoctest = true }));
                i = end;
                continue;
            }
            i = Paragraph(lines, i, depth, blocks);
        }
        return blocks;
    }

    // --- Explicit markup (docutils spec, "Explicit Markup Blocks").

    private int ExplicitMarkup(string[] lines, int i, int depth, List<Block> blocks, List<string> pendingLabels)
    {
        var line = lines[i];
        var end = IndentedEnd(lines, i + 1, 1);
        if (depth == 0 && end - i > MaxBlockLines && SkipBlank(lines, end) == lines.Length)
        {
            // Valid reST (a block may close at the end of the file), but far longer than any real one: say so once.
            _diagnostics.Warn(_path, $"'{line.Trim()}' at line {i + 1} never ends: its {end - i - 1} indented lines run to the end of the file; they were read as its content");
        }
        if (Target().Match(line) is { Success: true } target)
        {
            var name = NormalizeName(target.Groups[1].Value.Trim('`'));
            var uri = (target.Groups[2].Value + string.Concat(lines[(i + 1)..end].Select(l => l.Trim()))).Trim();
            if (uri.Length == 0)
            {
                pendingLabels.Add(name);
                Ids.Take(RestIds.Make(name));
                NoteId(RestIds.Make(name));
            }
            else if (!name.StartsWith('_'))
            {
                _references.DefineTarget(name, uri.EndsWith('_') ? uri : uri.Replace(" ", ""));
            }
            return end;
        }
        if (FootnoteStart().Match(line) is { Success: true } footnote)
        {
            var body = Body(footnote.Groups[2].Value, lines, i + 1, end);
            var label = footnote.Groups[1].Value;
            blocks.Add(new Footnote(label.StartsWith('#') ? NextFootnoteNumber() : label, ParseNested(body, depth + 1)));
            return end;
        }
        if (Substitution().Match(line) is { Success: true } substitution)
        {
            if (substitution.Groups[2].Value == "replace")
            {
                var text = substitution.Groups[3].Value + " " + string.Join(' ', lines[(i + 1)..end].Select(l => l.Trim()));
                _references.DefineSubstitution(substitution.Groups[1].Value, _inlines.PlainText(text.Trim()));
            }
            return end;
        }
        if (Directive().Match(line) is { Success: true } directive)
        {
            if (!RestDirectives.MakeNoNode.Contains(directive.Groups[1].Value))
            {
                pendingLabels.Clear();
            }
            _directives.Run(directive.Groups[1].Value, directive.Groups[2].Value, Dedent(lines, i + 1, end), depth, blocks);
            return end;
        }
        // A comment: the whole indented block goes with it.
        return end;
    }

    private int _footnoteNumber;

    private string NextFootnoteNumber() => (++_footnoteNumber).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>docutils' reference name normalization: white space collapsed, lower case.</summary>
    internal static string NormalizeName(string name) =>
        string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    // --- Lines.

    /// <summary>The end (exclusive) of the block of lines indented at least <paramref name="minIndent"/> from <paramref name="from"/>, trailing blank lines left out.</summary>
    internal static int IndentedEnd(string[] lines, int from, int minIndent)
    {
        var j = from;
        while (j < lines.Length && (lines[j].Length == 0 || Indent(lines[j]) >= minIndent))
        {
            j++;
        }
        while (j > from && lines[j - 1].Length == 0)
        {
            j--;
        }
        return j;
    }

    internal static int Indent(string line)
    {
        var k = 0;
        while (k < line.Length && line[k] == ' ')
        {
            k++;
        }
        return k;
    }

    internal static int SkipBlank(string[] lines, int i)
    {
        while (i < lines.Length && lines[i].Length == 0)
        {
            i++;
        }
        return i;
    }

    /// <summary>Lines [from, to) less their common indentation.</summary>
    internal static string[] Dedent(string[] lines, int from, int to)
    {
        var min = int.MaxValue;
        for (var k = from; k < to; k++)
        {
            if (lines[k].Length > 0)
            {
                min = Math.Min(min, Indent(lines[k]));
            }
        }
        var result = new string[Math.Max(0, to - from)];
        for (var k = from; k < to; k++)
        {
            result[k - from] = lines[k].Length == 0 ? "" : lines[k][min..];
        }
        return result;
    }

    /// <summary>A body whose first line follows a marker (a list item, a field, a footnote): that text, then the indented lines.</summary>
    internal static string[] Body(string firstLine, string[] lines, int from, int to)
    {
        var rest = Dedent(lines, from, to);
        if (firstLine.Length == 0)
        {
            return rest;
        }
        var result = new string[rest.Length + 1];
        result[0] = firstLine;
        rest.CopyTo(result, 1);
        return result;
    }

    private static Regex Target() => TargetPattern();

    [GeneratedRegex(@"^\.\.\s+_((?:`[^`]+`)|(?:[^:\\`][^:\\]*|_)):(?:\s+(.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex TargetPattern();

    [GeneratedRegex(@"^\.\.\s+\[([0-9]+|#[A-Za-z0-9_.-]*|\*|[A-Za-z][A-Za-z0-9_.-]*)\](?:\s+(.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex FootnoteStart();

    [GeneratedRegex(@"^\.\.\s+\|([^|]+)\|\s+([A-Za-z0-9_-]+)::(?:\s+(.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Substitution();

    [GeneratedRegex(@"^\.\.\s+([A-Za-z0-9](?:[A-Za-z0-9_+.:-]*[A-Za-z0-9])?)\s?::(?:\s+(.*))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Directive();

    // docutils' field marker: a colon inside the name is not followed by a space, a backquote or the end.
    [GeneratedRegex(@"^:(?![: ])((?:[^:\\]|\\.|:(?![ `]|$))*?(?<! )):(?: +(.*)|$)", RegexOptions.CultureInvariant)]
    internal static partial Regex FieldMarker();

    [GeneratedRegex(@"^(?:\(([0-9]+|#|[a-zA-Z]|[ivxlcdmIVXLCDM]+)\)|([0-9]+|#|[a-zA-Z]|[ivxlcdmIVXLCDM]+)[.)]|\(?([0-9]+|#)\))(?:\s+|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Enumerator();
}
