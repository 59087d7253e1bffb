using System.Text;
using Help.Core.Model;
using static Help.Core.Rendering.Html.HtmlText;

namespace Help.Core.Rendering.Html.Blocks;

/// <summary>Code: <c>div.highlight-LANG pre</c>, each token the source marked in a <c>span</c> of its Pygments class.</summary>
internal sealed class LiteralBlockHtml : HtmlBlockRenderer<LiteralBlock>
{
    protected override void Write(HtmlRenderContext c, LiteralBlock l)
    {
        var o = c.Out;
        o.Append("<div class=\"highlight-").Append(Attr(l.Language ?? "default")).Append(l.IsDoctest ? " doctest" : "")
            .Append("\"><pre>");
        Code(l, o);
        o.Append("</pre></div>");
    }

    /// <summary>The code with each token the source marked in a <c>span</c> of its Pygments class.</summary>
    private static void Code(LiteralBlock l, StringBuilder o)
    {
        var at = 0;
        foreach (var run in l.Highlight)
        {
            if (at + run.Length > l.Text.Length)
            {
                break;
            }
            var text = Escape(l.Text.Substring(at, run.Length));
            if (run.Token.Length == 0)
            {
                o.Append(text);
            }
            else
            {
                o.Append("<span class=\"").Append(Attr(run.Token)).Append("\">").Append(text).Append("</span>");
            }
            at += run.Length;
        }
        o.Append(Escape(l.Text[at..]));
    }
}
