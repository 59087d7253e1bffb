using Help.Core.Model;
using static Help.Core.Rendering.Html.HtmlText;

namespace Help.Core.Rendering.Html.Blocks;

/// <summary>A described object: <c>dl.DOMAIN.ROLE</c> with its signatures (the first one's anchor goes into the contents).</summary>
internal sealed class DescriptionHtml : HtmlBlockRenderer<Description>
{
    protected override void Write(HtmlRenderContext c, Description d)
    {
        var o = c.Out;
        var classes = d.Role.Replace(':', ' ');
        o.Append("<dl class=\"").Append(Attr(classes)).Append("\">");
        foreach (var sig in d.Signatures)
        {
            if (sig.Anchor is not null && ReferenceEquals(sig, d.Signatures[0]))
            {
                c.Contents?.Add(new HtmlRenderer.ContentsEntry(sig.Anchor, sig.Anchor, c.HeadingLevel, IsObject: true));
            }
            o.Append("<dt class=\"sig\"").Append(Id(sig.Anchor)).Append("><code>").Append(Escape(sig.Text)).Append("</code></dt>");
        }
        o.Append("<dd>");
        c.WriteBlocks(d.Body);
        o.Append("</dd></dl>");
    }
}
