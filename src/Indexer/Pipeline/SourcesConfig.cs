using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Help.Core.Index;
using Help.Core.Model;

namespace Help.Indexer.Pipeline;

/// <summary>A bad sources file: the message names the file, the line and the field.</summary>
public sealed class SourcesConfigException(string message) : Exception(message);

/// <summary>One configured source: a path or glob, and the doc set its topics go into.</summary>
/// <param name="Path">A file or folder; <c>*</c>, <c>?</c> and <c>**</c> match within and across folders; <c>~</c> is the home folder; relative to the config file.</param>
/// <param name="DocSetName">The doc set's name (<c>Python</c>, <c>notes</c>), or null to keep the one the source states.</param>
/// <param name="Version">The doc set's version (<c>3.13</c>), or null.</param>
public sealed record ConfiguredSource(string Path, string? DocSetName, string? Version)
{
    /// <summary>The configured doc set: id <c>name-major.minor</c> (<c>python-3.13</c>), or the name alone without a version.</summary>
    public DocSet? DocSet(string? root) => DocSetName is null
        ? null
        : Help.Core.Model.DocSet.Create(DocSetName, Version, root);
}

/// <summary>
/// The sources file: which files and folders to index, and the doc set of each. JSON (RFC 8259, with
/// comments and trailing commas allowed):
/// <code>
/// {
///   "defaults": true,                       // also index the default sources
///   "sources": [
///     { "path": "/usr/share/doc/python3.12/html" },
///     { "path": "~/notes/**/*.md", "docset": "notes" },
///     { "path": "/opt/py313/html", "docset": "Python", "version": "3.13" }
///   ]
/// }
/// </code>
/// Looked for in <c>--config FILE</c>, then <c>$HELP_SOURCES</c>, then
/// <c>$XDG_CONFIG_HOME/pyhelp/sources.json</c> (<c>~/.config/pyhelp/sources.json</c>).
/// </summary>
public sealed partial record SourcesConfig(string File, bool IncludeDefaults, IReadOnlyList<ConfiguredSource> Sources)
{
    public const string EnvironmentVariable = SourceDiscovery.SourcesVariable;

    private static readonly JsonReaderOptions ReaderOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>
    /// The sources file to use: <paramref name="explicitPath"/> (<c>--config</c>), else
    /// <c>$HELP_SOURCES</c>, both of which must exist; else the default location when a file is there;
    /// else null (the built-in defaults apply).
    /// </summary>
    public static string? Locate(string? explicitPath)
    {
        var (path, givenBy) = SourceDiscovery.SourcesFile(explicitPath);
        if (System.IO.File.Exists(path))
        {
            return path;
        }
        // A file asked for by name must be there; the default location may well be empty.
        return givenBy == SourceDiscovery.DefaultLocation ? null : throw new SourcesConfigException($"{path}: no such sources file (given by {givenBy})");
    }

