using Help.Core.Index;
using System.Diagnostics;

namespace Help.Indexer.Pipeline;

/// <summary>
/// What is indexed when no <c>--source</c> is given: the tool's own <c>content/</c>, every Sphinx HTML doc tree
/// installed (<see cref="SourceDiscovery.DocTrees"/>: Debian's <c>python3.X-doc</c> and <c>python-NAME-doc</c>), and
/// the <c>pydoc_data/topics.py</c> of the Python on PATH.
/// </summary>
public static class DefaultSources
{
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
        // Still "the defaults": a later lookup watches the sources file and the installed docs, and rebuilds when they change.
        return (specs, true);
    }

    public static IReadOnlyList<string> Find()
    {
        var found = new List<string>();
        var content = Path.Combine(AppContext.BaseDirectory, "content");
        if (Directory.Exists(content))
        {
            found.Add(content);
        }
        found.AddRange(SourceDiscovery.DocTrees());
        if (PythonTopicsOnPath() is { } topics)
        {
            found.Add(topics);
        }
        return found;
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
