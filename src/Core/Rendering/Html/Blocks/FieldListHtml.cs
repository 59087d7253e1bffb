using Help.Core.Model;

namespace Help.Core.Rendering.Html.Blocks;

/// <summary>A field list: <c>dl.field-list</c> (Parameters, Returns, ...).</summary>
internal sealed class FieldListHtml : HtmlBlockRenderer<FieldList>
{
    protected override void Write(HtmlRenderContext c, FieldList f)
    {
        var o = c.Out;
        o.Append("<dl class=\"field-list\">");
        foreach (var field in f.Fields)
        {
            o.Append("<dt>");
            c.WriteInlines(field.Name);
            o.Append("</dt><dd>");
            c.WriteBlocks(field.Body);
            o.Append("</dd>");
        }
        o.Append("</dl>");
    }
}
