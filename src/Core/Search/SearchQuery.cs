using Help.Core.Model;

namespace Help.Core.Search;

/// <summary>
/// What a user asked for. <see cref="Text"/> is taken as typed: any string is a valid query, operators and
/// quotes included, and none of it is passed to the engine unescaped.
/// </summary>
/// <param name="Text">The words to look for. The last word also matches as a prefix; <c>word*</c> asks for one.</param>
/// <param name="Limit">The most hits to return; zero or less returns none.</param>
/// <param name="Kinds">Only topics of these kinds, or all kinds when null or empty.</param>
/// <param name="DocSet">Only topics of this doc set id, or all doc sets when null.</param>
/// <param name="Snippets">
/// Make each hit's snippet. False leaves <see cref="SearchHit.Snippet"/> empty and spares reading the hits'
/// bodies, for output that shows only keys and summaries (piped <c>pyhelp -k</c>, as <c>pydoc -k</c> prints).
/// </param>
public sealed record SearchQuery(
    string Text,
    int Limit = 20,
    IReadOnlyCollection<TopicKind>? Kinds = null,
    string? DocSet = null,
    bool Snippets = true);
