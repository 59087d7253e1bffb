using Help.Core.Model;
using static Help.Core.Rendering.Html.HtmlText;

namespace Help.Core.Rendering.Html.Blocks;

/// <summary>An image: its alternative text and caption (images are not copied into the index).</summary>
internal sealed class ImageHtml : HtmlBlockRenderer<Image>
{
    protected override void Write(HtmlRenderContext c, Image im)
    {
        var o = c.Out;
        // Images are not copied into the index: show the alternative text and the caption.
        o.Append("<figure><span class=\"image-alt\">").Append(Escape(im.Alt ?? "[image]")).Append("</span>");
        if (im.Caption.Count > 0)
        {
            o.Append("<figcaption>");
            c.WriteBlocks(im.Caption);
            o.Append("</figcaption>");
        }
        o.Append("</figure>");
    }
}
