using System.Text.Json;
using Help.Core.Index;
using Help.Core.Model;
using Help.Core.Rendering.Text;
using Help.Core.Search;

namespace Help.Core.Query;

/// <summary>
/// The JSON shapes of topics, lookup failures, search results and key lists. <c>pyhelp --json</c> and the
/// server's API both write these, so an editor reads the same field names from either; the names are
/// part of the interface: add fields, never rename them.
/// </summary>
public static class TopicJson
{
    /// <summary>A topic: key, title, kind, docset, role, signature, parent, summary, text, html, source, related, aliases.</summary>
    public static void Write(Utf8JsonWriter w, Topic topic, string summary, string text, string html)
    {
        w.WriteStartObject();
        w.WriteString("key", topic.Key);
        w.WriteString("title", topic.Title);
        w.WriteString("kind", TopicKinds.Name(topic.Kind));
        w.WriteString("docset", topic.DocSet);
        w.WriteString("role", topic.Role);
        w.WriteString("signature", topic.Signature);
        w.WriteString("parent", topic.Parent);
        w.WriteString("summary", summary);
        w.WriteString("text", text);
        w.WriteString("html", html);
        w.WriteString("source", topic.Source);
        WriteStrings(w, "related", topic.Related);
        WriteStrings(w, "aliases", topic.Aliases);
        w.WriteEndObject();
    }

    /// <summary>A topic rendered through <paramref name="query"/>: its summary, its text laid out by <paramref name="options"/>, its HTML.</summary>
    public static void Write(Utf8JsonWriter w, HelpQuery query, Topic topic, TextRenderOptions options) =>
        Write(w, topic, query.Summary(topic), query.RenderText(topic, options), query.RenderHtml(topic));

    /// <summary>
    /// A key that found no single topic: <paramref name="error"/> is <c>not found</c> (with close spellings
    /// as <c>suggestions</c>) or <c>ambiguous</c> (with the matches as <c>candidates</c>).
    /// </summary>
    public static void WriteNotFound(Utf8JsonWriter w, string key, string error, IReadOnlyList<KeyEntry> candidates)
    {
        w.WriteStartObject();
        w.WriteString("error", error);
        w.WriteString("key", key);
        w.WriteStartArray(error == "ambiguous" ? "candidates" : "suggestions");
        foreach (var c in candidates)
        {
            WriteKeyEntry(w, c);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Search results, best first, each with its snippet and the highlighted ranges in it.</summary>
    public static void WriteResults(Utf8JsonWriter w, string query, IReadOnlyList<SearchHit> hits)
    {
        w.WriteStartObject();
        w.WriteString("query", query);
        w.WriteStartArray("results");
        foreach (var h in hits)
        {
            w.WriteStartObject();
            w.WriteString("key", h.Key);
            w.WriteString("title", h.Title);
            w.WriteString("kind", TopicKinds.Name(h.Kind));
            w.WriteString("docset", h.DocSet);
            w.WriteString("summary", h.Summary);
            w.WriteString("source", h.Source);
            w.WriteNumber("score", Math.Round(h.Score, 4));
            w.WriteString("snippet", h.Snippet);
            w.WriteStartArray("highlights");
            foreach (var (start, length) in h.Highlights)
            {
                w.WriteStartObject();
                w.WriteNumber("start", start);
                w.WriteNumber("length", length);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The keys of one kind (the lists of <c>keywords</c>, <c>modules</c>).</summary>
    public static void WriteKeyList(Utf8JsonWriter w, string kind, IReadOnlyList<string> keys)
    {
        w.WriteStartObject();
        w.WriteString("kind", kind);
        WriteStrings(w, "keys", keys);
        w.WriteEndObject();
    }

    /// <summary>Completions of a prefix: each key with its kind and doc set.</summary>
    public static void WriteCompletions(Utf8JsonWriter w, string prefix, IReadOnlyList<KeyEntry> keys)
    {
        w.WriteStartObject();
        w.WriteString("prefix", prefix);
        w.WriteStartArray("keys");
        foreach (var k in keys)
        {
            WriteKeyEntry(w, k);
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteKeyEntry(Utf8JsonWriter w, KeyEntry e)
    {
        w.WriteStartObject();
        w.WriteString("key", e.Key);
        w.WriteString("kind", TopicKinds.Name(e.Kind));
        w.WriteString("docset", e.DocSet);
        w.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter w, string name, IEnumerable<string> items)
    {
        w.WriteStartArray(name);
        foreach (var s in items)
        {
            w.WriteStringValue(s);
        }
        w.WriteEndArray();
    }
}
