using Help.Core.Model;
using static Help.Core.Rendering.Html.HtmlText;

namespace Help.Core.Rendering.Html.Blocks;

/// <summary>A footnote: <c>aside.footnote#footnote-LABEL</c>, where its references point.</summary>
internal sealed class FootnoteHtml : HtmlBlockRenderer<Footnote>
{
    protected override void Write(HtmlRenderContext c, Footnote fn)
    {
        var o = c.Out;
        o.Append("<aside class=\"footnote\" id=\"footnote-").Append(Attr(fn.Label)).Append("\"><span class=\"label\">[")
            .Append(Escape(fn.Label)).Append("]</span>");
        c.WriteBlocks(fn.Content);
        o.Append("</aside>");
    }
}
