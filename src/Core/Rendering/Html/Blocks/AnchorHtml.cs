using Help.Core.Model;
using static Help.Core.Rendering.Html.HtmlText;

namespace Help.Core.Rendering.Html.Blocks;

/// <summary>An empty target: <c>span.target#id</c>, where a link to an id inside a paragraph or list lands.</summary>
internal sealed class AnchorHtml : HtmlBlockRenderer<Anchor>
{
    protected override void Write(HtmlRenderContext c, Anchor a)
    {
        var o = c.Out;
        // An empty target: where a link to an id inside a paragraph or list lands.
        o.Append("<span class=\"target\" id=\"").Append(Attr(a.Id)).Append("\"></span>");
    }
}
