using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Help.Indexer.Sources.Inventory;

/// <summary>
/// A Sphinx inventory, version 2: the <c>objects.inv</c> file that maps every documented object,
/// label, term and page to its location. Immutable once read; safe to share between threads.
/// </summary>
/// <remarks>
/// Format (Sphinx <c>sphinx/util/inventory.py</c>, <c>InventoryFile.load_v2</c>): four text lines,
/// <code>
/// # Sphinx inventory version 2
/// # Project: Python
/// # Version: 3.11
/// # The remainder of this file is compressed using zlib.
/// </code>
/// then a zlib stream of UTF-8 lines <c>name domain:role priority location dispname</c>, where a
/// location ending in <c>$</c> stands for the location followed by the name, and a display name
/// <c>-</c> means "the same as the name". Names may contain spaces, so a line is split the way Sphinx
/// splits it, with a lazy regular expression.
/// </remarks>
public sealed partial class SphinxInventory
{
    private const string VersionLine = "# Sphinx inventory version 2";
    private const string ProjectPrefix = "# Project: ";
    private const string VersionPrefix = "# Version: ";

    private readonly Dictionary<(string Page, string Anchor), List<InventoryEntry>> _byLocation;
    private readonly Dictionary<string, List<InventoryEntry>> _byPage;
    private readonly Lazy<HashSet<string>> _moduleNames;

