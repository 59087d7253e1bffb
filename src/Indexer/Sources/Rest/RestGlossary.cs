using Help.Core.Model;
using Help.Indexer.Sources.Sphinx;

namespace Help.Indexer.Sources.Rest;

/// <summary>
/// Sphinx's <c>glossary</c> directive: groups of term lines, each group followed by its indented
/// definition. Every term gets the anchor Sphinx gives it, <c>term-</c> and the term made an id.
/// </summary>
internal static class RestGlossary
{
    /// <summary>The anchor of a term, from its text as it reads: <c>term-</c> and the text made an id.</summary>
    public static string TermAnchor(string plainText) => SphinxSelectors.TermIdPrefix + RestIds.Make(plainText);

    public static DefinitionList Parse(RestBlockParser parser, string[] lines, int depth)
    {
        var items = new List<DefinitionItem>();
        var i = RestBlockParser.SkipBlank(lines, 0);
        while (i < lines.Length)
        {
            if (lines[i].StartsWith(' '))
            {
                // A definition without terms: not a glossary entry; skip it.
                i = RestBlockParser.SkipBlank(lines, RestBlockParser.IndentedEnd(lines, i + 1, 1));
                continue;
            }
            var terms = new List<string>();
            while (i < lines.Length && lines[i].Length > 0 && !lines[i].StartsWith(' '))
            {
                if (!lines[i].StartsWith("..", StringComparison.Ordinal))
                {
                    terms.Add(lines[i].Trim());
                }
                i++;
            }
            var end = RestBlockParser.IndentedEnd(lines, i, 1);
            var termInlines = new List<Inline>();
            var records = new List<TermRecord>();
            foreach (var term in terms)
            {
                if (termInlines.Count > 0)
                {
                    termInlines.Add(LineBreak.Instance);
                }
                var inlines = parser.ParseInlines(term);
                termInlines.AddRange(inlines);
                var text = SphinxInlines.PlainText(inlines);
                var record = new TermRecord(TermAnchor(text), text, parser.Container);
                records.Add(record);
                parser.Records.Add(record);
                parser.NoteId(record.Anchor!);
            }
            var definition = parser.ParseNested(RestBlockParser.Dedent(lines, i, end), depth + 1);
            var item = new DefinitionItem(termInlines, definition, records.Count > 0 ? records[0].Anchor : null);
            records.ForEach(r => r.Item = item);
            items.Add(item);
            i = RestBlockParser.SkipBlank(lines, end);
        }
        return new DefinitionList(items, IsGlossary: true);
    }
}
