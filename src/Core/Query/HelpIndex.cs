using Help.Core.Index;
using Help.Core.Search;

namespace Help.Core.Query;

/// <summary>
/// One opened generation of the index: the topics table, and the search index opened only when a
/// search is made (an exact lookup never loads SQLite).
/// </summary>
public sealed class HelpIndex : IDisposable
{
    private readonly Lazy<ISearchIndex> _search;

    public string Directory { get; }
    public TopicsTable Table { get; }

    private HelpIndex(string directory, TopicsTable table)
    {
        Directory = directory;
        Table = table;
        // The indexer leaves bodies out of the search index (the table has them): snippets render them from here
        // (the reader keeps the ones rendered last: SearchBodyCache).
        _search = new Lazy<ISearchIndex>(() => SqliteSearchIndex.Open(Path.Combine(directory, IndexFolder.SearchFileName),
            SearchDocument.BodiesIn(table)));
    }

    public ISearchIndex Search => _search.Value;

    /// <summary>Opens the generation in <paramref name="generationDir"/>; throws <see cref="InvalidDataException"/> if it is unreadable.</summary>
    /// <param name="mapTable">Map the table's directory rather than read it, as the terminal tool does
    /// (<see cref="TopicsTable.Open"/>).</param>
    public static HelpIndex Open(string generationDir, bool mapTable = false) =>
        new(generationDir, TopicsTable.Open(Path.Combine(generationDir, TopicsTableFormat.FileName), mapTable));

    public void Dispose()
    {
        Table.Dispose();
        if (_search.IsValueCreated)
        {
            _search.Value.Dispose();
        }
    }
}
