namespace Help.Core.Model;

/// <summary>
/// One entry of the topics table: everything a lookup shows for one key. Importers produce topics;
/// renderers turn <see cref="Body"/> into text or HTML.
/// </summary>
public sealed record Topic
{
    /// <summary>The key a user types: a dotted name, a label, a glossary term, a pydoc keyword.</summary>
    public required string Key { get; init; }

    public required TopicKind Kind { get; init; }

    /// <summary>The doc set this topic belongs to, e.g. <c>python-3.11</c>. See <see cref="DocSet"/>.</summary>
    public required string DocSet { get; init; }

    /// <summary>A human title: the section title, the object's dotted name, the term.</summary>
    public required string Title { get; init; }

    /// <summary>The Sphinx role where one applies (<c>py:coroutinefunction</c>, <c>std:label</c>), else null.</summary>
    public string? Role { get; init; }

    /// <summary>The first signature of a documented object, null for prose.</summary>
    public string? Signature { get; init; }

    /// <summary>The key of the enclosing module or class, when there is one.</summary>
    public string? Parent { get; init; }

    /// <summary>The page relative to the doc set's root (<c>library/asyncio-task.html</c>), or a source file path.</summary>
    public string? SourcePage { get; init; }

    /// <summary>The anchor in <see cref="SourcePage"/>, without <c>#</c>.</summary>
    public string? Anchor { get; init; }

    /// <summary>Other keys that name this topic (a section's anchor, a label on a module page).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>
    /// The ids inside the topic's own content that no nested topic holds (<c>index-86</c>, <c>dir-fd</c>): where
    /// a link to <c>page#id</c> or one of the authors' index entries lands.
    /// </summary>
    public IReadOnlyList<string> Anchors { get; init; } = [];

    /// <summary>
    /// Where the topic's internal links land, found when the index was built: each target as the source wrote it
    /// (<c>../library/json.html#json.dumps</c>) with the topic that holds it. A link missing here points outside
    /// every indexed topic (a C API object, a download).
    /// </summary>
    public IReadOnlyDictionary<string, LinkTo> Links { get; init; } = EmptyLinks;

    private static readonly IReadOnlyDictionary<string, LinkTo> EmptyLinks = new Dictionary<string, LinkTo>();

    /// <summary>Keys of related topics, in the order shown (pydoc's "Related help topics").</summary>
    public IReadOnlyList<string> Related { get; init; } = [];

    /// <summary>The content. A topic for a section holds that section as its single block.</summary>
    public required IReadOnlyList<Block> Body { get; init; }

    /// <summary>Where a topic came from, for diagnostics: the file path as given to the indexer.</summary>
    public string? Origin { get; init; }

    /// <summary><c>SourcePage#Anchor</c>, or the page alone, or null.</summary>
    public string? Source => SourcePage is null ? null : Anchor is null ? SourcePage : $"{SourcePage}#{Anchor}";
}
