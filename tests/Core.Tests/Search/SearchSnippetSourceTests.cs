using Help.Core.Search;
using Xunit;

namespace Help.Core.Tests.Search;

/// <summary>The index stores each topic's body: a snippet is cut from it, not from the summary.</summary>
public sealed class SearchSnippetSourceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pyhelp-bodies-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Search_WordsOnlyInTheBody_SnippetIsFromTheBody()
    {
        var path = Path.Combine(_folder, SearchIndex.FolderName);
        SearchFixture.Build(path, SearchFixture.Documents);

        using var index = SearchIndex.Open(path);
        var hit = Assert.Single(index.Search(new SearchQuery("worker threads")), h => h.Key == "changelog#library");

        Assert.Contains("worker threads leak", hit.Snippet, StringComparison.OrdinalIgnoreCase);
    }
}
