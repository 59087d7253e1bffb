using Help.Core.Model;

namespace Help.Core.Rendering.Html.Blocks;

/// <summary>A transition: <c>hr</c>.</summary>
internal sealed class TransitionHtml : HtmlBlockRenderer<Transition>
{
    protected override void Write(HtmlRenderContext c, Transition block)
    {
        c.Out.Append("<hr>");
    }
}
