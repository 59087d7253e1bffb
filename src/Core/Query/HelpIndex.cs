using Help.Core.Index;
using Help.Core.Search;

namespace Help.Core.Query;

/// <summary>
/// One opened generation of the index: the topics table, and the search index opened only when a
/// search is made (an exact lookup never opens it).
/// </summary>
public sealed class HelpIndex : IDisposable
{
    private readonly Lock _searchGate = new();
    private SearchIndex? _search;

    public string Directory { get; }
    public TopicsTable Table { get; }

    private HelpIndex(string directory, TopicsTable table)
    {
        Directory = directory;
        Table = table;
    }

    /// <summary>The search index, opened on first use.</summary>
    public SearchIndex Search
    {
        get
        {
            lock (_searchGate)
            {
                return _search ??= SearchIndex.Open(Path.Combine(Directory, SearchIndex.FolderName));
            }
        }
    }

    /// <summary>Opens the generation in <paramref name="generationDir"/>; throws <see cref="InvalidDataException"/> if it is unreadable.</summary>
    public static HelpIndex Open(string generationDir) =>
        new(generationDir, TopicsTable.Open(Path.Combine(generationDir, TopicsTableFormat.FileName)));

    public void Dispose()
    {
        Table.Dispose();
        lock (_searchGate)
        {
            _search?.Dispose();
        }
    }
}
