using System.ComponentModel;
using System.Globalization;
using System.Text;
using Help.Core.Model;
using Help.Core.Query;
using Help.Core.Rendering.Text;
using Help.Core.Search;
using ModelContextProtocol;
using ModelContextProtocol.Protocol;
using ModelContextProtocol.Server;

namespace Help.Mcp;

/// <summary>
/// The tools an assistant calls, over the index the process serves (<see cref="IndexGenerations"/>): the same query
/// layer as <c>pyhelp</c> and the viewer, with answers as text an assistant can quote and cite.
/// </summary>
/// <remarks>
/// Every answer is bounded (<see cref="McpText.MaxChars"/>, with how to ask for the rest), and bad arguments give a
/// tool error with a message, never an exception out of the server.
/// </remarks>
public sealed class HelpTools(IndexGenerations index)
{
    /// <summary>Most results a search returns.</summary>
    public const int MaxResults = 50;

    /// <summary>A query is cut here: no question is longer, and a pasted page stays fast.</summary>
    public const int MaxQueryChars = 1000;

    [McpServerTool(Name = "lookup", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("""
        The documentation of one Python name or topic, from the offline docs installed on this machine (Python's
        standard library and every Sphinx doc set installed: Flask, Django, requests, ...), exactly as pydoc prints it:
        the object's signature and full text, with its title, kind, doc set and source address. Keys are dotted names
        (asyncio.gather, requests.get), suffixes of them (Executor.submit), keywords (assert, with), pydoc topics
        (FORMATTING) and symbols (%). An ambiguous key lists the candidates; an unknown one lists close spellings.
        """)]
    public CallToolResult Lookup(
        [Description("The name to look up: asyncio.gather, Executor.submit, assert, FORMATTING, %.")] string key,
        [Description("Only this doc set (python-3.11, flask-2.2, ...; see the docsets tool). Optional.")] string? docset = null,
        [Description("Where to continue a long answer, in characters (as the previous answer says). Optional.")] int offset = 0)
    {
        if (McpText.Problem(key, "key") is { } problem)
        {
            return McpText.Error(problem);
        }
        return McpText.Guard(() =>
        {
            using var lease = index.Acquire();
            var query = lease.Query;
            var result = query.Lookup(key, docSet: NullIfEmpty(docset));
            return result.Status switch
            {
                LookupStatus.Found => McpText.Result(Describe(query, result.Topic!, lease.Generation), offset, "lookup"),
                LookupStatus.Ambiguous => McpText.Result(
                    $"Several topics match '{key}'; look up one of these keys (with docset for a key several doc sets have):\n"
                    + string.Join('\n', result.Candidates.Take(MaxResults).Select(c => $"  {c.Key} ({TopicKinds.Name(c.Kind)}, {c.DocSet})")), 0, "lookup"),
                _ => McpText.Error($"No documentation found for '{key}'."
                    + (result.Candidates.Count > 0 ? $" Did you mean: {string.Join(", ", result.Candidates.Select(c => c.Key))}?" : " Try the search tool.")),
            };
        });
    }

    [McpServerTool(Name = "search", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("""
        Full-text search of the offline docs: ranked keys, each with its kind, doc set, one-line summary and a snippet
        of the matched text. Takes names, words or a question ("thread pool", "how do I read a file line by line",
        "ThreadPolExecutor" with its typo); look a result's key up for its whole text.
        """)]
    public CallToolResult Search(
        [Description("What to search for: words, a name, a question.")] string query,
        [Description("Only topics of this kind: module, class, function, method, attribute, keyword, label, section, term, ... Optional.")] string? kind = null,
        [Description("Only this doc set (python-3.11, django-3.2, ...). Optional.")] string? docset = null,
        [Description("How many results, 1 to 50 (default 10).")] int limit = 10)
    {
        if (McpText.Problem(query, "query") is { } problem)
        {
            return McpText.Error(problem);
        }
        if (limit is < 1 or > MaxResults)
        {
            return McpText.Error($"limit must be from 1 to {MaxResults} (got {limit}).");
        }
        TopicKind[]? kinds = null;
        if (!string.IsNullOrEmpty(kind))
        {
            if (!TopicKinds.TryParse(kind, out var k))
            {
                return McpText.Error($"unknown kind '{kind}'; one of: {string.Join(", ", Enum.GetValues<TopicKind>().Select(TopicKinds.Name))}.");
            }
            kinds = [k];
        }
        var text = query.Length > MaxQueryChars ? query[..MaxQueryChars] : query;
        return McpText.Guard(() =>
        {
            using var lease = index.Acquire();
            var hits = lease.Query.Search(new SearchQuery(text, limit, kinds, NullIfEmpty(docset)));
            var answer = new StringBuilder();
            if (text.Length < query.Length)
            {
                answer.Append(CultureInfo.InvariantCulture, $"(The query is {query.Length} characters; its first {MaxQueryChars} were searched.)\n");
            }
            if (hits.Count == 0)
            {
                answer.Append("No results.");
            }
            for (var i = 0; i < hits.Count; i++)
            {
                var h = hits[i];
                answer.Append(CultureInfo.InvariantCulture, $"{i + 1}. {h.Key} ({TopicKinds.Name(h.Kind)}, {h.DocSet})");
                if (!string.IsNullOrEmpty(h.Summary))
                {
                    answer.Append(" - ").Append(h.Summary);
                }
                answer.Append('\n');
                // The snippet only when it shows more than the summary (a search on a name highlights the summary itself).
                var summary = h.Summary ?? "";
                if (h.Snippet.Length > 0 && (summary.Length == 0 || !h.Snippet.Contains(summary.Length > 60 ? summary[..60] : summary, StringComparison.Ordinal)))
                {
                    answer.Append("   ").Append(h.Snippet).Append('\n');
                }
            }
            return McpText.Result(answer.ToString(), 0, "search");
        });
    }

    [McpServerTool(Name = "complete", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("Keys that start with a prefix (ignoring case), in order: to complete a name before looking it up.")]
    public CallToolResult Complete(
        [Description("The start of a key: asyncio.ga, requests., json.")] string prefix,
        [Description("How many keys, 1 to 200 (default 50).")] int limit = 50)
    {
        if (limit is < 1 or > 200)
        {
            return McpText.Error($"limit must be from 1 to 200 (got {limit}).");
        }
        if (prefix is null || prefix.Length > McpText.MaxKeyChars)
        {
            return McpText.Error($"prefix must be at most {McpText.MaxKeyChars} characters.");
        }
        return McpText.Guard(() =>
        {
            using var lease = index.Acquire();
            var keys = lease.Query.Complete(prefix, limit);
            return McpText.Result(keys.Count == 0 ? $"No key starts with '{prefix}'." : string.Join('\n', keys.Select(k => k.Key)), 0, "complete");
        });
    }

    [McpServerTool(Name = "docsets", ReadOnly = true, Idempotent = true, OpenWorld = false)]
    [Description("The doc sets the offline docs hold, each with its version and how many topics it has: what docset arguments can name.")]
    public CallToolResult DocSets()
    {
        return McpText.Guard(() =>
        {
            using var lease = index.Acquire();
            var lines = lease.Query.DocSetSizes().Select(d => string.Create(CultureInfo.InvariantCulture,
                $"{d.DocSet}: {DocSetNames.Project(d.DocSet)} {(DocSetNames.Version(d.DocSet) is { Major: 0, Minor: 0 } ? "(no version)" : DocSetNames.Version(d.DocSet).ToString())}, {d.Topics} topics"));
            return McpText.Result(string.Join('\n', lines), 0, "docsets");
        });
    }

    /// <summary>A topic as <c>lookup</c> gives it: what it is, where it comes from, then its text as pydoc prints it.</summary>
    internal static string Describe(HelpQuery query, Topic topic, IndexGenerations.Generation generation)
    {
        var head = new StringBuilder();
        head.Append(CultureInfo.InvariantCulture, $"{topic.Title}\nkey: {topic.Key}\nkind: {TopicKinds.Name(topic.Kind)}\ndocset: {topic.DocSet}\n");
        if (topic.Signature is { } signature)
        {
            head.Append("signature: ").Append(signature).Append('\n');
        }
        if (topic.Source is { } source)
        {
            head.Append("source: ").Append(generation.SourceAddress(topic) ?? source).Append('\n');
        }
        head.Append('\n');
        return head + query.RenderText(topic, new TextRenderOptions());
    }

    private static string? NullIfEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}

/// <summary>Topics as resources: <c>pyhelp://topic/{key}</c> reads the text <c>lookup</c> gives.</summary>
public sealed class TopicResources(IndexGenerations index)
{
    public const string Template = "pyhelp://topic/{key}";

    [McpServerResource(UriTemplate = Template, Name = "topic", MimeType = "text/plain")]
    [Description("The documentation of one key (asyncio.gather, requests.get, assert), as the lookup tool gives it.")]
    public TextResourceContents Topic(RequestContext<ReadResourceRequestParams> request, string key)
    {
        using var lease = index.Acquire();
        var result = McpText.Problem(key, "key") is null ? lease.Query.Lookup(key) : null;
        if (result is not { Status: LookupStatus.Found, Topic: { } topic })
        {
            throw new McpProtocolException($"No documentation found for '{key}'.", McpErrorCode.ResourceNotFound);
        }
        return new TextResourceContents
        {
            Uri = request.Params!.Uri,
            MimeType = "text/plain",
            Text = HelpTools.Describe(lease.Query, topic, lease.Generation),
        };
    }
}
