using Help.Core.Model;
using static Help.Core.Rendering.Html.HtmlText;

namespace Help.Core.Rendering.Html.Blocks;

/// <summary>A note, warning or see-also: <c>div.admonition.KIND</c> with its title.</summary>
internal sealed class AdmonitionHtml : HtmlBlockRenderer<Admonition>
{
    protected override void Write(HtmlRenderContext c, Admonition a)
    {
        var o = c.Out;
        o.Append("<div class=\"admonition ").Append(Attr(a.Kind)).Append("\"><p class=\"admonition-title\">");
        if (a.Title is not null)
        {
            c.WriteInlines(a.Title);
        }
        else
        {
            o.Append(Escape(AdmonitionTitle(a.Kind)));
        }
        o.Append("</p>");
        c.WriteBlocks(a.Body);
        o.Append("</div>");
    }

    private static string AdmonitionTitle(string kind) => kind switch
    {
        "seealso" => "See also",
        "admonition" => "",
        _ => char.ToUpperInvariant(kind[0]) + kind[1..],
    };
}
