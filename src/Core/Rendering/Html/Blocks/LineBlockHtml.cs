using Help.Core.Model;

namespace Help.Core.Rendering.Html.Blocks;

/// <summary>A line block: <c>div.line-block</c>, a <c>div.line</c> per line.</summary>
internal sealed class LineBlockHtml : HtmlBlockRenderer<LineBlock>
{
    protected override void Write(HtmlRenderContext c, LineBlock lb)
    {
        var o = c.Out;
        o.Append("<div class=\"line-block\">");
        foreach (var line in lb.Lines)
        {
            o.Append("<div class=\"line\">");
            c.WriteInlines(line);
            o.Append("</div>");
        }
        o.Append("</div>");
    }
}
