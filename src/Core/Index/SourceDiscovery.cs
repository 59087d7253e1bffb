using System.Text.Json;
using System.Text.Json.Serialization;

namespace Help.Core.Index;

/// <summary>
/// Where the default sources are found and how an index notices that they changed: every Sphinx HTML tree with an
/// <c>objects.inv</c> under <c>/usr/share/doc/*/html</c> (Debian's <c>python3.X-doc</c> and <c>python-NAME-doc</c>
/// packages), and the user's sources file.
/// </summary>
/// <remarks>
/// Installing or removing a package adds or removes its folder in <c>/usr/share/doc</c>, which moves that folder's
/// time: a lookup compares it with the time its index was built from (<see cref="WatchStamp"/>, one stat), and only
/// when it moved looks for the trees again (a stat per package) and compares them with the index's. What it found is
/// kept in the index folder (<see cref="DiscoveryFile"/>), so one unrelated install costs one scan, not one per lookup.
/// </remarks>
public static class SourceDiscovery
{
    /// <summary>Where Debian installs documentation; <c>HELP_DOC_ROOT</c> names another (tests, other systems).</summary>
    public static string DocRoot => Environment.GetEnvironmentVariable("HELP_DOC_ROOT") is { Length: > 0 } root ? root : "/usr/share/doc";

    /// <summary>The file in the index folder that remembers the last scan.</summary>
    public const string DiscoveryFile = "discovery.json";

    /// <summary>
    /// The Sphinx HTML trees installed: <c>DOCROOT/*/html</c> holding an <c>objects.inv</c>, each once (Debian links
    /// <c>python3-flask/html</c> to <c>python-flask-doc/html</c>), by their real paths, sorted.
    /// </summary>
    public static IReadOnlyList<string> DocTrees()
    {
        if (!Directory.Exists(DocRoot))
        {
            return [];
        }
        return Directory.EnumerateDirectories(DocRoot)
            .Select(d => Path.Combine(d, "html"))
            .Where(d => File.Exists(Path.Combine(d, "objects.inv")))
            .Select(RealPath)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// The sources file that applies: <paramref name="explicitPath"/> (<c>--config</c>), else <c>$HELP_SOURCES</c>,
    /// else <c>$XDG_CONFIG_HOME/pyhelp/sources.json</c> (<c>~/.config/pyhelp/sources.json</c>); and what named it.
    /// The file need not exist.
    /// </summary>
    public static (string Path, string GivenBy) SourcesFile(string? explicitPath = null)
    {
        if (!string.IsNullOrEmpty(explicitPath))
        {
            return (Path.GetFullPath(explicitPath), "--config");
        }
        if (Environment.GetEnvironmentVariable(SourcesVariable) is { Length: > 0 } fromEnvironment)
        {
            return (Path.GetFullPath(fromEnvironment), $"${SourcesVariable}");
        }
        var configHome = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        return (Path.Combine(configHome, "pyhelp", "sources.json"), DefaultLocation);
    }

    public const string SourcesVariable = "HELP_SOURCES";

    /// <summary>What <see cref="SourcesFile"/> says named the file when nothing did.</summary>
    public const string DefaultLocation = "the default location";

    /// <summary>
    /// What the default sources' discovery depends on: the doc root's time and the sources file's length and time
    /// (or its absence). Equal stamps mean the same trees and the same sources file.
    /// </summary>
    public static string WatchStamp(string? explicitConfig = null)
    {
        var root = DocRoot;
        var rootTime = Directory.Exists(root) ? Directory.GetLastWriteTimeUtc(root).Ticks : 0;
        var (config, _) = SourcesFile(explicitConfig);
        var file = new FileInfo(config);
        var configStamp = file.Exists ? $"{file.Length}:{file.LastWriteTimeUtc.Ticks}" : "none";
        return $"{root}@{rootTime}|{config}@{configStamp}";
    }

    /// <summary>
    /// The trees installed now, as of <paramref name="watch"/>: from the index folder's memory of the last scan when
    /// that scan saw the same stamp, else by scanning (and remembering it, when the folder can be written).
    /// </summary>
    public static IReadOnlyList<string> DocTreesAsOf(string watch, IndexFolder folder)
    {
        var file = Path.Combine(folder.Root, DiscoveryFile);
        try
        {
            using var stream = File.OpenRead(file);
            if (JsonSerializer.Deserialize(stream, DiscoveryJson.Default.Discovery) is { } seen && seen.Watch == watch)
            {
                return seen.Trees;
            }
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            // No memory, or an unreadable one: scan.
        }
        var trees = DocTrees();
        try
        {
            var temporary = $"{file}.{Environment.ProcessId}.tmp";
            File.WriteAllBytes(temporary, JsonSerializer.SerializeToUtf8Bytes(new Discovery(watch, trees), DiscoveryJson.Default.Discovery));
            File.Move(temporary, file, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A read-only index folder: the next lookup scans again.
        }
        return trees;
    }

    /// <summary>
    /// The path with every symbolic link along it resolved, as realpath(3) gives it: Debian links whole doc folders
    /// (<c>python3.11-dev</c> to <c>python3.11</c>) as well as <c>html</c> folders, so each component may be one.
    /// </summary>
    public static string RealPath(string path)
    {
        var resolved = Path.GetPathRoot(Path.GetFullPath(path))!;
        var rest = new Queue<string>(Path.GetFullPath(path)[resolved.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries));
        for (var hops = 0; rest.TryDequeue(out var part);)
        {
            var next = Path.Combine(resolved, part);
            if (new DirectoryInfo(next).LinkTarget is { } target && ++hops < 40)
            {
                // A link's target is relative to the folder holding it; what is left of the path follows it.
                var targetPath = Path.GetFullPath(Path.IsPathRooted(target) ? target : Path.Combine(resolved, target));
                var remaining = rest.ToList();
                resolved = Path.GetPathRoot(targetPath)!;
                rest = new Queue<string>(targetPath[resolved.Length..].Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries).Concat(remaining));
                continue;
            }
            resolved = next;
        }
        return resolved;
    }

    internal sealed record Discovery(string Watch, IReadOnlyList<string> Trees);
}

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(SourceDiscovery.Discovery))]
internal sealed partial class DiscoveryJson : JsonSerializerContext;
