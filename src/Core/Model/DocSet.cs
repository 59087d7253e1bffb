using System.Text.RegularExpressions;

namespace Help.Core.Model;

/// <summary>A set of documents that belong together and share a version, e.g. the Python 3.11 docs.</summary>
/// <param name="Id">Stable identifier used in keys and the API: <c>python-3.11</c> (see <see cref="IdOf"/>).</param>
/// <param name="Name">Display name: <c>Python</c>.</param>
/// <param name="Version">Version as the docs state it: <c>3.11</c>.</param>
/// <param name="Root">Where the sources were found, for the source links.</param>
public sealed partial record DocSet(string Id, string Name, string Version, string? Root = null)
{
    /// <summary>A doc set named <paramref name="name"/> at <paramref name="version"/>, its id made by <see cref="IdOf"/>.</summary>
    public static DocSet Create(string name, string? version, string? root = null) => new(IdOf(name, version), name, version ?? "", root);

    /// <summary>
    /// The one rule for a doc set's id: the name in lower case with every run of other characters than letters,
    /// digits and dots made one <c>-</c> (<c>docs</c> when nothing is left), then <c>-</c> and the version's
    /// major.minor when it has one (<c>3.11.2</c> and <c>3.15.0a6</c> give <c>3.11</c>, <c>3.15</c>), else the version
    /// as written, else nothing: <c>Python 3.11.2</c> gives <c>python-3.11</c>, <c>Flask 2.2.x</c> gives <c>flask-2.2</c>.
    /// </summary>
    public static string IdOf(string name, string? version)
    {
        var slug = NonSlug().Replace(name.Trim().ToLowerInvariant(), "-").Trim('-');
        slug = slug.Length > 0 ? slug : "docs";
        if (string.IsNullOrWhiteSpace(version))
        {
            return slug;
        }
        var m = MajorMinor().Match(version.Trim());
        return $"{slug}-{(m.Success ? m.Value : NonSlug().Replace(version.Trim().ToLowerInvariant(), "-").Trim('-'))}";
    }

    [GeneratedRegex(@"^\d+\.\d+", RegexOptions.CultureInvariant)]
    private static partial Regex MajorMinor();

    [GeneratedRegex("[^a-z0-9.]+", RegexOptions.CultureInvariant)]
    private static partial Regex NonSlug();
}

/// <summary>The parts of a doc set id (<see cref="DocSet.IdOf"/>): its project and its version, for choosing among versions.</summary>
public static class DocSetNames
{
    /// <summary><c>python</c> of <c>python-3.11</c>; the whole id when it names no version.</summary>
    public static string Project(string id) => VersionStart(id) is var at and > 0 ? id[..(at - 1)] : id;

    /// <summary>
    /// The version of an id as a comparable number (<c>python-3.12</c> over <c>python-3.11</c>, <c>3.9</c> under
    /// <c>3.10</c>); <see cref="System.Version"/> 0.0 when it names none.
    /// </summary>
    public static Version Version(string id)
    {
        var at = VersionStart(id);
        if (at < 0)
        {
            return new Version(0, 0);
        }
        var digits = new string(id[at..].TakeWhile(c => char.IsAsciiDigit(c) || c == '.').ToArray()).Trim('.');
        return System.Version.TryParse(digits.Contains('.') ? digits : digits + ".0", out var version) ? version : new Version(0, 0);
    }

    /// <summary>Where the version starts: after the last <c>-</c> that a digit follows.</summary>
    private static int VersionStart(string id)
    {
        var dash = id.LastIndexOf('-');
        return dash > 0 && dash + 1 < id.Length && char.IsAsciiDigit(id[dash + 1]) ? dash + 1 : -1;
    }
}
