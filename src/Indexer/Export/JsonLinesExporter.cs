using System.Text.Encodings.Web;
using System.Text.Json;
using Help.Core.Model;
using Help.Core.Query;
using Help.Core.Rendering.Text;

namespace Help.Indexer.Export;

/// <summary>
/// Writes every topic of the exported doc sets as JSON Lines (https://jsonlines.org/): one UTF-8
/// JSON object per line, in table order (by key, ignoring case), each with the fields of
/// <c>pyhelp --json</c> (<see cref="TopicJson"/>; schema in <c>docs/export-json.schema.json</c>).
/// Streamed: a batch of topics is rendered at a time, so memory does not grow with the index.
/// </summary>
public static class JsonLinesExporter
{
    private const int BatchSize = 256;

    private static readonly JsonWriterOptions Options = new() { Indented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes the lines to <paramref name="output"/>; returns the number of topics written.</summary>
    public static int Write(ExportSource source, Stream output)
    {
        var entries = source.TopicEntries().ToList();
        var lines = new byte[BatchSize][];
        for (var start = 0; start < entries.Count; start += BatchSize)
        {
            var count = Math.Min(BatchSize, entries.Count - start);
            // Rendering dominates; the table and the renderers are thread-safe, the order is kept by index.
            Parallel.For(0, count, i => lines[i] = Line(source, source.Read(entries[start + i])));
            for (var i = 0; i < count; i++)
            {
                output.Write(lines[i]);
                output.WriteByte((byte)'\n');
            }
        }
        return entries.Count;
    }

    private static byte[] Line(ExportSource source, Topic topic)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            var query = source.Query;
            TopicJson.Write(w, topic, query.Summary(topic), query.RenderText(topic, TextRenderOptions.Default), query.RenderHtml(topic));
        }
        return buffer.ToArray();
    }
}
