using Help.Core.Model;
using static Help.Core.Rendering.Html.HtmlText;

namespace Help.Core.Rendering.Html.Blocks;

/// <summary>A transition: <c>hr</c>.</summary>
internal sealed class TransitionHtml : HtmlBlockRenderer<Transition>
{
    protected override void Write(HtmlRenderContext c, Transition block)
    {
        var o = c.Out;
        o.Append("<hr>");
    }
}
