using Help.Core.Model;
using Help.Core.Search;
using Xunit;

namespace Help.Core.Tests.Search;

/// <summary>An index written without bodies answers as one with them, given the bodies back when it is opened.</summary>
public sealed class SearchBodiesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pyhelp-bodies-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("worker threads")]
    [InlineData("gather results")]
    [InlineData("ThreadPoolExecutor")]
    [InlineData("shell prompt")]
    public void Search_IndexWithoutBodies_GivesTheSameHitsAndSnippets(string query)
    {
        var documents = SearchFixture.Documents;
        var stored = Path.Combine(_folder, "stored.db");
        SearchFixture.Build(stored, documents);
        var external = Path.Combine(_folder, "external.db");
        using (var writer = SqliteSearchIndex.CreateWithoutBodies(external))
        {
            foreach (var d in documents)
            {
                writer.Add(d);
            }
            writer.Complete();
        }
        var bodies = documents.ToDictionary(d => (d.Key, d.Kind, d.DocSet), d => d.Body);

        using var withBodies = SqliteSearchIndex.Open(stored);
        using var withoutBodies = SqliteSearchIndex.Open(external, (key, kind, docSet) => bodies.GetValueOrDefault((key, kind, docSet)));
        var expected = withBodies.Search(new SearchQuery(query));
        var actual = withoutBodies.Search(new SearchQuery(query));

        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(h => (h.Key, h.Snippet, string.Join(",", h.Highlights))),
            actual.Select(h => (h.Key, h.Snippet, string.Join(",", h.Highlights))));
    }

    [Fact]
    public void Search_IndexWithoutBodiesOpenedWithoutThem_StillFindsAndShowsTheSummary()
    {
        var external = Path.Combine(_folder, "external.db");
        using (var writer = SqliteSearchIndex.CreateWithoutBodies(external))
        {
            foreach (var d in SearchFixture.Documents)
            {
                writer.Add(d);
            }
            writer.Complete();
        }

        using var index = SqliteSearchIndex.Open(external);
        var hit = Assert.Single(index.Search(new SearchQuery("worker threads")), h => h.Key == "changelog#library");

        Assert.Equal("Library changes.", hit.Snippet);
    }

    [Fact]
    public void Size_IndexWithoutBodies_IsSmaller()
    {
        var stored = Path.Combine(_folder, "stored.db");
        var external = Path.Combine(_folder, "external.db");
        var many = Enumerable.Range(0, 300).Select(i => new SearchDocument($"m.f{i}", TopicKind.Function, "python-3.11", $"m.f{i}", null,
            "A summary.", string.Join(' ', Enumerable.Range(0, 200).Select(w => $"word{(w * 7 + i) % 500}")), null)).ToList();
        SearchFixture.Build(stored, many);
        using (var writer = SqliteSearchIndex.CreateWithoutBodies(external))
        {
            many.ForEach(writer.Add);
            writer.Complete();
        }

        Assert.True(new FileInfo(external).Length < new FileInfo(stored).Length,
            $"without bodies {new FileInfo(external).Length} bytes, with {new FileInfo(stored).Length}");
    }
}
