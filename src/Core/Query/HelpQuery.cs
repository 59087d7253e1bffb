using Help.Core.Index;
using Help.Core.Model;
using Help.Core.Rendering;
using Help.Core.Rendering.Html;
using Help.Core.Rendering.Text;
using Help.Core.Search;

namespace Help.Core.Query;

/// <summary>
/// Everything a front end asks of the index: resolve a key, render a topic, search, list. The CLI and
/// the server both call this and differ only in how they present the answers.
/// </summary>
public sealed class HelpQuery
{
    private static readonly TextRenderer Renderer = new();
    private readonly HelpIndex _index;
    // Built on the first completion only: a lookup never pays for it.
    private (string Folded, KeyEntry Entry)[]? _completionKeys;

    public HelpQuery(HelpIndex index) => _index = index;

    /// <summary>
    /// Resolves a key, in order: exact; ignoring case; by dotted suffix as <c>go doc</c> does
    /// (<c>Executor.submit</c>); several suffix matches are returned as a choice, never guessed.
    /// </summary>
    public LookupResult Lookup(string key, TopicKind? kind = null, string? docSet = null)
    {
        key = key.Trim();
        if (key.Length == 0)
        {
            return new LookupResult(LookupStatus.NotFound, null, []);
        }
        bool Wanted(KeyEntry e) => (kind is null || e.Kind == kind) && (docSet is null || e.DocSet == docSet);

        var exact = _index.Table.FindExact(key).Where(Wanted).ToList();
        if (exact.Count > 0)
        {
            return OneOf(exact, KeyMatch.Exact);
        }
        var folded = _index.Table.FindFolded(key).Where(Wanted).ToList();
        if (folded.Count > 0)
        {
            return OneOf(folded, KeyMatch.IgnoringCase);
        }
        var suffix = SuffixMatches(key).Where(Wanted).ToList();
        if (suffix.Count == 1)
        {
            return Found(suffix[0], KeyMatch.Suffix);
        }
        if (suffix.Count > 1 && SpecialNameOwner(key, suffix) is { } special)
        {
            return Found(special, KeyMatch.SpecialName);
        }
        if (suffix.Count > 1)
        {
            return new LookupResult(LookupStatus.Ambiguous, null, suffix) { MatchedBy = KeyMatch.Suffix };
        }
        return new LookupResult(LookupStatus.NotFound, null, Suggest(key, 5, kind, docSet));
    }

    /// <summary>
    /// The topic a key names, among the topics of one spelling (best kind first): the best kind's, when one doc set
    /// has it (of a project with several versions installed, the newest: <c>python-3.12</c> over <c>python-3.11</c>);
    /// when several projects have it (a label <c>installation</c> in Flask's docs and pytest's), a choice to make.
    /// </summary>
    private LookupResult OneOf(List<KeyEntry> entries, KeyMatch how)
    {
        var best = entries.Where(e => TopicKinds.Priority(e.Kind) == TopicKinds.Priority(entries[0].Kind)).ToList();
        var perProject = best
            .GroupBy(e => DocSetNames.Project(e.DocSet))
            .Select(g => g.OrderByDescending(e => DocSetNames.Version(e.DocSet)).First())
            .ToList();
        return perProject.Count == 1
            ? Found(perProject[0], how)
            : new LookupResult(LookupStatus.Ambiguous, null, perProject) { MatchedBy = how };
    }

    /// <summary>
    /// The language reference documents special names (<c>__init__</c>, <c>__doc__</c>) on these
    /// stand-ins; every other class that lists one only refines it, so a bare special name means these.
    /// </summary>
    private static readonly string[] SpecialNameOwners = ["object", "definition", "type", "class", "instance", "function", "module"];

    private static KeyEntry? SpecialNameOwner(string key, List<KeyEntry> matches)
    {
        if (key.Length < 5 || !key.StartsWith("__", StringComparison.Ordinal) || !key.EndsWith("__", StringComparison.Ordinal) || key.Contains('.'))
        {
            return null;
        }
        return SpecialNameOwners
            .Select(owner => matches.FirstOrDefault(m => m.Key == $"{owner}.{key}"))
            .FirstOrDefault(m => m is not null);
    }

    private LookupResult Found(KeyEntry entry, KeyMatch how) =>
        new(LookupStatus.Found, _index.Table.ReadTopic(entry), [entry]) { MatchedBy = how };

