using Help.Core.Index;
using Help.Core.Search;

namespace Help.Core.Query;

/// <summary>
/// One opened generation of the index: the topics table, and the search index opened only when a
/// search is made (an exact lookup never loads SQLite).
/// </summary>
public sealed class HelpIndex : IDisposable
{
    private readonly Lock _searchGate = new();
    private ISearchIndex? _search;

    public string Directory { get; }
    public TopicsTable Table { get; }

    private HelpIndex(string directory, TopicsTable table)
    {
        Directory = directory;
        Table = table;
    }

    /// <summary>The search index, opened on first use.</summary>
    /// <remarks>
    /// Opened here rather than by a delegate made in the constructor: code that never searches then never
    /// reaches SQLite, so the native lookup (src/HelpCli/QuickLookup.cs) is compiled without it.
    /// </remarks>
    public ISearchIndex Search
    {
        get
        {
            lock (_searchGate)
            {
                // The indexer leaves bodies out of the search index (the table has them): snippets render them from
                // here (the reader keeps the ones rendered last: SearchBodyCache).
                return _search ??= SqliteSearchIndex.Open(Path.Combine(Directory, IndexFolder.SearchFileName), SearchDocument.BodiesIn(Table));
            }
        }
    }

    /// <summary>Opens the generation in <paramref name="generationDir"/>; throws <see cref="InvalidDataException"/> if it is unreadable.</summary>
    /// <param name="mapTable">Map the table's directory rather than read it, as the terminal tool does
    /// (<see cref="TopicsTable.Open"/>).</param>
    public static HelpIndex Open(string generationDir, bool mapTable = false) =>
        new(generationDir, TopicsTable.Open(Path.Combine(generationDir, TopicsTableFormat.FileName), mapTable));

    public void Dispose()
    {
        Table.Dispose();
        lock (_searchGate)
        {
            _search?.Dispose();
        }
    }
}
