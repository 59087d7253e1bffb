using AngleSharp.Dom;
using Help.Core.Model;
using Help.Indexer.Pipeline;

namespace Help.Indexer.Sources.Sphinx;
// Tables: header and body rows, spans, and the source tables a saved page may hold.
internal sealed partial class SphinxBlockConverter
{
    // --- Tables.

    private void ConvertTable(IElement table, List<Block> blocks)
    {
        var classes = table.Classes();
        if (classes.Contains(SphinxSelectors.Footnote) || classes.Contains(SphinxSelectors.Citation))
        {
            // docutils' HTML4 writer: a footnote is a table with the label in the first cell.
            foreach (var row in table.QuerySelectorAll("tr"))
            {
                var cells = row.Children.Where(c => c.LocalName is "td" or "th").ToList();
                if (cells.Count >= 2)
                {
                    blocks.Add(new Footnote(SphinxInlines.FootnoteLabel(cells[0].TextContent), ConvertChildren(cells[1])));
                }
            }
            return;
        }
        if (classes.Contains(SphinxSelectors.FieldList))
        {
            var fields = new List<Field>();
            foreach (var row in table.QuerySelectorAll("tr"))
            {
                var name = row.Children.FirstOrDefault(c => c.HasClass(SphinxSelectors.FieldName));
                var body = row.Children.FirstOrDefault(c => c.HasClass(SphinxSelectors.FieldBody));
                if (name is not null)
                {
                    var inlines = SphinxInlines.Convert(name).ToList();
                    if (inlines.Count > 0 && inlines[^1] is TextRun t && t.Text.EndsWith(':'))
                    {
                        inlines[^1] = new TextRun(t.Text[..^1]);
                    }
                    fields.Add(new Field(inlines, body is null ? [] : ConvertChildren(body)));
                }
            }
            blocks.Add(new FieldList(fields));
            return;
        }

        // The n-th table of the source is the n-th here (the importer checked that the counts agree).
        var widths = sourceTableWidths is not null && IsSourceTable(table) && _tables < sourceTableWidths.Count
            ? sourceTableWidths[_tables++]
            : null;
        var caption = table.Children.FirstOrDefault(c => c.LocalName == "caption");
        if (caption is not null)
        {
            AddIfAny(blocks, SphinxInlines.Convert(caption), i => new Rubric(i));
        }
        var header = new List<TableRow>();
        var bodyRows = new List<TableRow>();
        foreach (var part in table.Children)
        {
            switch (part.LocalName)
            {
                case "thead":
                    header.AddRange(Rows(part));
                    break;
                case "tbody" or "tfoot":
                    bodyRows.AddRange(Rows(part));
                    break;
                case "tr":
                    bodyRows.Add(Row(part));
                    break;
            }
        }
        blocks.Add(new Table(header, bodyRows) { ColumnWidths = widths });
    }

    private int _tables;

    /// <summary>A table drawn in the reST source (not a footnote, field list or <c>hlist</c>, which docutils and Sphinx lay out as tables).</summary>
    public static bool IsSourceTable(IElement table)
    {
        var classes = table.Classes();
        return !classes.Contains(SphinxSelectors.Footnote) && !classes.Contains(SphinxSelectors.Citation)
            && !classes.Contains(SphinxSelectors.FieldList) && !classes.Contains(SphinxSelectors.HorizontalList);
    }

    private IEnumerable<TableRow> Rows(IElement group) =>
        group.Children.Where(c => c.LocalName == "tr").Select(Row).ToList();

    private TableRow Row(IElement tr) => new(tr.Children
        .Where(c => c.LocalName is "td" or "th")
        .Select(c => new TableCell(ConvertChildren(c), Span(c, "colspan"), Span(c, "rowspan")))
        .ToList());

    private static int Span(IElement cell, string attribute) =>
        int.TryParse(cell.GetAttribute(attribute), out var n) && n > 0 ? n : 1;
}
