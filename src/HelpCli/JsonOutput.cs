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

    public static void NotFound(TextWriter output, string key, string error, IReadOnlyList<KeyEntry> candidates) =>
        Write(output, w => TopicJson.WriteNotFound(w, key, error, candidates));

    public static void Results(TextWriter output, string query, IReadOnlyList<SearchHit> hits) =>
        Write(output, w => TopicJson.WriteResults(w, query, hits));

    public static void Keys(TextWriter output, string kind, IReadOnlyList<string> keys) =>
        Write(output, w => TopicJson.WriteKeyList(w, kind, keys));

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
