using System.Text.Json;
using System.Text.Json.Serialization;

namespace Help.Core.Index;

/// <summary>What an index was built from, to tell when it is stale. Stored as <c>manifest.json</c>.</summary>
public sealed record IndexManifest
{
    /// <summary>
    /// Bumped whenever the table, the search index or the importers change what they produce: one number for the
    /// whole index (the search index records it too, <see cref="Search.SearchIndexBuild.FormatVersion"/>).
    /// </summary>
    public const int CurrentVersion = 8;

    public int Version { get; init; } = CurrentVersion;

    /// <summary>
    /// True when the sources were the defaults (the doc trees found, the tool's content, the sources file); false when
    /// they were given (<c>--source</c>), which the index then keeps: a later lookup checks and rebuilds those.
    /// </summary>
    public bool DefaultSources { get; init; }

    /// <summary>For the defaults: what their discovery depended on when built (<see cref="SourceDiscovery.WatchStamp"/>).</summary>
    public string? Watch { get; init; }

    /// <summary>For the defaults: the doc trees found (<see cref="SourceDiscovery.DocTrees"/>).</summary>
    public IReadOnlyList<string> DocTrees { get; init; } = [];

    public IReadOnlyList<SourceFingerprint> Sources { get; init; } = [];

    /// <summary>The folder each Sphinx doc set was read from, by doc set id: where its original pages are served from.</summary>
    public IReadOnlyDictionary<string, string> DocSetRoots { get; init; } = new Dictionary<string, string>();

    public int TopicCount { get; init; }

    public IReadOnlyDictionary<string, int> TopicsByKind { get; init; } = new Dictionary<string, int>();

    /// <summary>What the build reported: <c>skipped: path: reason</c> lines.</summary>
    public IReadOnlyList<string> Diagnostics { get; init; } = [];

    /// <summary>
    /// The generation's manifest, or null when it is missing or unreadable; of another format's, only its version.
    /// Read with <see cref="JsonFields"/>, written by the serializer (<see cref="Write"/>).
    /// </summary>
    public static IndexManifest? TryRead(string generationDir)
    {
        try
        {
            using var json = JsonFields.Parse(Path.Combine(generationDir, IndexFolder.ManifestFileName));
            var root = json.RootElement;
            var version = JsonFields.Int(root, "version");
            if (version != CurrentVersion)
            {
                return new IndexManifest { Version = version }; // another format: only its version is read
            }
            return new IndexManifest
            {
                Version = version,
                DefaultSources = JsonFields.Bool(root, "defaultSources"),
                Watch = JsonFields.OptionalString(root, "watch"),
                DocTrees = JsonFields.OptionalArray(root, "docTrees", JsonFields.StringValue) ?? [],
                Sources = JsonFields.OptionalArray(root, "sources", s => new SourceFingerprint(
                    JsonFields.String(s, "path"), JsonFields.String(s, "stamp"), JsonFields.OptionalArray(s, "folders", JsonFields.StringValue))) ?? [],
                DocSetRoots = JsonFields.Map(root, "docSetRoots", JsonFields.StringValue),
                TopicCount = JsonFields.Int(root, "topicCount"),
                TopicsByKind = JsonFields.Map(root, "topicsByKind", JsonFields.IntValue),
                Diagnostics = JsonFields.OptionalArray(root, "diagnostics", JsonFields.StringValue) ?? [],
            };
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException or FormatException)
        {
            return null;
        }
    }

    public void Write(string generationDir)
    {
        using var stream = File.Create(Path.Combine(generationDir, IndexFolder.ManifestFileName));
        JsonSerializer.Serialize(stream, this, ManifestJson.Default.IndexManifest);
    }
}

