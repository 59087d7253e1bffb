using Help.Core.Model;

namespace Help.Core.Rendering.Html.Blocks;

/// <summary>An enumerated list: <c>ol</c>, with its start when it is not 1.</summary>
internal sealed class EnumeratedListHtml : HtmlBlockRenderer<EnumeratedList>
{
    protected override void Write(HtmlRenderContext c, EnumeratedList e)
    {
        var o = c.Out;
        o.Append(e.Start == 1 ? "<ol>" : $"<ol start=\"{e.Start}\">");
        c.WriteItems(e.Items);
        o.Append("</ol>");
    }
}