    private SphinxInventory(string project, string version, IReadOnlyList<InventoryEntry> entries)
    {
        Project = project;
        Version = version;
        Entries = entries;
        _byLocation = new Dictionary<(string, string), List<InventoryEntry>>();
        _byPage = new Dictionary<string, List<InventoryEntry>>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!_byPage.TryGetValue(entry.Page, out var onPage))
            {
                _byPage[entry.Page] = onPage = [];
            }
            onPage.Add(entry);
            var key = (entry.Page, entry.Anchor ?? "");
            if (!_byLocation.TryGetValue(key, out var list))
            {
                _byLocation[key] = list = [];
            }
            list.Add(entry);
        }
        _moduleNames = new Lazy<HashSet<string>>(
            () => entries.Where(e => e.Role == "py:module").Select(e => e.Name).ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>The project name from the header: <c>Python</c>.</summary>
    public string Project { get; }

    /// <summary>The version from the header, as written: <c>3.11</c>.</summary>
    public string Version { get; }

    /// <summary>Every entry, in file order.</summary>
    public IReadOnlyList<InventoryEntry> Entries { get; }

    /// <summary>The names of all <c>py:module</c> entries.</summary>
    internal IReadOnlySet<string> ModuleNames => _moduleNames.Value;

    /// <summary>The entries that point at one anchor of one page (an empty anchor: the page itself).</summary>
    public IReadOnlyList<InventoryEntry> At(string page, string anchor) =>
        _byLocation.TryGetValue((page, anchor), out var list) ? list : [];

    /// <summary>The entries that point into one page, in file order.</summary>
    public IReadOnlyList<InventoryEntry> OnPage(string page) =>
        _byPage.TryGetValue(page, out var list) ? list : [];

    /// <summary>
    /// The inventory of the Sphinx HTML tree at <paramref name="htmlRoot"/>, or null when it has none or it cannot be
    /// read (then a warning names the file and says the keys come from <paramref name="keysFrom"/> alone).
    /// </summary>
    public static SphinxInventory? TryLoad(string htmlRoot, Pipeline.Diagnostics diagnostics, string keysFrom)
    {
        var path = Path.Combine(htmlRoot, "objects.inv");
        if (!File.Exists(path))
        {
            return null;
        }
        try
        {
            using var stream = File.OpenRead(path);
            return Read(stream, path);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            diagnostics.Warn(path, $"inventory unreadable, keys come from {keysFrom} alone: {e.Message}");
            return null;
        }
    }

    /// <summary>Reads an inventory.</summary>
    /// <param name="stream">The file, positioned at its start; read to its end.</param>
    /// <param name="pathForErrors">The file's path, named in exception messages.</param>
    /// <exception cref="InvalidDataException">The header is not a version 2 inventory, or the zlib stream is damaged.</exception>
    public static SphinxInventory Read(Stream stream, string pathForErrors)
    {
        var first = ReadHeaderLine(stream);
        if (first is null || !first.StartsWith("# Sphinx inventory version", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{pathForErrors}: not a Sphinx inventory (first line is '{Shorten(first)}')");
        }
        if (first.TrimEnd() != VersionLine)
        {
            throw new InvalidDataException($"{pathForErrors}: unsupported inventory format '{Shorten(first)}', only version 2 is read");
        }
        var projectLine = ReadHeaderLine(stream);
        var versionLine = ReadHeaderLine(stream);
        var zlibLine = ReadHeaderLine(stream);
        if (projectLine is null || !projectLine.StartsWith(ProjectPrefix, StringComparison.Ordinal)
            || versionLine is null || !versionLine.StartsWith(VersionPrefix, StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{pathForErrors}: inventory header lacks the '# Project:' and '# Version:' lines");
        }
        if (zlibLine is null || !zlibLine.Contains("zlib", StringComparison.Ordinal))
        {
            throw new InvalidDataException($"{pathForErrors}: inventory header does not announce a zlib stream (line 4 is '{Shorten(zlibLine)}')");
        }

        string text;
        try
        {
            using var zlib = new ZLibStream(stream, CompressionMode.Decompress, leaveOpen: true);
            using var reader = new StreamReader(zlib, new UTF8Encoding(false, false));
            text = reader.ReadToEnd();
        }
        catch (InvalidDataException e)
        {
            throw new InvalidDataException($"{pathForErrors}: damaged zlib stream: {e.Message}", e);
        }

        return new SphinxInventory(
            projectLine[ProjectPrefix.Length..].Trim(),
            versionLine[VersionPrefix.Length..].Trim(),
            ParseEntries(text));
    }

    private static List<InventoryEntry> ParseEntries(string text)
    {
        var entries = new List<InventoryEntry>();
        // Sphinx keeps one entry per (role, name): the last one read, except for py:module, where
        // Sphinx 1.1 and older wrote two entries and the first is the right one.
        var index = new Dictionary<(string Role, string Name), int>();
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd();
            var m = EntryLine().Match(line);
            // Sphinx skips lines it cannot split and roles without a domain; so do we.
            if (!m.Success || !m.Groups[2].Value.Contains(':')
                || !int.TryParse(m.Groups[3].ValueSpan, System.Globalization.NumberStyles.AllowLeadingSign,
                    System.Globalization.CultureInfo.InvariantCulture, out var priority))
            {
                continue;
            }
            var name = m.Groups[1].Value;
            var role = m.Groups[2].Value;
            var location = m.Groups[4].Value;
            var display = m.Groups[5].Value;
            if (location.EndsWith('$'))
            {
                location = location[..^1] + name;
            }
            var hash = location.IndexOf('#');
            var page = hash < 0 ? location : location[..hash];
            var anchor = hash < 0 || hash == location.Length - 1 ? null : location[(hash + 1)..];
            var entry = new InventoryEntry(name, role, priority, page, anchor, display == "-" ? name : display);
            if (index.TryGetValue((role, name), out var at))
            {
                if (role != "py:module")
                {
                    entries[at] = entry;
                }
                continue;
            }
            index[(role, name)] = entries.Count;
            entries.Add(entry);
        }
        return entries;
    }

    /// <summary>Reads one header line byte by byte, so that the stream stays at the start of the zlib data.</summary>
    private static string? ReadHeaderLine(Stream stream)
    {
        var bytes = new List<byte>(64);
        while (true)
        {
            var b = stream.ReadByte();
            if (b < 0)
            {
                return bytes.Count == 0 ? null : Encoding.UTF8.GetString([.. bytes]);
            }
            if (b == '\n')
            {
                return Encoding.UTF8.GetString([.. bytes]).TrimEnd('\r');
            }
            if (bytes.Count > 4096)
            {
                return Encoding.UTF8.GetString([.. bytes]);
            }
            bytes.Add((byte)b);
        }
    }

    private static string Shorten(string? line) => line is null ? "" : line.Length <= 60 ? line : line[..60] + "...";

    // Sphinx's own pattern (InventoryFile.load_v2): name, role, priority, location, display name.
    [GeneratedRegex(@"^(.+?)\s+(\S+)\s+(-?\d+)\s+?(\S*)\s+(.*)$", RegexOptions.CultureInvariant)]
    private static partial Regex EntryLine();
}