    /// <summary>Keys whose trailing dotted components equal <paramref name="key"/>, one per topic, best first.</summary>
    private List<KeyEntry> SuffixMatches(string key)
    {
        var tail = "." + key;
        return _index.Table.FindByLastName(TopicsTableFormat.LastName(key))
            .Where(e => e.Key.EndsWith(tail, StringComparison.OrdinalIgnoreCase))
            .GroupBy(e => e.TopicOrdinal)
            .Select(g => g.OrderBy(e => e.IsAlias).First())
            .OrderBy(e => TopicKinds.Priority(e.Kind))
            .ThenBy(e => e.Key.Count(c => c == '.'))
            .ThenBy(e => e.Key, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Up to <paramref name="max"/> keys spelled close to <paramref name="key"/>, closest first: the whole key
    /// (<c>asyncio.gahter</c>) or, for a name without dots, a key's last name (<c>ThreadPolExecutor</c> is
    /// <c>concurrent.futures.ThreadPoolExecutor</c>'s), within about one edit in four letters (Lucene's <c>FuzzyQuery</c>).
    /// </summary>
    public IReadOnlyList<KeyEntry> Suggest(string key, int max, TopicKind? kind = null, string? docSet = null) =>
        _index.Search.CloseKeys(key, max, kind, docSet)
            .Select(k => _index.Table.FindExact(k.Key).FirstOrDefault(e => e.Kind == k.Kind && e.DocSet == k.DocSet))
            .OfType<KeyEntry>()
            .ToList();

    /// <summary>
    /// Up to <paramref name="max"/> keys that start with <paramref name="prefix"/> ignoring case, in table
    /// order (folded, then ordinal), each key once: completion for an editor. Section keys
    /// (<c>page#anchor</c>) are left out unless the prefix reaches into one; with <paramref name="docSet"/>, only its keys.
    /// </summary>
    public IReadOnlyList<KeyEntry> Complete(string prefix, int max, string? docSet = null)
    {
        var keys = _completionKeys ??= _index.Table.AllKeys().Select(e => (TopicsTableFormat.Fold(e.Key), e)).ToArray();
        var folded = TopicsTableFormat.Fold(prefix);
        int lo = 0, hi = keys.Length;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (string.CompareOrdinal(keys[mid].Folded, folded) < 0) lo = mid + 1; else hi = mid;
        }
        var found = new List<KeyEntry>();
        var sections = prefix.Contains('#');
        for (var i = lo; i < keys.Length && found.Count < max && keys[i].Folded.StartsWith(folded, StringComparison.Ordinal); i++)
        {
            var e = keys[i].Entry;
            if ((sections || e.Kind != TopicKind.Section) && (docSet is null || e.DocSet == docSet) && (found.Count == 0 || found[^1].Key != e.Key))
            {
                found.Add(e);
            }
        }
        return found;
    }

    /// <summary>The topic as text, as pydoc prints it: the body, then pydoc's related topics line if any.</summary>
    public string RenderText(Topic topic, TextRenderOptions options)
    {
        var text = Renderer.Render(topic, options, IncludesOf(topic.DocSet));
        return topic.Related.Count == 0 ? text : text.TrimEnd() + "\n\n" + RelatedTopics.Line(topic.Related) + "\n";
    }

    /// <summary>The topic as a cleaned HTML fragment (see <see cref="HtmlRenderer"/>).</summary>
    public string RenderHtml(Topic topic) => HtmlRenderer.Default.Render(topic, IncludesOf(topic.DocSet));

    /// <summary>
    /// The topic as an HTML fragment whose internal links go where <paramref name="address"/> says (a viewer's own
    /// addresses), its headings and described objects listed in <paramref name="contents"/>.
    /// </summary>
    public string RenderHtml(Topic topic, HtmlRenderer.LinkAddress address, List<HtmlRenderer.ContentsEntry>? contents = null) =>
        HtmlRenderer.Default.Render(topic, IncludesOf(topic.DocSet), address, contents);

    /// <summary>The first sentence of the topic's own text, for listings and JSON.</summary>
    public string Summary(Topic topic) => PlainText.Summary(ExpandTop(topic.Body, IncludesOf(topic.DocSet)));

    /// <summary>Search (see <see cref="SearchIndex"/>).</summary>
    public IReadOnlyList<SearchHit> Search(SearchQuery query) => _index.Search.Search(query);

    /// <summary>
    /// Whether the index holds any documented module: an index of only the tool's manual and pydoc's topics was built
    /// on a machine without Python's HTML docs, and a lookup of an object should say so, not just "not found".
    /// </summary>
    public bool HasApiDocs() => _index.Table.AllKeys().Any(e => e.Kind == TopicKind.Module);

    /// <summary>Each doc set of the index with how many topics it has, in the table's order.</summary>
    public IReadOnlyList<(string DocSet, int Topics)> DocSetSizes() => _index.Table.AllKeys()
        .Where(e => !e.IsAlias)
        .GroupBy(e => e.DocSet)
        .Select(g => (g.Key, g.Count()))
        .OrderBy(d => d.Key, StringComparer.Ordinal)
        .ToList();

    /// <summary>The keys of one kind, sorted ordinally and without duplicates (the lists of <c>keywords</c>, <c>modules</c>).</summary>
    public IReadOnlyList<string> ListKeys(TopicKind kind) => _index.Table.AllKeys()
        .Where(e => e.Kind == kind && !e.IsAlias)
        .Select(e => e.Key)
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>An include always names a topic of its own doc set (a keyword's label, a class's method).</summary>
    private DocSetIncludes IncludesOf(string docSet) => new(_index.Table, docSet);

    private sealed class DocSetIncludes(TopicsTable table, string docSet) : ITopicResolver
    {
        public Topic? Resolve(string key, TopicKind kind) => table.Find(key, kind, docSet);
    }

    private static IReadOnlyList<Block> ExpandTop(IReadOnlyList<Block> body, ITopicResolver includes)
    {
        // A pydoc keyword's body is an include of its label's section: summarize what it shows.
        for (var depth = 0; depth < 4 && body.Count == 1 && body[0] is TopicInclude include; depth++)
        {
            var target = includes.Resolve(include.Key, include.Kind);
            if (target is null) break;
            body = target.Body;
        }
        return body;
    }
}
