using System.Text.Json;

namespace Help.Core.Index;

/// <summary>
/// Reads the index's small JSON files (<c>manifest.json</c>, <c>seal.json</c>) from a <see cref="JsonDocument"/>.
/// Every lookup reads both before it answers, and the serializer's first deserialization (its options, then the type
/// metadata of every property's type) cost a published lookup 4 to 5 of its 15 ms; the document costs a tenth of
/// that. The serializer still writes them (<see cref="ManifestJson"/>, <see cref="SealJson"/>), and tests read back
/// what it wrote.
/// </summary>
/// <remarks>A missing required field, or one of the wrong JSON type, throws <see cref="JsonException"/>.</remarks>
internal static class JsonFields
{
    public static JsonDocument Parse(string path) => JsonDocument.Parse(File.ReadAllBytes(path));

    public static JsonElement Required(JsonElement obj, string name, JsonValueKind kind) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind == kind ? value
        : throw new JsonException($"'{name}' is missing or not a {kind}");

    public static int Int(JsonElement obj, string name) => Required(obj, name, JsonValueKind.Number).GetInt32();

    public static long Long(JsonElement obj, string name) => Required(obj, name, JsonValueKind.Number).GetInt64();

    public static string String(JsonElement obj, string name) => Required(obj, name, JsonValueKind.String).GetString()!;

    /// <summary>An optional field: absent or null gives the default.</summary>
    public static bool Bool(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null && value.GetBoolean();

    public static string? OptionalString(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value.GetString() : null;

    /// <summary>An optional array, each item read by <paramref name="item"/>: absent or null gives null.</summary>
    public static List<T>? OptionalArray<T>(JsonElement obj, string name, Func<JsonElement, T> item) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? Required(obj, name, JsonValueKind.Array).EnumerateArray().Select(item).ToList()
            : null;

    /// <summary>An optional object of values, each read by <paramref name="item"/>: absent or null gives an empty map.</summary>
    public static Dictionary<string, T> Map<T>(JsonElement obj, string name, Func<JsonElement, T> item)
    {
        var map = new Dictionary<string, T>(StringComparer.Ordinal);
        if (obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null)
        {
            foreach (var property in Required(obj, name, JsonValueKind.Object).EnumerateObject())
            {
                map[property.Name] = item(property.Value);
            }
        }
        return map;
    }

    public static string StringValue(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new JsonException($"a {value.ValueKind} where a string belongs");

    public static int IntValue(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number ? value.GetInt32() : throw new JsonException($"a {value.ValueKind} where a number belongs");
}