/// <summary>
/// A source as it was when indexed: its path, a cheap fingerprint of its files' state and, for a folder,
/// the folders below it (relative paths), so that a check stats those instead of walking the tree again.
/// </summary>
public sealed record SourceFingerprint(string Path, string Stamp, IReadOnlyList<string>? Folders = null)
{
    /// <summary>
    /// A stamp that changes when the source changes in the ways installs and builds change it: a file's
    /// size and modification time; for a Sphinx HTML tree, its root's time and its <c>objects.inv</c>'s size and
    /// time; for another folder, the modification times of it and every folder below it, which move whenever a
    /// file or folder is added, removed or replaced by rename (as dpkg and Sphinx do).
    /// A file rewritten in place is not seen: <c>--rebuild</c> covers that.
    /// </summary>
    public static SourceFingerprint Of(string path)
    {
        if (File.Exists(path))
        {
            var info = new FileInfo(path);
            return new SourceFingerprint(path, $"f:{info.Length}:{info.LastWriteTimeUtc.Ticks}");
        }
        if (!Directory.Exists(path))
        {
            return new SourceFingerprint(path, "missing");
        }
        var inventory = new FileInfo(System.IO.Path.Combine(path, "objects.inv"));
        if (inventory.Exists)
        {
            // A Sphinx HTML tree changes as a whole: every build writes its objects.inv again, and a package upgrade
            // replaces it; so it and the root stand for the tree. Stamping every folder cost a lookup 240 stats (and
            // 2 ms) over the doc sets of twelve packages.
            return new SourceFingerprint(path, $"s:{Directory.GetLastWriteTimeUtc(path).Ticks}:{inventory.Length}:{inventory.LastWriteTimeUtc.Ticks}");
        }
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true, AttributesToSkip = 0 };
        var folders = Directory.EnumerateDirectories(path, "*", options)
            .Select(d => System.IO.Path.GetRelativePath(path, d))
            .Order(StringComparer.Ordinal)
            .ToList();
        return new SourceFingerprint(path, FolderStamp(path, folders) ?? "missing", folders);
    }

    /// <summary>
    /// Whether the source is as it was stamped. For a folder this stats the folders recorded when it was
    /// stamped (about 35 for the Python docs) without reading any directory: a new folder shows in its
    /// parent's time, a removed one is missed. The check of every lookup.
    /// </summary>
    public bool IsUnchanged() =>
        Folders is null ? Of(Path).Stamp == Stamp : FolderStamp(Path, Folders) == Stamp;

    public bool Equals(SourceFingerprint? other) =>
        other is not null && Path == other.Path && Stamp == other.Stamp
        && (Folders is null ? other.Folders is null : other.Folders is not null && Folders.SequenceEqual(other.Folders));

    public override int GetHashCode() => HashCode.Combine(Path, Stamp);

    private static readonly DateTime Missing = DateTime.FromFileTimeUtc(0);

    // The same calls for the stamp written by a build and the one a check computes, so the two agree.
    // Null when the root or a recorded folder is gone.
    private static string? FolderStamp(string root, IReadOnlyList<string> folders)
    {
        var rootTime = Directory.GetLastWriteTimeUtc(root);
        if (rootTime == Missing)
        {
            return null;
        }
        long sum = rootTime.Ticks;
        foreach (var folder in folders)
        {
            var full = System.IO.Path.Combine(root, folder);
            // One stat each; a path that is gone reads as 1601-01-01, the zero file time.
            var time = Directory.GetLastWriteTimeUtc(full);
            if (time == Missing)
            {
                return null;
            }
            sum += StableHash(full) ^ time.Ticks;
        }
        return $"d:{folders.Count + 1}:{sum:x16}";
    }

    private static long StableHash(string s)
    {
        // FNV-1a: string.GetHashCode is randomized per process and would make every stamp differ.
        ulong h = 14695981039346656037;
        foreach (var c in s)
        {
            h = (h ^ c) * 1099511628211;
        }
        return (long)h;
    }
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(IndexManifest))]
internal sealed partial class ManifestJson : JsonSerializerContext;
