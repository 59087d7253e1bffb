using Help.Core.Model;

namespace Help.Core.Rendering.Html.Blocks;

/// <summary>A rubric: <c>p.rubric</c>.</summary>
internal sealed class RubricHtml : HtmlBlockRenderer<Rubric>
{
    protected override void Write(HtmlRenderContext c, Rubric r)
    {
        var o = c.Out;
        o.Append("<p class=\"rubric\">");
        c.WriteInlines(r.Content);
        o.Append("</p>");
    }
}
