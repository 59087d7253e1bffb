using Help.Core.Index;
using Help.Core.Model;
using Help.Core.Rendering.Text;

namespace Help.Core.Search;

/// <summary>
/// One topic as the search index sees it: its names, its kind and doc set for filters, and its text as plain
/// strings. Everything is rendered before it gets here; the index knows nothing of blocks or markup.
/// </summary>
/// <param name="Key">The topic's key (<c>concurrent.futures.ThreadPoolExecutor</c>); exact matches rank first.</param>
/// <param name="Kind">What the topic documents; a query may filter on it.</param>
/// <param name="DocSet">The doc set id (<c>python-3.11</c>); a query may filter on it.</param>
/// <param name="Title">The human title, weighted like the key.</param>
/// <param name="Signature">The first signature of a documented object, or null.</param>
/// <param name="Summary">One line about the topic (its first sentence), or null.</param>
/// <param name="Body">Plain text of the topic's own content, without the content of nested topics.</param>
/// <param name="Source">The page and anchor (<c>whatsnew/3.11.html#summary</c>); change logs rank low by it.</param>
public sealed record SearchDocument(
    string Key,
    TopicKind Kind,
    string DocSet,
    string Title,
    string? Signature,
    string? Summary,
    string Body,
    string? Source)
{
    /// <summary>
    /// The <see cref="Body"/> of a stored topic (nested topics already replaced by includes): its own blocks
    /// as plain text. The indexer and the reader of an index without bodies both call this, so a snippet
    /// is cut from the very text that was indexed.
    /// </summary>
    public static string BodyOf(IReadOnlyList<Block> storedBody) => TextRenderer.Default.RenderBlocks(storedBody, new TextRenderOptions());

    /// <summary>
    /// The bodies an index without them was built with, from the topics table written beside it: each row's
    /// own topic (never one an alias of its key names), rendered by <see cref="BodyOf"/>. Snippets are cut from
    /// them, and an update gives them back to FTS5 to forget a row.
    /// </summary>
    public static SearchBodySource BodiesIn(TopicsTable table) =>
        (key, kind, docSet) => table.FindOwn(key, kind, docSet) is { } topic ? BodyOf(topic.Body) : null;
}