    /// <summary>Reads and checks a sources file; throws <see cref="SourcesConfigException"/> naming the line and field of the first problem.</summary>
    public static SourcesConfig Load(string path)
    {
        byte[] bytes;
        try
        {
            bytes = System.IO.File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new SourcesConfigException($"{path}: cannot read: {e.Message}");
        }
        if (Encoding.UTF8.GetString(bytes).Trim().Length == 0)
        {
            throw new SourcesConfigException($"{path}: the file is empty (give {{ \"sources\": [...] }})");
        }
        try
        {
            return Parse(path, bytes);
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } l ? $"line {l + 1}: " : "";
            throw new SourcesConfigException($"{path}: {line}not valid JSON: {FirstSentence(e.Message)}");
        }
    }

    /// <summary>The sources, globs expanded in ordinal order; a pattern that matches nothing stays, to be reported as skipped.</summary>
    public IReadOnlyList<SourceSpec> Expand()
    {
        var folder = Path.GetDirectoryName(File) ?? ".";
        var specs = new List<SourceSpec>();
        foreach (var source in Sources)
        {
            var pattern = ExpandHome(source.Path);
            pattern = Path.IsPathRooted(pattern) ? pattern : Path.Combine(folder, pattern);
            var matches = Glob.Matches(Path.GetFullPath(pattern)).ToList();
            if (matches.Count == 0)
            {
                specs.Add(new SourceSpec(Path.GetFullPath(pattern), SourceFormat.Unknown)
                {
                    Reason = Glob.IsPattern(pattern) ? $"the pattern in {File} matches nothing" : $"no such file or folder (named in {File})",
                });
                continue;
            }
            specs.AddRange(matches.Select(m => SourceSpec.Of(m) with { DocSet = source.DocSet(m) }));
        }
        return specs;
    }

    private static SourcesConfig Parse(string path, byte[] bytes)
    {
        var reader = new Utf8JsonReader(bytes, ReaderOptions);
        string Where(long offset, string field) => $"{path}: line {LineAt(bytes, offset)}: {field}";

        Read(ref reader);
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new SourcesConfigException($"{Where(reader.TokenStartIndex, "$")}: expected an object {{ \"sources\": [...] }}");
        }
        var includeDefaults = false;
        var sources = new List<ConfiguredSource>();
        var sawSources = false;
        while (Read(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            var at = reader.TokenStartIndex;
            Read(ref reader);
            switch (name)
            {
                case "defaults":
                    includeDefaults = reader.TokenType switch
                    {
                        JsonTokenType.True => true,
                        JsonTokenType.False => false,
                        _ => throw new SourcesConfigException($"{Where(at, "defaults")}: expected true or false"),
                    };
                    break;
                case "sources":
                    if (reader.TokenType != JsonTokenType.StartArray)
                    {
                        throw new SourcesConfigException($"{Where(at, "sources")}: expected a list of {{ \"path\": ... }} objects");
                    }
                    sawSources = true;
                    for (var index = 0; Read(ref reader) && reader.TokenType != JsonTokenType.EndArray; index++)
                    {
                        sources.Add(ReadSource(ref reader, $"sources[{index}]", Where));
                    }
                    break;
                default:
                    throw new SourcesConfigException($"{Where(at, name)}: unknown field (known: defaults, sources)");
            }
        }
        if (!sawSources && !includeDefaults)
        {
            throw new SourcesConfigException($"{path}: sources: missing (give a list of sources, or \"defaults\": true)");
        }
        return new SourcesConfig(path, includeDefaults, sources);
    }

    private static ConfiguredSource ReadSource(ref Utf8JsonReader reader, string field, Func<long, string, string> where)
    {
        var start = reader.TokenStartIndex;
        if (reader.TokenType == JsonTokenType.String)
        {
            return Checked(new ConfiguredSource(reader.GetString()!, null, null), field, start, where); // "path" alone
        }
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new SourcesConfigException($"{where(start, field)}: expected {{ \"path\": ..., \"docset\": ..., \"version\": ... }} or a path");
        }
        string? path = null, docSet = null, version = null;
        while (Read(ref reader) && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString()!;
            var at = reader.TokenStartIndex;
            Read(ref reader);
            if (name is not ("path" or "docset" or "version"))
            {
                throw new SourcesConfigException($"{where(at, $"{field}.{name}")}: unknown field (known: path, docset, version)");
            }
            if (reader.TokenType != JsonTokenType.String)
            {
                throw new SourcesConfigException($"{where(at, $"{field}.{name}")}: expected a string");
            }
            var value = reader.GetString()!;
            switch (name)
            {
                case "path": path = value; break;
                case "docset": docSet = value; break;
                default: version = value; break;
            }
        }
        return Checked(new ConfiguredSource(path ?? "", docSet, version), field, start, where);
    }

    private static ConfiguredSource Checked(ConfiguredSource s, string field, long at, Func<long, string, string> where)
    {
        if (string.IsNullOrWhiteSpace(s.Path))
        {
            throw new SourcesConfigException($"{where(at, $"{field}.path")}: missing or empty");
        }
        if (s.DocSetName is { } name && string.IsNullOrWhiteSpace(name))
        {
            throw new SourcesConfigException($"{where(at, $"{field}.docset")}: empty");
        }
        if (s.Version is not null && s.DocSetName is null)
        {
            throw new SourcesConfigException($"{where(at, $"{field}.version")}: a version needs a \"docset\" name");
        }
        if (s.Version is { } v && !VersionText().IsMatch(v))
        {
            throw new SourcesConfigException($"{where(at, $"{field}.version")}: '{v}' is not a version such as 3.13 or 3.15.0a6");
        }
        return s;
    }

    private static bool Read(ref Utf8JsonReader reader)
    {
        if (!reader.Read())
        {
            // Utf8JsonReader on a complete buffer throws on a truncated document, so this is past its end.
            throw new JsonException("unexpected end of the document");
        }
        return true;
    }

    private static int LineAt(byte[] bytes, long offset) =>
        1 + bytes.AsSpan(0, (int)Math.Min(offset, bytes.Length)).Count((byte)'\n');

    private static string ExpandHome(string path) =>
        path == "~" || path.StartsWith("~/", StringComparison.Ordinal)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), path.Length > 2 ? path[2..] : "")
            : path;

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    [GeneratedRegex(@"^\d+(\.\d+)*[A-Za-z0-9]*$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionText();
}

/// <summary>Path patterns: <c>*</c> and <c>?</c> within one folder name, <c>**</c> for any depth of folders.</summary>
internal static class Glob
{
    public static bool IsPattern(string path) => path.IndexOfAny(['*', '?']) >= 0;

    public static IEnumerable<string> Matches(string fullPattern)
    {
        if (!IsPattern(fullPattern))
        {
            return System.IO.File.Exists(fullPattern) || Directory.Exists(fullPattern) ? [fullPattern] : [];
        }
        var segments = fullPattern.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var fixedCount = segments.TakeWhile(s => !IsPattern(s)).Count();
        var root = "/" + string.Join('/', segments.Take(fixedCount));
        var rest = string.Join('/', segments.Skip(fixedCount));
        if (!Directory.Exists(root))
        {
            return [];
        }
        var regex = new Regex("^" + ToRegex(rest) + "$", RegexOptions.CultureInvariant);
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = rest.Contains('/') || rest.Contains("**"),
            MaxRecursionDepth = rest.Contains("**") ? int.MaxValue : rest.Count(c => c == '/'),
            IgnoreInaccessible = true,
        };
        return Directory.EnumerateFileSystemEntries(root, "*", options)
            .Where(p => regex.IsMatch(Path.GetRelativePath(root, p).Replace('\\', '/')))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static string ToRegex(string pattern)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '*' && i + 1 < pattern.Length && pattern[i + 1] == '*')
            {
                // "**/" is any number of folders, including none.
                var slash = i + 2 < pattern.Length && pattern[i + 2] == '/';
                sb.Append(slash ? "(?:.*/)?" : ".*");
                i += slash ? 2 : 1;
            }
            else if (c == '*') sb.Append("[^/]*");
            else if (c == '?') sb.Append("[^/]");
            else sb.Append(Regex.Escape(c.ToString()));
        }
        return sb.ToString();
    }
}
