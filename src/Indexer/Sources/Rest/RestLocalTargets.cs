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

    public static RestLocalTargets Scan(string[] lines)
    {
        // A title's or a term's text as a reference shows it: roles and markup dropped, quotes educated.
        var inlines = new RestInlineParser(new RestReferences("", null, Empty));
        return new(ScanLabels(lines, inlines.PlainText), ScanTerms(lines, inlines.PlainText));
    }

    /// <summary>
    /// For each term of the page's glossaries, lower-cased (Sphinx matches terms so), its anchor: the lines at the
    /// glossary content's own indent, other than comments and options.
    /// </summary>
    private static Dictionary<string, string> ScanTerms(string[] lines, Func<string, string> plainText)
    {
        var anchors = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Length; i++)
        {
            var directive = lines[i].TrimStart();
            if (directive != ".. glossary::")
            {
                continue;
            }
            var outer = RestBlockParser.Indent(lines[i]);
            var indent = -1;
            for (i++; i < lines.Length && (lines[i].Length == 0 || RestBlockParser.Indent(lines[i]) > outer); i++)
            {
                var line = lines[i];
                if (line.Length == 0)
                {
                    continue;
                }
                indent = indent < 0 && !line.TrimStart().StartsWith(':') ? RestBlockParser.Indent(line) : indent;
                var text = line.Trim();
                if (RestBlockParser.Indent(line) == indent && !text.StartsWith("..", StringComparison.Ordinal))
                {
                    var plain = plainText(text);
                    anchors.TryAdd(plain.ToLowerInvariant(), RestGlossary.TermAnchor(plain));
                }
            }
            i--;
        }
        return anchors;
    }

    /// <summary>For each label written right before a section title, that title's text (<c>:ref:</c> shows it).</summary>
    private static Dictionary<string, string> ScanLabels(string[] lines, Func<string, string> plainText)
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
                if (RestBlockParser.IsAdornment(line) && i + 2 < lines.Length && lines[i + 2] == line)
                {
                    title = lines[i + 1].Trim();
                }
                else if (i + 1 < lines.Length && RestBlockParser.IsAdornment(lines[i + 1]))
                {
                    title = line.Trim();
                }
                if (title is not null)
                {
                    foreach (var label in pending)
                    {
                        titles.TryAdd(label, plainText(title));
                    }
                }
                pending.Clear();
            }
        }
        return titles;
    }
}
