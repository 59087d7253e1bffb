using Help.Core.Model;
using Help.Core.Rendering;

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
    /// <summary>Other keys of the topic (a module's label), searched as its names.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The doc authors' index entries that lead into the topic (Sphinx's <c>index</c> directive: "walrus operator").</summary>
    public IReadOnlyList<string> IndexEntries { get; init; } = [];

    /// <summary>How many links of the doc set point at the topic.</summary>
    public int InboundLinks { get; init; }

    /// <summary>Whether the docs mark the topic, or the module it belongs to, deprecated.</summary>
    public bool Deprecated { get; init; }

    /// <summary>
    /// The <see cref="Body"/> of a stored topic (nested topics already replaced by includes): its own blocks as plain
    /// text (<see cref="PlainText.Blocks"/>). The index stores it, and snippets are cut from it.
    /// </summary>
    public static string BodyOf(IReadOnlyList<Block> storedBody) => PlainText.Blocks(storedBody);
}
