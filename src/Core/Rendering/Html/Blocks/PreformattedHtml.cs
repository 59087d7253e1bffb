using Help.Core.Model;
using static Help.Core.Rendering.Html.HtmlText;

namespace Help.Core.Rendering.Html.Blocks;

/// <summary>Text already laid out (pydoc's topics): <c>pre.preformatted</c>.</summary>
internal sealed class PreformattedHtml : HtmlBlockRenderer<Preformatted>
{
    protected override void Write(HtmlRenderContext c, Preformatted pf)
    {
        var o = c.Out;
        o.Append("<pre class=\"preformatted\">").Append(Escape(pf.Text)).Append("</pre>");
    }
}
