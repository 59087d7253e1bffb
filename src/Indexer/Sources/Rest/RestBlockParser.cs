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

    /// <summary>Notes an element id at this point of the document (a target, a term's anchor, a signature's): the innermost record, or <paramref name="holder"/>, holds it.</summary>
    internal void NoteId(string id, PageRecord? holder = null) => NotedIds.Add((id, holder ?? Container));

    /// <summary>Notes a section's own id first among the ids at its start (as its element's id comes before the targets in it).</summary>
    private void NoteSectionId(SectionRecord section, string id)
    {
        var first = NotedIds.FindIndex(e => e.Holder == section);
        NotedIds.Insert(first < 0 ? NotedIds.Count : first, (id, section));
    }

    /// <summary>
    /// A module target right after a section's title opens that section: its id becomes the section's first
    /// (Sphinx's MoveModuleTargets transform), so <c>#module-json</c> is the section. Elsewhere it is an id inside.
    /// </summary>
    internal void NoteModuleTarget(string id, List<Block> blocks)
    {
        if (CurrentDescription is null && CurrentSection is { } section && blocks is [.., SectionStart start] && ReferenceEquals(start.Record, section))
        {
            section.Anchor = id;
            section.StartIds.Insert(0, id);
            NoteSectionId(section, id);
            return;
        }
        NoteId(id);
    }

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

    // --- Sections (docutils spec, "Sections"): a title underlined, or over- and underlined, with one character.

    private static bool TryTitle(string[] lines, int i, out string title, out (char, bool) style, out int consumed)
    {
        title = "";
        style = default;
        consumed = 0;
        var line = lines[i];
        if (IsAdornment(line) && i + 2 < lines.Length && lines[i + 1].Length > 0 && lines[i + 2] == line.TrimEnd()
            && !IsAdornment(lines[i + 1]))
        {
            title = lines[i + 1].Trim();
            style = (line[0], true);
            consumed = 3;
            return true;
        }
        if (!IsAdornment(line) && i + 1 < lines.Length && IsAdornment(lines[i + 1])
            && (lines[i + 1].Length >= 4 || lines[i + 1].Length >= line.Trim().Length)
            && (i + 2 >= lines.Length || lines[i + 2].Length == 0 || lines[i + 2][0] != ' ' || true))
        {
            title = line.Trim();
            style = (lines[i + 1][0], false);
            consumed = 2;
            return true;
        }
        return false;
    }

    /// <summary>A line of one repeated punctuation character (at least two; docutils' adornment characters).</summary>
    private static bool IsAdornment(string line)
    {
        if (line.Length < 2 || !"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".Contains(line[0]))
        {
            return false;
        }
        foreach (var c in line)
        {
            if (c != line[0])
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsTransition(string[] lines, int i) =>
        IsAdornment(lines[i]) && lines[i].Length >= 4
        && (i == 0 || lines[i - 1].Length == 0) && (i + 1 >= lines.Length || lines[i + 1].Length == 0);

    private SectionStart StartSection(string titleText, (char, bool) style, List<string> labels)
    {
        var level = _sectionStyles.IndexOf(style);
        if (level < 0)
        {
            _sectionStyles.Add(style);
            level = _sectionStyles.Count - 1;
        }
        (SectionRecord Record, int Level)? parent = _openSections.Count > 0 ? _openSections[^1] : null;
        while (parent is not null && parent.Value.Level >= level)
        {
            _openSections.RemoveAt(_openSections.Count - 1);
            parent = _openSections.Count > 0 ? _openSections[^1] : null;
        }
        var title = ParseInlines(titleText);
        var record = new SectionRecord(parent?.Record)
        {
            TitleText = Help.Indexer.Sources.Sphinx.SphinxInlines.PlainText(title),
        };
        record.Anchor = Ids.Unique(record.TitleText);
        record.StartIds.Add(record.Anchor);
        // The labels written right before the title name this section: they were noted where they stood.
        foreach (var id in labels.Select(RestIds.Make))
        {
            var noted = NotedIds.FindLastIndex(e => e.Id == id);
            if (noted >= 0)
            {
                NotedIds[noted] = (id, record);
            }
            record.StartIds.Add(id);
        }
        Records.Add(record);
        CurrentSection = record;
        NoteSectionId(record, record.Anchor);
        _openSections.Add((record, level));
        return new SectionStart(record, level, title);
    }

    /// <summary>
    /// Sphinx's SortIds transform: a section with several ids whose first starts with <c>id</c> (docutils' <c>id1</c>,
    /// made when a label took its title's id) has that one last, so the label's id is the section's.
    /// </summary>
    private void SortIds(SectionRecord record)
    {
        if (record.StartIds is [var first, _, ..] && first.StartsWith("id", StringComparison.Ordinal))
        {
            record.StartIds.RemoveAt(0);
            record.StartIds.Add(first);
            record.Anchor = record.StartIds[0];
            var at = NotedIds.FindIndex(e => e.Id == first && e.Holder == record);
            var last = NotedIds.FindLastIndex(e => e.Holder == record && record.StartIds.Contains(e.Id));
            if (at >= 0 && last > at)
            {
                NotedIds.Insert(last + 1, NotedIds[at]);
                NotedIds.RemoveAt(at);
            }
        }
    }

    /// <summary>Nests the blocks after each section title into its section, by the titles' levels.</summary>
    private List<Block> FoldSections(List<Block> flat)
    {
        var root = new List<Block>();
        var stack = new List<(SectionStart Start, List<Block> Body)>();
        foreach (var block in flat)
        {
            if (block is SectionStart start)
            {
                while (stack.Count > 0 && stack[^1].Start.Level >= start.Level)
                {
                    Close(stack, root);
                }
                stack.Add((start, []));
                continue;
            }
            (stack.Count > 0 ? stack[^1].Body : root).Add(block);
        }
        while (stack.Count > 0)
        {
            Close(stack, root);
        }
        return root;
    }

    private void Close(List<(SectionStart Start, List<Block> Body)> stack, List<Block> root)
    {
        var (start, body) = stack[^1];
        var record = start.Record;
        stack.RemoveAt(stack.Count - 1);
        SortIds(record);
        record.Block = new Section(start.Title, body, record.Anchor);
        (stack.Count > 0 ? stack[^1].Body : root).Add(record.Block);
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

    // --- Lists.

    private static string? BulletMarker(string line)
    {
        if (line.Length >= 1 && "*+-\u2022\u2023\u2043".Contains(line[0]) && (line.Length == 1 || line[1] == ' '))
        {
            return line[..1];
        }
        return null;
    }

    private int BulletList(string[] lines, int i, string bullet, int depth, List<Block> blocks)
    {
        var items = new List<ListItem>();
        while (i < lines.Length && BulletMarker(lines[i]) == bullet)
        {
            var end = IndentedEnd(lines, i + 1, 1);
            var first = lines[i].Length > 2 ? lines[i][2..].TrimStart() : "";
            items.Add(new ListItem(ParseNested(Body(first, lines, i + 1, end), depth + 1)));
            i = SkipBlank(lines, end);
        }
        blocks.Add(new BulletList(items));
        return i;
    }

    private (string Style, int Value, int Width)? EnumeratorAt(string[] lines, int i)
    {
        var m = Enumerator().Match(lines[i]);
        if (!m.Success)
        {
            return null;
        }
        // docutils: an enumerator is a list only when the next line is blank, indented, or another item.
        if (i + 1 < lines.Length && lines[i + 1].Length > 0 && lines[i + 1][0] != ' ' && !Enumerator().IsMatch(lines[i + 1]))
        {
            return null;
        }
        var token = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Success ? m.Groups[2].Value : m.Groups[3].Value;
        var style = token == "#" ? "#" : char.IsAsciiDigit(token[0]) ? "1" : char.IsAsciiLetterLower(token[0]) ? "a" : "A";
        var value = style switch
        {
            "1" => int.TryParse(token, out var v) ? v : 1,
            "#" => 1,
            _ => char.ToLowerInvariant(token[0]) - 'a' + 1,
        };
        return (style, value, m.Length);
    }

    private int EnumeratedList(string[] lines, int i, (string Style, int Value, int Width) first, int depth, List<Block> blocks)
    {
        var items = new List<ListItem>();
        while (i < lines.Length && EnumeratorAt(lines, i) is { } e && (items.Count == 0 || e.Style == first.Style || e.Style == "#"))
        {
            var end = IndentedEnd(lines, i + 1, 1);
            var text = lines[i][e.Width..].TrimStart();
            items.Add(new ListItem(ParseNested(Body(text, lines, i + 1, end), depth + 1)));
            i = SkipBlank(lines, end);
        }
        blocks.Add(new EnumeratedList(items, first.Value));
        return i;
    }

    private int FieldList(string[] lines, int i, int depth, List<Block> blocks)
    {
        var fields = new List<Field>();
        while (i < lines.Length && FieldMarker().Match(lines[i]) is { Success: true } m)
        {
            var end = IndentedEnd(lines, i + 1, 1);
            var body = Body(m.Groups[2].Value.Trim(), lines, i + 1, end);
            fields.Add(new Field(ParseInlines(m.Groups[1].Value), ParseNested(body, depth + 1)));
            i = SkipBlank(lines, end);
        }
        blocks.Add(new FieldList(fields));
        return i;
    }

    private int LineBlock(string[] lines, int i, List<Block> blocks)
    {
        var result = new List<IReadOnlyList<Inline>>();
        while (i < lines.Length && (lines[i] == "|" || lines[i].StartsWith("| ", StringComparison.Ordinal)))
        {
            var text = new StringBuilder(lines[i].Length > 2 ? lines[i][2..] : "");
            i++;
            // A continuation line is indented.
            while (i < lines.Length && lines[i].StartsWith(' ') && lines[i].Trim().Length > 0)
            {
                text.Append('\n').Append(lines[i].Trim());
                i++;
            }
            result.Add(ParseInlines(text.ToString().Trim()));
        }
        blocks.Add(new LineBlock(result));
        return i;
    }

    // --- Paragraphs, literal blocks, definition lists.

    private int Paragraph(string[] lines, int i, int depth, List<Block> blocks)
    {
        var start = i;
        var n = lines.Length;
        while (i < n && lines[i].Length > 0 && lines[i][0] != ' ')
        {
            i++;
        }
        if (i < n && lines[i].Length > 0 && i - start == 1)
        {
            return DefinitionList(lines, start, depth, blocks);
        }
        var text = string.Join('\n', lines[start..i]);
        var literal = text.EndsWith("::", StringComparison.Ordinal);
        if (literal)
        {
            text = text == "::" ? "" : text.EndsWith(" ::", StringComparison.Ordinal) || text.EndsWith("\n::", StringComparison.Ordinal)
                ? text[..^3].TrimEnd() : text[..^1];
        }
        if (text.Length > 0)
        {
            var inlines = ParseInlines(text);
            if (inlines.Count > 0)
            {
                blocks.Add(new Paragraph(inlines));
            }
        }
        if (literal)
        {
            var next = SkipBlank(lines, i);
            if (next < n && lines[next].StartsWith(' '))
            {
                var end = IndentedEnd(lines, next + 1, 1);
                blocks.Add(CodeHighlighter.Colour(new LiteralBlock(string.Join('\n', Dedent(lines, next, end)), _directives.HighlightLanguage)));
                return end;
            }
        }
        return i;
    }

    private int DefinitionList(string[] lines, int i, int depth, List<Block> blocks)
    {
        var items = new List<DefinitionItem>();
        while (i + 1 < lines.Length && lines[i].Length > 0 && lines[i][0] != ' ' && lines[i + 1].StartsWith(' ')
            && lines[i + 1].Trim().Length > 0)
        {
            var end = IndentedEnd(lines, i + 2, 1);
            var term = lines[i];
            // docutils: " : " separates classifiers from the term.
            var classifier = term.IndexOf(" : ", StringComparison.Ordinal);
            if (classifier > 0)
            {
                term = term[..classifier];
            }
            items.Add(new DefinitionItem(ParseInlines(term), ParseNested(Dedent(lines, i + 1, end), depth + 1)));
            var next = SkipBlank(lines, end);
            if (next >= lines.Length || next == end || !(next + 1 < lines.Length && lines[next + 1].StartsWith(' ') && lines[next + 1].Trim().Length > 0)
                || lines[next][0] == ' ' || lines[next].StartsWith("..", StringComparison.Ordinal) || BulletMarker(lines[next]) is not null
                || FieldMarker().IsMatch(lines[next]))
            {
                i = end;
                break;
            }
            i = next;
        }
        blocks.Add(new DefinitionList(items));
        return i;
    }

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

/// <summary>Marks where a section title stood while its level's content is being collected.</summary>
internal sealed record SectionStart(SectionRecord Record, int Level, IReadOnlyList<Inline> Title) : Block;
