using System.Diagnostics;

namespace Help.Indexer.Pipeline;

/// <summary>
/// What is indexed when no <c>--source</c> is given: the tool's own <c>content/</c>, every Python HTML
/// doc tree where Debian installs them, and the <c>pydoc_data/topics.py</c> of the Python on PATH.
/// </summary>
public static class DefaultSources
{
    public const string DebianDocGlobRoot = "/usr/share/doc";

    /// <summary>
    /// What a build indexes: the <paramref name="explicitSources"/> (<c>--source</c>) when there are any;
    /// else the sources file (<c>--config</c>, <c>$HELP_SOURCES</c>, <c>$XDG_CONFIG_HOME/pyhelp/sources.json</c>,
    /// see <see cref="SourcesConfig"/>), with the built-in defaults when it says <c>"defaults": true</c>;
    /// else the built-in defaults (<see cref="Find"/>). Throws <see cref="SourcesConfigException"/> for a bad sources file.
    /// </summary>
    public static (IReadOnlyList<SourceSpec> Sources, bool Defaults) Resolve(IReadOnlyList<string> explicitSources, string? configPath)
    {
        if (explicitSources.Count > 0)
        {
            return (explicitSources.Select(SourceSpec.Of).ToList(), false);
        }
        if (SourcesConfig.Locate(configPath) is not { } file)
        {
            return (Find().Select(SourceSpec.Of).ToList(), true);
        }
        var config = SourcesConfig.Load(file);
        var specs = config.IncludeDefaults ? Find().Select(SourceSpec.Of).ToList() : [];
        specs.AddRange(config.Expand());
        return (specs, config.IncludeDefaults && config.Sources.Count == 0);
    }

    public static IReadOnlyList<string> Find()
    {
        var found = new List<string>();
        var content = Path.Combine(AppContext.BaseDirectory, "content");
        if (Directory.Exists(content))
        {
            found.Add(content);
        }
        if (Directory.Exists(DebianDocGlobRoot))
        {
            // Debian links python3.X-doc, -dev and -venv's doc folders to python3.X's: index each tree once.
            found.AddRange(Directory.EnumerateDirectories(DebianDocGlobRoot, "python3*")
                .Select(d => Path.Combine(d, "html"))
                .Where(d => File.Exists(Path.Combine(d, "objects.inv")))
                .Select(RealPath)
                .Distinct(StringComparer.Ordinal)
                .Order(StringComparer.Ordinal));
        }
        if (PythonTopicsOnPath() is { } topics)
        {
            found.Add(topics);
        }
        return found;
    }

    private static string RealPath(string path)
    {
        var full = Path.GetFullPath(path);
        var parent = Path.GetDirectoryName(full);
        var resolvedParent = parent is null ? null : new DirectoryInfo(parent).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? parent;
        var here = resolvedParent is null ? full : Path.Combine(resolvedParent, Path.GetFileName(full));
        return new DirectoryInfo(here).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? here;
    }

    /// <summary>The topics.py of the first <c>python3</c> on PATH, asked of Python itself (pyenv shims are scripts, not links).</summary>
    private static string? PythonTopicsOnPath()
    {
        try
        {
            var start = new ProcessStartInfo("python3", ["-c", "import pydoc_data.topics as t; print(t.__file__)"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            using var process = Process.Start(start);
            if (process is null) return null;
            var output = process.StandardOutput.ReadToEnd().Trim();
            process.WaitForExit(10_000);
            return process.ExitCode == 0 && File.Exists(output) ? output : null;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return null; // No Python on PATH: nothing to add.
        }
    }
}
