using System.Text;
using Help.Core.Model;
using Help.Core.Rendering.Text;

namespace Help.Core.Rendering.Html;

/// <summary>
/// Where one rendering writes and what it knows: the output, the includes' resolver, the heading level and include
/// depth at this point, the topic whose blocks these are (an included topic's links are its own), the link addresses
/// and the contents being gathered. A record: a nested call changes a level with <c>with</c>.
/// </summary>
internal sealed record HtmlRenderContext(
    HtmlRenderer Renderer,
    StringBuilder Out,
    ITopicResolver? Resolver,
    int HeadingLevel,
    int Depth,
    Topic Owner,
    HtmlRenderer.LinkAddress? Address,
    List<HtmlRenderer.ContentsEntry>? Contents)
{
    public void WriteBlocks(IReadOnlyList<Block> blocks)
    {
        foreach (var block in blocks)
        {
            Renderer.Write(this, block);
        }
    }

    public void WriteInlines(IReadOnlyList<Inline> inlines) => HtmlInlines.Write(this, inlines);

    public void WriteItems(IReadOnlyList<ListItem> items)
    {
        foreach (var item in items)
        {
            Out.Append("<li>");
            WriteBlocks(item.Content);
            Out.Append("</li>");
        }
    }
}
