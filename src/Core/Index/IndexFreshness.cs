using System.Text.Json;

namespace Help.Core.Index;

/// <summary>Whether the current index answers for the sources asked for, or needs a build first.</summary>
public static class IndexFreshness
{
    /// <summary>
    /// Why a build is needed, or null when the current generation is usable as it is;
    /// <see cref="RebuildReason.Damaged"/> tells damage (worth telling the user) from staleness.
    /// </summary>
    /// <param name="generation">The generation the caller read as current (<see cref="IndexFolder.CurrentGeneration"/>).</param>
    public static RebuildReason? Check(IndexFolder folder, string? generation, IReadOnlyList<string> requestedSources) =>
        WhyRebuild(folder, generation, requestedSources) is { } why ? new RebuildReason(why, why.StartsWith(DamagedPrefix, StringComparison.Ordinal)) : null;

    private const string DamagedPrefix = "the index is damaged: ";

    /// <summary>
    /// The reason a build is needed, or null when the current generation is usable as it is.
    /// <paramref name="requestedSources"/> empty means the defaults.
    /// </summary>
    public static string? WhyRebuild(IndexFolder folder, IReadOnlyList<string> requestedSources) =>
        WhyRebuild(folder, folder.CurrentGeneration(), requestedSources);

    private static string? WhyRebuild(IndexFolder folder, string? generation, IReadOnlyList<string> requestedSources)
    {
        if (generation is null)
        {
            return $"no index yet in {folder.Root}";
        }
        var manifest = ManifestStamps.TryRead(generation);
        if (manifest is null)
        {
            return $"the index in {generation} has no readable manifest";
        }
        if (manifest.Version != IndexManifest.CurrentVersion)
        {
            return $"the index was built by another version of this tool (format {manifest.Version}, now {IndexManifest.CurrentVersion})";
        }
        // Lengths only: the topics table checks its own checksums when opened, the search database its header when a search opens it.
        if (IndexIntegrity.QuickCheck(generation) is { } damage)
        {
            return DamagedPrefix + damage;
        }
        if (requestedSources.Count > 0)
        {
            var wanted = requestedSources.Select(Path.GetFullPath).ToList();
            if (manifest.DefaultSources || !wanted.SequenceEqual(manifest.Sources.Select(s => s.Path)))
            {
                return "the index was built from other sources";
            }
        }
        else if (!manifest.DefaultSources)
        {
            return "the index was built from --source paths, not the defaults";
        }
        foreach (var source in manifest.Sources)
        {
            if (!source.IsUnchanged())
            {
                return $"{source.Path} changed";
            }
        }
        return null;
    }
}

/// <summary>Why the index is built again: <paramref name="Message"/> for the user; <paramref name="Damaged"/> when it is broken, not merely stale.</summary>
public sealed record RebuildReason(string Message, bool Damaged);

/// <summary>
/// The fields of <c>manifest.json</c> a freshness check reads, parsed with <see cref="Utf8JsonReader"/>.
/// The check runs before every lookup, and the serializer's metadata for <see cref="IndexManifest"/> costs
/// about a hundred methods compiled at start-up (half the start-up time of a lookup); the reader is
/// precompiled with the framework.
/// </summary>
internal sealed record ManifestStamps(int Version, bool DefaultSources, IReadOnlyList<SourceFingerprint> Sources)
{
    public static ManifestStamps? TryRead(string generationDir)
    {
        try
        {
            return Parse(File.ReadAllBytes(Path.Combine(generationDir, IndexFolder.ManifestFileName)));
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException or InvalidOperationException)
        {
            return null;
        }
    }

    // The names are IndexManifest's properties in the camel case its serializer writes.
    internal static ManifestStamps? Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }
        int? version = null;
        var defaults = false;
        var sources = new List<SourceFingerprint>();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            switch (name)
            {
                case "version":
                    version = reader.GetInt32();
                    break;
                case "defaultSources":
                    defaults = reader.GetBoolean();
                    break;
                case "sources" when reader.TokenType == JsonTokenType.StartArray:
                    while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
                    {
                        string? path = null, stamp = null;
                        List<string>? folders = null;
                        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                        {
                            var field = reader.GetString();
                            reader.Read();
                            if (field == "path") path = reader.GetString();
                            else if (field == "stamp") stamp = reader.GetString();
                            else if (field == "folders" && reader.TokenType == JsonTokenType.StartArray) folders = ReadStrings(ref reader);
                            else reader.Skip();
                        }
                        if (path is null || stamp is null)
                        {
                            return null;
                        }
                        sources.Add(new SourceFingerprint(path, stamp, folders));
                    }
                    break;
                default:
                    reader.Skip();
                    break;
            }
        }
        return version is { } v ? new ManifestStamps(v, defaults, sources) : null;
    }

    private static List<string> ReadStrings(ref Utf8JsonReader reader)
    {
        var strings = new List<string>();
        while (reader.Read() && reader.TokenType == JsonTokenType.String)
        {
            strings.Add(reader.GetString()!);
        }
        if (reader.TokenType != JsonTokenType.EndArray)
        {
            throw new JsonException("folders: not a list of strings");
        }
        return strings;
    }
}
