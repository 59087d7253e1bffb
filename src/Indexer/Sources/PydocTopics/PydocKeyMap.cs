using System.Text;
using System.Text.Json;
using Help.Core.Model;
using Help.Core.Rendering;

namespace Help.Indexer.Sources.PydocTopics;

/// <summary>
/// What one pydoc key shows: the label of its text in the topics table and its related keys.
/// </summary>
/// <param name="Label">The topics-table label (<c>assert</c>, <c>booleans</c>) or, for a soft keyword, a Sphinx label.</param>
/// <param name="Related">The keys of pydoc's "Related help topics" line, in pydoc's order, duplicates kept.</param>
/// <param name="Kind">Which table the request was found in: symbols, keywords (soft keywords too) or topics.</param>
/// <param name="RequiredPage">For a soft keyword: the page the label must be on (a label of that name elsewhere means something else).</param>
public sealed record PydocKeyTarget(string Label, IReadOnlyList<string> Related, TopicKind Kind, string? RequiredPage);

/// <summary>
/// pydoc's key map (<c>Helper.keywords</c>, <c>.symbols</c>, <c>.topics</c>) read from data
/// (<c>content/pydoc/keys.json</c>, written by <c>tools/gen-pydoc-keys.py</c>), and a resolver that
/// follows <c>Helper.help</c>, <c>showsymbol</c> and <c>showtopic</c> of Lib/pydoc.py exactly.
/// </summary>
public sealed class PydocKeyMap
{
    /// <summary>pydoc's <c>textwrap.wrap(text, 72)</c> of the related line.</summary>

    /// <summary>Aliases are followed recursively in pydoc; a cycle there would recurse forever, here it stops.</summary>
    private const int MaxAliasDepth = 64;

    private readonly IReadOnlyDictionary<string, Entry> _keywords;
    private readonly IReadOnlyDictionary<string, Entry> _topics;
    private readonly IReadOnlyDictionary<string, SymbolEntry> _symbols;
    private readonly IReadOnlyDictionary<string, Entry> _softKeywords;

    private PydocKeyMap(
        string source,
        IReadOnlyDictionary<string, Entry> keywords,
        IReadOnlyDictionary<string, Entry> topics,
        IReadOnlyDictionary<string, SymbolEntry> symbols,
        IReadOnlyDictionary<string, Entry> softKeywords)
    {
        Source = source;
        _keywords = keywords;
        _topics = topics;
        _symbols = symbols;
        _softKeywords = softKeywords;
    }

    /// <summary>Where the map came from, as the data file says (<c>pydoc.Helper of Python 3.11 ...</c>).</summary>
    public string Source { get; }

    /// <summary>pydoc's keywords and the soft keywords, sorted as <c>Helper.list</c> sorts them (ordinal).</summary>
    public IEnumerable<string> Keywords => _keywords.Keys.Union(_softKeywords.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal);

    /// <summary>pydoc's topics (<c>TYPES</c>, <c>FORMATTING</c>), sorted.</summary>
    public IEnumerable<string> Topics => _topics.Keys.Order(StringComparer.Ordinal);

    /// <summary>pydoc's symbols (<c>%</c>, <c>**</c>), sorted.</summary>
    public IEnumerable<string> Symbols => _symbols.Keys.Order(StringComparer.Ordinal);

