using Help.Core.Model;

namespace Help.Core.Rendering.Text.Blocks;

/// <summary>
/// A table as a grid (<c>visit_table</c>, <c>visit_entry</c>): each cell's blocks are laid out, their
/// lines joined and filled again to the column width, so a cell's paragraphs run together.
/// </summary>
internal sealed class TableRenderer : TextBlockRenderer<Table>
{
    protected override void Write(TextRenderContext context, Table block)
    {
        var layout = context.Layout;
        layout.NewState(0);

        var table = new TextTable();
        var first = true;
        foreach (var row in block.HeaderRows)
        {
            AddRow(context, table, row, ref first);
        }
        table.SetSeparator();
        foreach (var row in block.BodyRows)
        {
            AddRow(context, table, row, ref first);
        }

        var columns = table.ColumnCount;
        if (columns > 0)
        {
            // Borders take a bar and a space on each side of every cell: 3 per column and one more.
            // The source's widths when the importer knew them, as Sphinx lays tables out; else widths from the content.
            var widths = block.ColumnWidths is { } source && source.Count == columns
                ? source.ToArray()
                : table.ColumnWidths(layout.MaxWidth - layout.Indent - ((3 * columns) + 1));
            layout.AddText(table.Render(widths));
        }
        layout.EndState(wrap: false);
    }

    private static void AddRow(TextRenderContext context, TextTable table, TableRow row, ref bool first)
    {
        if (!first)
        {
            table.AddRow();
        }
        first = false;
        foreach (var cell in row.Cells)
        {
            table.AddCell(new TextTableCell(CellText(context, cell), cell.RowSpan, cell.ColumnSpan));
        }
    }

    /// <summary><c>depart_entry</c>: the cell's finished lines joined by line ends.</summary>
    private static string CellText(TextRenderContext context, TableCell cell)
    {
        var layout = context.Layout;
        layout.NewState(0);
        context.WriteBlocks(cell.Content);
        // Raw text (the line end after a line block) has no lines yet; Sphinx never meets it here.
        var items = layout.PopState();
        return string.Join("\n", items.Select(item => item.IsRaw ? item.Text : string.Join("\n", item.Lines!)));
    }
}
