using Help.Core.Model;
using static Help.Core.Rendering.Html.HtmlText;

namespace Help.Core.Rendering.Html.Blocks;

/// <summary>A definition list: <c>dl</c> (<c>dl.glossary</c> for terms), each term with its anchor.</summary>
internal sealed class DefinitionListHtml : HtmlBlockRenderer<DefinitionList>
{
    protected override void Write(HtmlRenderContext c, DefinitionList d)
    {
        var o = c.Out;
        o.Append(d.IsGlossary ? "<dl class=\"glossary\">" : "<dl>");
        foreach (var item in d.Items)
        {
            o.Append("<dt").Append(Id(item.Anchor)).Append('>');
            c.WriteInlines(item.Term);
            o.Append("</dt><dd>");
            c.WriteBlocks(item.Definition);
            o.Append("</dd>");
        }
        o.Append("</dl>");
    }
}
