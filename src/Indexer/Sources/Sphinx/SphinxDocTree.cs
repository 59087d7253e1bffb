using System.Text.RegularExpressions;
using Help.Core.Model;
using Help.Indexer.Sources.Inventory;

namespace Help.Indexer.Sources.Sphinx;

/// <summary>A folder of Sphinx HTML output: which files are content pages, and which doc set they make.</summary>
public static partial class SphinxDocTree
{
    private const string DefaultName = "Python";

    /// <summary>
    /// The content pages under <paramref name="root"/>, relative with forward slashes, sorted ordinally.
    /// Left out: the generated indexes (<c>genindex*</c>, <c>*modindex.html</c>), <c>search.html</c>, and
    /// Sphinx's own folders at the root (<c>_static</c>, <c>_sources</c>, <c>_images</c>, <c>_downloads</c>, any <c>_*</c>).
    /// </summary>
    public static IEnumerable<string> Pages(string root)
    {
        if (!Directory.Exists(root))
        {
            return [];
        }
        var pages = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*.html", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            var name = relative[(relative.LastIndexOf('/') + 1)..];
            var firstSegment = relative.Contains('/') ? relative[..relative.IndexOf('/')] : null;
            if (firstSegment is not null && firstSegment.StartsWith('_'))
            {
                continue;
            }
            if (name.StartsWith("genindex", StringComparison.Ordinal)
                || name.EndsWith("modindex.html", StringComparison.Ordinal)
                || relative == "search.html")
            {
                continue;
            }
            pages.Add(relative);
        }
        pages.Sort(StringComparer.Ordinal);
        return pages;
    }

    /// <summary>
    /// The doc set of a tree: from the inventory's project and version; else from
    /// <c>_static/documentation_options.js</c> (its <c>VERSION</c>); else from a page title such as
    /// "Runners — Python 3.11.2 documentation"; else, for a tree that names no version anywhere, from the Debian
    /// package it comes in (<c>/usr/share/doc/python-setuptools-doc/html</c> is <c>setuptools</c>, whatever project
    /// name its build left in). The id is the lower-case name and the major.minor version: <c>python-3.11</c>.
    /// </summary>
    public static DocSet DetectDocSet(string root, SphinxInventory? inventory)
    {
        var found = DetectFromMetadata(root, inventory);
        return found.Version.Length == 0 && PackageName(root) is { } package ? DocSet.Create(package, null, root) : found;
    }

    /// <summary><c>setuptools</c> of <c>.../python-setuptools-doc/html</c> or <c>.../python3-setuptools/html</c>; else null.</summary>
    private static string? PackageName(string root)
    {
        var full = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar);
        if (!string.Equals(Path.GetFileName(full), "html", StringComparison.Ordinal))
        {
            return null;
        }
        var m = DebianDocPackage().Match(Path.GetFileName(Path.GetDirectoryName(full)) ?? "");
        return m.Success ? m.Groups[1].Value : null;
    }

    [GeneratedRegex(@"^python3?-(.+?)(?:-doc)?$", RegexOptions.CultureInvariant)]
    private static partial Regex DebianDocPackage();

    private static DocSet DetectFromMetadata(string root, SphinxInventory? inventory)
    {
        if (inventory is not null && inventory.Version.Length > 0)
        {
            var name = inventory.Project.Length > 0 ? inventory.Project : DefaultName;
            return Make(name, inventory.Version, root);
        }
        if (VersionFromOptions(root) is { } optionsVersion)
        {
            var fromTitle = FromTitles(root);
            return Make(fromTitle?.Name ?? DefaultName, optionsVersion, root);
        }
        if (FromTitles(root) is { } titled)
        {
            return Make(titled.Name, titled.Version, root);
        }
        return DocSet.Create(DefaultName, null, root);
    }

    private static DocSet Make(string name, string version, string root) => DocSet.Create(name, version, root);

    /// <summary>Looks for <c>_static/documentation_options.js</c> in the root and up to two folders above (for a single page).</summary>
    /// <summary>
    /// The project and version a page title names, as Sphinx writes it: "Runners — Python 3.11.2 documentation", or
    /// "Python 3.11.2 documentation" alone, gives (Python, 3.11.2); null when it names no version.
    /// </summary>
    public static (string Name, string Version)? ProjectOfTitle(string title)
    {
        var m = TitleProject().Match(title.Trim());
        return m.Success ? (m.Groups[1].Value.Trim(), m.Groups[2].Value) : null;
    }

    private static string? VersionFromOptions(string root)
    {
        var dir = new DirectoryInfo(Path.GetFullPath(root));
        for (var level = 0; level < 3 && dir is not null; level++, dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "_static", "documentation_options.js");
            if (!File.Exists(path))
            {
                continue;
            }
            try
            {
                var m = OptionsVersion().Match(File.ReadAllText(path));
                if (m.Success && m.Groups[1].Value.Length > 0)
                {
                    return m.Groups[1].Value;
                }
            }
            catch (IOException)
            {
                return null;
            }
        }
        return null;
    }

    private static (string Name, string Version)? FromTitles(string root)
    {
        var candidates = new List<string>();
        var index = Path.Combine(root, "index.html");
        if (File.Exists(index))
        {
            candidates.Add(index);
        }
        candidates.AddRange(Pages(root).Take(5).Select(p => Path.Combine(root, p)));
        foreach (var path in candidates)
        {
            try
            {
                using var reader = new StreamReader(path);
                var buffer = new char[8192];
                var head = new string(buffer, 0, reader.ReadBlock(buffer, 0, buffer.Length));
                var title = TitleElement().Match(head);
                if (!title.Success)
                {
                    continue;
                }
                if (ProjectOfTitle(System.Net.WebUtility.HtmlDecode(title.Groups[1].Value)) is { } project)
                {
                    return project;
                }
            }
            catch (IOException)
            {
            }
        }
        return null;
    }

    [GeneratedRegex(@"VERSION:\s*['""]([^'""]*)['""]", RegexOptions.CultureInvariant)]
    private static partial Regex OptionsVersion();

    [GeneratedRegex(@"<title>([^<]*)</title>", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TitleElement();

    // "<page> — Python 3.11.2 documentation", or "Python 3.11.2 documentation" alone.
    [GeneratedRegex(@"(?:^|\u2014\s*)([^\u2014]*?)\s+v?(\d+(?:\.\d+)*[A-Za-z0-9]*)\s+[Dd]ocumentation\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TitleProject();
}
