namespace Help.Core.Index;

/// <summary>
/// The index folder: generations of complete indexes and a pointer to the current one.
/// </summary>
/// <remarks>
/// <code>
/// DIR/CURRENT          the name of the current generation ("gen-000007"), replaced by an atomic rename
/// DIR/gen-000007/      topics.tbl, search/ (Lucene), manifest.json, seal.json: one complete index
/// DIR/build-*/         a build in progress (never read)
/// </code>
/// A build writes a new generation beside the current one and only then moves <c>CURRENT</c> to it,
/// so a reader sees either the old index or the new one, never half of one.
/// </remarks>
public sealed class IndexFolder
{
    public const string CurrentPointer = "CURRENT";
    public const string GenerationPrefix = "gen-";
    public const string BuildPrefix = "build-";
    public const string ManifestFileName = "manifest.json";

    public string Root { get; }

    public IndexFolder(string root) => Root = Path.GetFullPath(root);

    /// <summary>The index folder to use: <paramref name="explicitDir"/>, else <c>HELP_INDEX</c>, else the user's cache.</summary>
    public static IndexFolder Resolve(string? explicitDir)
    {
        if (!string.IsNullOrEmpty(explicitDir)) return new IndexFolder(explicitDir);
        var env = Environment.GetEnvironmentVariable("HELP_INDEX");
        if (!string.IsNullOrEmpty(env)) return new IndexFolder(env);
        return new IndexFolder(Path.Combine(CacheHome(), "pyhelp", "index"));
    }

    private static string CacheHome()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg) && Path.IsPathRooted(xdg)) return xdg;
        if (OperatingSystem.IsWindows()) return Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
        if (OperatingSystem.IsMacOS()) return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), "Library", "Caches");
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
    }

    /// <summary>The folder of the current generation, or null when no index was built yet.</summary>
    public string? CurrentGeneration()
    {
        try
        {
            // Bytes, not text: a StreamReader and its decoder for eleven ASCII bytes, on every lookup, showed in profiles.
            var name = System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(Root, CurrentPointer))).Trim();
            if (!name.StartsWith(GenerationPrefix, StringComparison.Ordinal) || name.IndexOfAny(['/', '\\']) >= 0)
            {
                return null;
            }
            var dir = Path.Combine(Root, name);
            return Directory.Exists(dir) ? dir : null;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }
}
