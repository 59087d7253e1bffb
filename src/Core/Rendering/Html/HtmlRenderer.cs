using System.Text;
using Help.Core.Model;
using Help.Core.Rendering.Html.Blocks;
using Help.Core.Rendering.Text;

namespace Help.Core.Rendering.Html;

/// <summary>
/// Renders the document model as an HTML fragment: the cleaned content of a topic, in the element
/// and class vocabulary of Sphinx's HTML writer (<c>dl.py.method</c>, <c>div.admonition.note</c>,
/// <c>div.highlight-python3</c>), so stylesheets written for Sphinx pages apply. Every text is
/// escaped; nothing from the source is passed through as markup. Code keeps its Pygments token classes
/// (<c>&lt;span class="k"&gt;</c>). Internal links keep their targets as the source page wrote them (relative to
/// <see cref="Topic.SourcePage"/>) unless a <see cref="LinkAddress"/> gives each the reader's own address.
/// One renderer per block type (<c>Blocks/</c>), as the text renderer has. Immutable and thread-safe.
/// </summary>
public sealed class HtmlRenderer
{
    public static readonly HtmlRenderer Default = new();

    internal const int MaxIncludeDepth = 8;

    private readonly Dictionary<Type, HtmlBlockRenderer> _renderers;

    public HtmlRenderer()
    {
        HtmlBlockRenderer[] renderers =
        [
            new SectionHtml(), new ParagraphHtml(), new LiteralBlockHtml(), new GrammarHtml(), new BulletListHtml(),
            new EnumeratedListHtml(), new DefinitionListHtml(), new FieldListHtml(), new TableHtml(), new AdmonitionHtml(),
            new VersionNoteHtml(), new BlockQuoteHtml(), new LineBlockHtml(), new RubricHtml(), new TransitionHtml(),
            new FootnoteHtml(), new ImageHtml(), new DescriptionHtml(), new TopicIncludeHtml(), new AnchorHtml(),
            new PreformattedHtml(),
        ];
        _renderers = renderers.ToDictionary(r => r.BlockType);
    }

    /// <summary>The topic's body as an HTML fragment; includes are expanded through <paramref name="resolver"/>.</summary>
    public string Render(Topic topic, ITopicResolver? resolver = null) => Render(topic, resolver, null, null);

    /// <summary>
    /// The topic's body as an HTML fragment, each internal link's address given by <paramref name="address"/> (from
    /// the topic that holds the link, an included one for its own links), and its headings and described objects
    /// added to <paramref name="contents"/> in document order.
    /// </summary>
    public string Render(Topic topic, ITopicResolver? resolver, LinkAddress? address, List<ContentsEntry>? contents)
    {
        var sb = new StringBuilder();
        new HtmlRenderContext(this, sb, resolver, HeadingLevel: 1, Depth: 0, topic, address, contents).WriteBlocks(topic.Body);
        return sb.ToString();
    }

    /// <summary>Where an internal link of <paramref name="owner"/> points, or null to leave it as the source wrote it.</summary>
    public delegate string? LinkAddress(Topic owner, string href);

    /// <summary>A heading or a described object of a rendered topic: its id, its text, and its depth (1 for the top).</summary>
    public sealed record ContentsEntry(string Id, string Text, int Level, bool IsObject);

    internal void Write(HtmlRenderContext context, Block block)
    {
        // A block type without a renderer (added to the model later) is left out rather than fatal.
        if (_renderers.TryGetValue(block.GetType(), out var renderer))
        {
            renderer.Write(context, block);
        }
    }
}
