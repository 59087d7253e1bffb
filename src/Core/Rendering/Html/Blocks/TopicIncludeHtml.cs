using Help.Core.Model;
using static Help.Core.Rendering.Html.HtmlText;

namespace Help.Core.Rendering.Html.Blocks;

/// <summary>Another topic in place: its blocks, as its own (its links are its own), at most eight includes deep.</summary>
internal sealed class TopicIncludeHtml : HtmlBlockRenderer<TopicInclude>
{
    protected override void Write(HtmlRenderContext c, TopicInclude include)
    {
        var o = c.Out;
        var target = c.Depth < HtmlRenderer.MaxIncludeDepth ? c.Resolver?.Resolve(include.Key, include.Kind) : null;
        if (target is null)
        {
            o.Append("<p class=\"unresolved\">See <code>").Append(Escape(include.Key)).Append("</code>.</p>");
        }
        else
        {
            (c with { Depth = c.Depth + 1, Owner = target }).WriteBlocks(target.Body);
        }
    }
}
