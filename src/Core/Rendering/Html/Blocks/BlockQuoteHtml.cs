using Help.Core.Model;

namespace Help.Core.Rendering.Html.Blocks;

/// <summary>A block quote: <c>blockquote</c>.</summary>
internal sealed class BlockQuoteHtml : HtmlBlockRenderer<BlockQuote>
{
    protected override void Write(HtmlRenderContext c, BlockQuote q)
    {
        var o = c.Out;
        o.Append("<blockquote>");
        c.WriteBlocks(q.Content);
        o.Append("</blockquote>");
    }
}
