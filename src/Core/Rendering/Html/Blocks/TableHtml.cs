using Help.Core.Model;

namespace Help.Core.Rendering.Html.Blocks;

/// <summary>A table: <c>table.docutils</c> with its header and body rows and their spans.</summary>
internal sealed class TableHtml : HtmlBlockRenderer<Table>
{
    protected override void Write(HtmlRenderContext c, Table t)
    {
        var o = c.Out;
        o.Append("<table class=\"docutils\">");
        Rows(t.HeaderRows, "thead", "th", c);
        Rows(t.BodyRows, "tbody", "td", c);
        o.Append("</table>");
    }

    private static void Rows(IReadOnlyList<TableRow> rows, string group, string cell, HtmlRenderContext c)
    {
        if (rows.Count == 0) return;
        var o = c.Out;
        o.Append('<').Append(group).Append('>');
        foreach (var row in rows)
        {
            o.Append("<tr>");
            foreach (var td in row.Cells)
            {
                o.Append('<').Append(cell);
                if (td.ColumnSpan > 1) o.Append(" colspan=\"").Append(td.ColumnSpan).Append('"');
                if (td.RowSpan > 1) o.Append(" rowspan=\"").Append(td.RowSpan).Append('"');
                o.Append('>');
                c.WriteBlocks(td.Content);
                o.Append("</").Append(cell).Append('>');
            }
            o.Append("</tr>");
        }
        o.Append("</").Append(group).Append('>');
    }
}
