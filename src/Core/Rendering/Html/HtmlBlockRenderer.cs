using Help.Core.Model;

namespace Help.Core.Rendering.Html;

/// <summary>Writes one kind of block as HTML (see <see cref="HtmlRenderer"/>), as <c>TextBlockRenderer</c> does for text.</summary>
internal abstract class HtmlBlockRenderer
{
    public abstract Type BlockType { get; }

    public abstract void Write(HtmlRenderContext context, Block block);
}

/// <summary>A <see cref="HtmlBlockRenderer"/> for blocks of type <typeparamref name="T"/>.</summary>
internal abstract class HtmlBlockRenderer<T> : HtmlBlockRenderer
    where T : Block
{
    public sealed override Type BlockType => typeof(T);

    public sealed override void Write(HtmlRenderContext context, Block block) => Write(context, (T)block);

    protected abstract void Write(HtmlRenderContext context, T block);
}
