using Help.Core.Index;
using Help.Indexer.Pipeline;
using Help.Tests.Shared;

namespace Help.Reliability.Tests;

/// <summary>
/// A scratch folder with a small source tree (the CLI tests' handwritten Sphinx pages and pydoc key map,
/// plus a Markdown "marker" topic naming the build it came from) and an index built from it.
/// </summary>
public sealed class FixtureIndex : IDisposable
{
    public const string MarkerKey = "marker";

    public string Root { get; } = Directory.CreateTempSubdirectory("pyhelp-reliability-").FullName;
    public string Docs => Path.Combine(Root, "docs");
    public string Content => Path.Combine(Root, "content");
    public string IndexDir => Path.Combine(Root, "index");
    public IndexFolder Folder => new(IndexDir);
    public IReadOnlyList<string> Sources => [Docs, Content];

    public FixtureIndex()
    {
        Copy(Path.Combine(Corpus.RepoRoot, "tests", "Cli.Tests", "Fixtures", "docs"), Docs);
        Copy(Path.Combine(Corpus.RepoRoot, "tests", "Cli.Tests", "Fixtures", "content"), Content);
        WriteMarker(0);
    }

    /// <summary>The words the marker topic says in build <paramref name="build"/>; search finds it by "marker".</summary>
    public static string MarkerText(int build) => $"This marker comes from build number{build}x of the fixture.";

    /// <param name="build">The build number the marker names.</param>
    /// <param name="asNewFile">
    /// Replace the file rather than rewrite it: the content folder's modification time moves, so the
    /// sources count as changed (an in-place rewrite is not seen, by design; see SourceFingerprint).
    /// </param>
    public void WriteMarker(int build, bool asNewFile = false)
    {
        var path = Path.Combine(Content, "marker.md");
        if (asNewFile)
        {
            File.Delete(path);
        }
        File.WriteAllText(path, MarkerFile(build));
    }

    private static string MarkerFile(int build) => $"""
        ---
        key: {MarkerKey}
        title: Marker topic
        kind: topic
        ---

        # Marker topic

        {MarkerText(build)}
        """;

    /// <summary>Builds a new generation in process; returns its folder.</summary>
    public string Build(int? marker = null)
    {
        if (marker is { } n)
        {
            WriteMarker(n);
        }
        return new IndexBuild().Run(Folder, Sources, defaultSources: false).Generation;
    }

    public string Current => Folder.CurrentGeneration() ?? throw new InvalidOperationException("no index built");

    /// <summary>The pyhelp arguments that use this index and these sources.</summary>
    public string[] Args(params string[] rest) =>
        ["--index", IndexDir, .. Sources.SelectMany(s => new[] { "--source", s }), .. rest];

    private static void Copy(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target, overwrite: true);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A server or reader in another test may still hold a file; the temp folder is swept later.
        }
    }
}