    /// <summary>Reads a key map; throws <see cref="InvalidDataException"/> naming the file when it is malformed.</summary>
    public static PydocKeyMap Load(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new InvalidDataException($"{path}: cannot read the pydoc key map: {e.Message}", e);
        }
        return Parse(json, path);
    }

    /// <summary>Parses a key map from its JSON text; <paramref name="path"/> names it in errors.</summary>
    public static PydocKeyMap Parse(string json, string path)
    {
        try
        {
            using var doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Disallow });
            var root = doc.RootElement;
            Require(root.ValueKind == JsonValueKind.Object, "the root is not an object");
            var source = root.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString()! : "";
            var map = new PydocKeyMap(
                source,
                ReadEntries(root, "keywords", allowPage: false),
                ReadEntries(root, "topics", allowPage: false),
                ReadSymbols(root),
                root.TryGetProperty("softKeywords", out _) ? ReadEntries(root, "softKeywords", allowPage: true) : new Dictionary<string, Entry>());
            map.Validate();
            return map;
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: the pydoc key map is not valid JSON: {e.Message}", e);
        }
        catch (FormatException e)
        {
            throw new InvalidDataException($"{path}: bad pydoc key map: {e.Message}", e);
        }
    }

    /// <summary>
    /// Resolves a request as <c>pydoc.Helper.help</c> does: the request is stripped, then looked up in
    /// the symbols, then the keywords (soft keywords after pydoc's own), then the topics. Returns null
    /// where pydoc finds no topic text (unknown keys, and <c>True</c>, <c>False</c>, <c>None</c>, which
    /// pydoc documents as objects instead).
    /// </summary>
    public PydocKeyTarget? Resolve(string request) => ResolveAll(request).FirstOrDefault();

    /// <summary>
    /// Every table's answer for a request, in pydoc's order. pydoc shows only the first; a key such
    /// as <c>_</c> is both a symbol (private names) and a soft keyword (the wildcard pattern).
    /// </summary>
    public IEnumerable<PydocKeyTarget> ResolveAll(string request)
    {
        var key = request.Trim();
        if (_symbols.TryGetValue(key, out var symbol)
            && ShowTopic(symbol.Topic, symbol.More, TopicKind.Symbol) is { } fromSymbol)
        {
            yield return fromSymbol;
        }
        if (_keywords.ContainsKey(key) && ShowTopic(key, [], TopicKind.Keyword) is { } fromKeyword)
        {
            yield return fromKeyword;
        }
        if (_softKeywords.TryGetValue(key, out var soft) && soft.Label is not null)
        {
            yield return new PydocKeyTarget(soft.Label, soft.Related, TopicKind.Keyword, soft.Page);
        }
        if (_topics.ContainsKey(key) && ShowTopic(key, [], TopicKind.Topic) is { } fromTopic)
        {
            yield return fromTopic;
        }
    }

    /// <summary>
    /// The topic a symbol names when pydoc's own tables have no such topic (<c>'`'</c> names
    /// <c>BACKQUOTES</c>, gone since Python 3): pydoc answers <c>no documentation found for 'BACKQUOTES'</c>.
    /// </summary>
    public string? UndocumentedTopic(string request) =>
        _symbols.TryGetValue(request.Trim(), out var symbol) && !_topics.ContainsKey(symbol.Topic) && !_keywords.ContainsKey(symbol.Topic)
            ? symbol.Topic
            : null;

    /// <summary>
    /// pydoc's related block: <c>'\n'.join(textwrap.wrap('Related help topics: ' + ', '.join(related) + '\n', 72))</c>,
    /// without the blank line showtopic puts before it. Empty when there is nothing related.
    /// </summary>
    public static string RelatedLine(IReadOnlyList<string> related) => RelatedTopics.Line(related);

    /// <summary>
    /// showtopic(topic, more_xrefs): <c>target = topics.get(topic, keywords.get(topic))</c>; an empty
    /// target has no documentation; a string target is shown in its place, with the same more_xrefs;
    /// a (label, xrefs) target gets <c>xrefs + ' ' + more_xrefs</c>, split on white space.
    /// </summary>
    private PydocKeyTarget? ShowTopic(string topic, IReadOnlyList<string> more, TopicKind kind)
    {
        for (var depth = 0; depth < MaxAliasDepth; depth++)
        {
            if (!_topics.TryGetValue(topic, out var target) && !_keywords.TryGetValue(topic, out target))
            {
                return null;
            }
            if (target.Alias is not null)
            {
                topic = target.Alias;
                continue;
            }
            if (target.Label is null)
            {
                return null;
            }
            return new PydocKeyTarget(target.Label, [.. target.Related, .. more], kind, null);
        }
        return null;
    }

    private void Validate()
    {
        // Every alias must end at a label, as the CAUTION comment in pydoc asks people to check by hand.
        // (A symbol may name a topic that does not exist: pydoc's '`' names BACKQUOTES, and
        // help('`') says "no documentation found"; Resolve returns null for it likewise.)
        foreach (var (name, entry) in _keywords.Concat(_topics))
        {
            if (entry.Alias is not null && ShowTopic(name, [], TopicKind.Topic) is null)
            {
                throw new FormatException($"alias '{name}' -> '{entry.Alias}' does not resolve to a label");
            }
        }
    }

    private static Dictionary<string, Entry> ReadEntries(JsonElement root, string table, bool allowPage)
    {
        var result = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var (name, value) in Table(root, table))
        {
            Require(value.ValueKind == JsonValueKind.Object, $"{table}.{name} is not an object");
            var alias = OptionalString(value, "alias", table, name);
            var label = OptionalString(value, "label", table, name);
            var page = OptionalString(value, "page", table, name);
            Require(alias is null || label is null, $"{table}.{name} has both an alias and a label");
            Require(alias is null || alias.Length > 0, $"{table}.{name} has an empty alias");
            Require(label is null || label.Length > 0, $"{table}.{name} has an empty label");
            Require(allowPage || page is null, $"{table}.{name}: only soft keywords have a page");
            Require(!allowPage || label is not null, $"{table}.{name} has no label");
            var related = StringList(value, "related", table, name);
            Require(label is not null || related.Count == 0, $"{table}.{name} has related keys but no label");
            result[name] = new Entry(label, alias, related, page);
        }
        return result;
    }

    private static Dictionary<string, SymbolEntry> ReadSymbols(JsonElement root)
    {
        var result = new Dictionary<string, SymbolEntry>(StringComparer.Ordinal);
        foreach (var (name, value) in Table(root, "symbols"))
        {
            Require(value.ValueKind == JsonValueKind.Object, $"symbols.{name} is not an object");
            var topic = OptionalString(value, "topic", "symbols", name);
            Require(!string.IsNullOrEmpty(topic), $"symbols.{name} has no topic");
            result[name] = new SymbolEntry(topic!, StringList(value, "more", "symbols", name));
        }
        return result;
    }

    private static IEnumerable<(string Name, JsonElement Value)> Table(JsonElement root, string table)
    {
        Require(root.TryGetProperty(table, out var element), $"no '{table}' table");
        Require(element.ValueKind == JsonValueKind.Object, $"'{table}' is not an object");
        foreach (var property in element.EnumerateObject())
        {
            yield return (property.Name, property.Value);
        }
    }

    private static string? OptionalString(JsonElement value, string property, string table, string name)
    {
        if (!value.TryGetProperty(property, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        Require(element.ValueKind == JsonValueKind.String, $"{table}.{name}.{property} is not a string");
        return element.GetString();
    }

    private static IReadOnlyList<string> StringList(JsonElement value, string property, string table, string name)
    {
        if (!value.TryGetProperty(property, out var element))
        {
            return [];
        }
        Require(element.ValueKind == JsonValueKind.Array, $"{table}.{name}.{property} is not an array");
        var list = new List<string>();
        foreach (var item in element.EnumerateArray())
        {
            Require(item.ValueKind == JsonValueKind.String && item.GetString()!.Length > 0,
                $"{table}.{name}.{property} holds something other than a key");
            list.Add(item.GetString()!);
        }
        return list;
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new FormatException(message);
        }
    }

    /// <summary>A keywords/topics value: a label with related keys, an alias, or neither (no documentation).</summary>
    private sealed record Entry(string? Label, string? Alias, IReadOnlyList<string> Related, string? Page);

    private sealed record SymbolEntry(string Topic, IReadOnlyList<string> More);
}
