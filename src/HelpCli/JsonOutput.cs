using System.Text.Encodings.Web;
using System.Text.Json;
using Help.Core.Index;
using Help.Core.Model;
using Help.Core.Query;
using Help.Core.Search;

namespace Help.Cli;

/// <summary>The <c>--json</c> forms. Field names are stable: editors and scripts read them.</summary>
public static class JsonOutput
{
    private static readonly JsonWriterOptions Options = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Topic(TextWriter output, Topic topic, string summary, string text, string html) =>
        Write(output, w => TopicJson.Write(w, topic, summary, text, html));

    public static void NotFound(TextWriter output, string key, string error, IReadOnlyList<KeyEntry> candidates) => Write(output, w =>
    {
        w.WriteStartObject();
        w.WriteString("error", error);
        w.WriteString("key", key);
        w.WriteStartArray(error == "ambiguous" ? "candidates" : "suggestions");
        foreach (var c in candidates)
        {
            w.WriteStartObject();
            w.WriteString("key", c.Key);
            w.WriteString("kind", TopicKinds.Name(c.Kind));
            w.WriteString("docset", c.DocSet);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    public static void Results(TextWriter output, string query, IReadOnlyList<SearchHit> hits) => Write(output, w =>
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
    });

    public static void Keys(TextWriter output, string kind, IReadOnlyList<string> keys) => Write(output, w =>
    {
        w.WriteStartObject();
        w.WriteString("kind", kind);
        Strings(w, "keys", keys);
        w.WriteEndObject();
    });

    private static void Strings(Utf8JsonWriter w, string name, IEnumerable<string> items)
    {
        w.WriteStartArray(name);
        foreach (var s in items)
        {
            w.WriteStringValue(s);
        }
        w.WriteEndArray();
    }

    private static void Write(TextWriter output, Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            body(w);
        }
        output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }
}
