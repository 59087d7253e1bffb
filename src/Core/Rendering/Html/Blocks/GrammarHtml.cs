using Help.Core.Model;
using static Help.Core.Rendering.Html.HtmlText;

namespace Help.Core.Rendering.Html.Blocks;

/// <summary>A grammar: <c>pre.productionlist</c>, the rule names aligned as Sphinx aligns them.</summary>
internal sealed class GrammarHtml : HtmlBlockRenderer<Grammar>
{
    protected override void Write(HtmlRenderContext c, Grammar g)
    {
        var o = c.Out;
        o.Append("<pre class=\"productionlist\">");
        var width = g.Productions.Max(p => p.Name?.Length ?? 0);
        foreach (var p in g.Productions)
        {
            o.Append(p.Name is null ? new string(' ', width + 4) : $"<strong>{Escape(p.Name)}</strong>{new string(' ', width - p.Name.Length)} ::= ")
                .Append(Escape(p.Definition)).Append('\n');
        }
        o.Append("</pre>");
    }
}
