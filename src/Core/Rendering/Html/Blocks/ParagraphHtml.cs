using Help.Core.Model;

namespace Help.Core.Rendering.Html.Blocks;

/// <summary>A paragraph: <c>p</c>.</summary>
internal sealed class ParagraphHtml : HtmlBlockRenderer<Paragraph>
{
    protected override void Write(HtmlRenderContext c, Paragraph p)
    {
        var o = c.Out;
        o.Append("<p>");
        c.WriteInlines(p.Content);
        o.Append("</p>");
    }
}
