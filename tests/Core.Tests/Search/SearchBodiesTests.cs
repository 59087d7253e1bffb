using Help.Core.Search;
using Xunit;

namespace Help.Core.Tests.Search;

/// <summary>The index stores no bodies: snippets are cut from the bodies its opener gives back, and without them it still answers.</summary>
public sealed class SearchBodiesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pyhelp-bodies-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Search_OpenedWithoutBodies_StillFindsAndShowsTheSummary()
    {
        var path = Path.Combine(_folder, SearchIndex.FolderName);
        SearchFixture.Build(path, SearchFixture.Documents);

        using var index = SearchIndex.Open(path);
        var hit = Assert.Single(index.Search(new SearchQuery("worker threads")), h => h.Key == "changelog#library");

        Assert.Equal("Library changes.", hit.Snippet);
    }

    [Fact]
    public void Search_OpenedWithBodies_SnippetIsFromTheBody()
    {
        var path = Path.Combine(_folder, SearchIndex.FolderName);
        SearchFixture.Build(path, SearchFixture.Documents);

        using var index = SearchIndex.Open(path, SearchFixture.BodiesOf(SearchFixture.Documents));
        var hit = Assert.Single(index.Search(new SearchQuery("worker threads")), h => h.Key == "changelog#library");

        Assert.Contains("worker threads leak", hit.Snippet, StringComparison.OrdinalIgnoreCase);
    }
}
