using Help.Indexer.Sources.Sphinx;

namespace Help.Indexer.Sources.Rest;

/// <summary>
/// The targets a page defines that a reference may name before the parser reaches them: the labels written right
/// before a section title (a <c>:ref:</c> shows that title and links to the label) and the glossary's terms (a
/// <c>:term:</c> links to <c>#term-...</c>). Sphinx resolves these from the whole project; without an inventory
/// the page's own are what is known. Found by a scan of the lines before parsing.
/// </summary>
internal sealed record RestLocalTargets(IReadOnlyDictionary<string, string> LabelTitles, IReadOnlyDictionary<string, string> TermAnchors)
{
    public static readonly RestLocalTargets Empty = new(new Dictionary<string, string>(), new Dictionary<string, string>());

    public static RestLocalTargets Scan(string[] lines) => new(ScanLabels(lines), ScanTerms(lines));

    /// <summary>
    /// For each term of the page's glossaries, lower-cased (Sphinx matches terms so), its anchor: the lines at the
    /// glossary content's own indent, other than comments and options.
    /// </summary>
    private static Dictionary<string, string> ScanTerms(string[] lines)
    {
        var anchors = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            var directive = lines[i].TrimStart();
            if (directive != ".. glossary::")
            {
                continue;
            }
            var outer = lines[i].Length - directive.Length;
            var indent = -1;
            for (i++; i < lines.Length && (lines[i].Length == 0 || Indent(lines[i]) > outer); i++)
            {
                var line = lines[i];
                if (line.Length == 0)
                {
                    continue;
                }
                indent = indent < 0 && !line.TrimStart().StartsWith(':') ? Indent(line) : indent;
                var text = line.Trim();
                if (Indent(line) == indent && !text.StartsWith("..", StringComparison.Ordinal))
                {
                    var plain = PlainTitle(text);
                    anchors.TryAdd(plain.ToLowerInvariant(), SphinxSelectors.TermIdPrefix + RestIds.Make(plain));
                }
            }
            i--;
        }
        return anchors;
    }

    private static int Indent(string line) => line.Length - line.TrimStart().Length;

    /// <summary>For each label written right before a section title, that title's text (<c>:ref:</c> shows it).</summary>
    private static Dictionary<string, string> ScanLabels(string[] lines)
    {
        var titles = new Dictionary<string, string>(StringComparer.Ordinal);
        var pending = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Length == 0)
            {
                continue;
            }
            if (line.StartsWith(".. _", StringComparison.Ordinal) && line.EndsWith(':') && !line.Contains(": ", StringComparison.Ordinal))
            {
                pending.Add(RestBlockParser.NormalizeName(line[4..^1].Trim('`')));
                continue;
            }
            if (pending.Count > 0)
            {
                string? title = null;
                if (IsAdornment(line) && i + 2 < lines.Length && lines[i + 2] == line)
                {
                    title = lines[i + 1].Trim();
                }
                else if (i + 1 < lines.Length && IsAdornment(lines[i + 1]))
                {
                    title = line.Trim();
                }
                if (title is not null)
                {
                    foreach (var label in pending)
                    {
                        titles.TryAdd(label, PlainTitle(title));
                    }
                }
                pending.Clear();
            }
        }
        return titles;
    }

    private static bool IsAdornment(string line) =>
        line.Length >= 2 && !char.IsLetterOrDigit(line[0]) && !char.IsWhiteSpace(line[0]) && line.All(c => c == line[0]);

    /// <summary>A title's text for a cross-reference: roles and markup dropped, quotes educated.</summary>
    private static string PlainTitle(string title)
    {
        var parser = new RestInlineParser(new RestReferences("", null, Empty));
        return parser.PlainText(title);
    }
}
