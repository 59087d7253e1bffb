using Help.Core.Model;
using Help.Core.Rendering;
using static Help.Core.Rendering.Html.HtmlText;

namespace Help.Core.Rendering.Html.Blocks;

/// <summary>A section: <c>section#anchor</c> with a heading one level below its parent's; its anchor goes into the contents.</summary>
internal sealed class SectionHtml : HtmlBlockRenderer<Section>
{
    protected override void Write(HtmlRenderContext c, Section s)
    {
        var o = c.Out;
        o.Append("<section").Append(Id(s.Anchor)).Append('>');
        var level = Math.Min(c.HeadingLevel, 6);
        if (s.Anchor is not null)
        {
            c.Contents?.Add(new HtmlRenderer.ContentsEntry(s.Anchor, PlainText.Inline(s.Title), c.HeadingLevel, IsObject: false));
        }
        o.Append("<h").Append(level).Append('>');
        c.WriteInlines(s.Title);
        o.Append("</h").Append(level).Append('>');
        (c with { HeadingLevel = c.HeadingLevel + 1 }).WriteBlocks(s.Body);
        o.Append("</section>");
    }
}
