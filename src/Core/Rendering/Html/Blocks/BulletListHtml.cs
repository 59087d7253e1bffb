using Help.Core.Model;

namespace Help.Core.Rendering.Html.Blocks;

/// <summary>A bullet list: <c>ul</c>.</summary>
internal sealed class BulletListHtml : HtmlBlockRenderer<BulletList>
{
    protected override void Write(HtmlRenderContext c, BulletList b)
    {
        var o = c.Out;
        o.Append("<ul>");
        c.WriteItems(b.Items);
        o.Append("</ul>");
    }
}
