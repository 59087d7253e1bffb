using Help.Core.Index;
using Help.Core.Model;
using Help.Core.Query;

namespace Help.Indexer.Export;

/// <summary>The index an export reads, narrowed to the doc sets it exports.</summary>
public sealed class ExportSource : IDisposable
{
    private readonly HelpIndex _index;

    private ExportSource(HelpIndex index, IReadOnlyList<string> docSets)
    {
        _index = index;
        Query = new HelpQuery(index);
        DocSets = docSets;
    }

    /// <summary>Renders topics: every export goes through the same renderers as <c>pyhelp</c>.</summary>
    public HelpQuery Query { get; }

    public TopicsTable Table => _index.Table;

    /// <summary>Which doc set was chosen for the user when several were there, or null.</summary>
    public string? Note { get; private init; }

    /// <summary>The doc sets exported, sorted.</summary>
    public IReadOnlyList<string> DocSets { get; }

    /// <summary>
    /// Opens the current generation of <paramref name="folder"/>. <paramref name="docSet"/> chooses one
    /// doc set; without it every doc set is exported, or, when <paramref name="single"/> is set (formats
    /// that describe one project), the only one there is, else the newest <c>python-X.Y</c> (see <see cref="Note"/>).
    /// </summary>
    /// <exception cref="ExportException">No index, an unreadable one, or no such doc set.</exception>
    public static ExportSource Open(IndexFolder folder, string? docSet, bool single)
    {
        var generation = folder.CurrentGeneration()
            ?? throw new ExportException(ExportExit.NoIndex, $"no index in {folder.Root}; build one with: Help.Indexer build --index {folder.Root}");
        HelpIndex index;
        try
        {
            index = HelpIndex.Open(generation);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            throw new ExportException(ExportExit.NoIndex, $"cannot read the index in {generation}: {e.Message}");
        }
        var all = index.Table.DocSets.Order(StringComparer.Ordinal).ToList();
        List<string> chosen;
        string? note = null;
        if (docSet is not null)
        {
            chosen = all.Where(d => d == docSet).ToList();
        }
        else if (single && all.Count > 1)
        {
            // The default index holds Python's docs beside the tool's own manual: Python's is what
            // pydoc, Dash and Sphinx users want; among several Pythons, the newest.
            var newest = all.Where(d => d.StartsWith("python-", StringComparison.Ordinal) && Version.TryParse(d["python-".Length..], out _))
                .MaxBy(d => Version.Parse(d["python-".Length..]));
            if (newest is null)
            {
                index.Dispose();
                throw new ExportException(ExportExit.Usage, $"the index holds several doc sets ({string.Join(", ", all)}); choose one with --docset");
            }
            chosen = [newest];
            note = $"exporting {newest}; the index also holds {string.Join(", ", all.Where(d => d != newest))} (choose with --docset)";
        }
        else
        {
            chosen = all;
        }
        if (chosen.Count == 0)
        {
            index.Dispose();
            throw new ExportException(ExportExit.Usage, docSet is null
                ? $"the index in {generation} holds no topics"
                : $"no doc set '{docSet}' in the index (it holds: {string.Join(", ", all)})");
        }
        return new ExportSource(index, chosen) { Note = note };
    }

    /// <summary>Every key of the exported doc sets (aliases too), in table order: by key ignoring case (ordinally on the lower-cased key), then as the table ranks kinds.</summary>
    public IEnumerable<KeyEntry> Keys() => Table.AllKeys().Where(e => DocSets.Contains(e.DocSet));

    /// <summary>Each exported topic once, under its own key (not an alias), in table order.</summary>
    public IEnumerable<KeyEntry> TopicEntries()
    {
        var seen = new HashSet<int>();
        return Keys().Where(e => !e.IsAlias).Where(e => seen.Add(e.TopicOrdinal)).ToList();
    }

    public Topic Read(KeyEntry entry) => Table.ReadTopic(entry);

    public void Dispose() => _index.Dispose();
}

/// <summary>The exit codes of <c>export</c>.</summary>
public static class ExportExit
{
    public const int Written = 0;
    public const int Usage = 2;
    public const int NoIndex = 3;
}

/// <summary>An export that cannot be made; <see cref="ExitCode"/> says why.</summary>
public sealed class ExportException(int exitCode, string message) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
