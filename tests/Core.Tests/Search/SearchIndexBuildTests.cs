using Help.Core.Model;
using Help.Core.Search;
using Xunit;

namespace Help.Core.Tests.Search;

/// <summary>
/// The indexer's search index is updated when it can be (changed documents replaced, removed ones deleted): the
/// result finds what a new index of the same documents finds, and any doubt writes a new index and says why.
/// </summary>
public sealed class SearchIndexBuildTests : IDisposable
{
    private const string Builder = "test-build-1";
    private readonly string _root = Directory.CreateTempSubdirectory("pyhelp-search-build-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static readonly SearchDocument[] Before =
    [
        Doc("kettle", "Kettle", "Boils water for tea and for the soup."),
        Doc("kettle.fill", "fill", "Fills the kettle with cold water from the tap."),
        Doc("kettle.pour", "pour", "Pours boiling water into a cup."),
        Doc("oven", "Oven", "Bakes bread, roasts vegetables and warms plates."),
        Doc("oven.preheat", "preheat", "Heats the oven before the bread goes in."),
        Doc("toaster", "Toaster", "Browns slices of bread on both sides."),
        .. Enumerable.Range(1, 12).Select(i => Doc($"utensil.u{i:D2}", $"u{i:D2}", $"Utensil number {i} stirs the water and the soup.")),
    ];

    [Fact]
    public void Write_DocumentsChangedRemovedAndAdded_UpdatesAndFindsWhatANewIndexFinds()
    {
        var previous = Path.Combine(_root, "previous");
        Write(previous, Before, null);
        SearchDocument[] after =
        [
            Before[0],
            Doc("kettle.descale", "descale", "Removes lime from the kettle with vinegar water."),
            Before[1],
            Before[2] with { Body = "Pours boiling water into a cup or a teapot." },
            Before[3],
            Before[5],
            .. Before[6..],
            Doc("waffle", "Waffle iron", "Bakes waffles from batter between two hot plates."),
        ];

        var updated = Path.Combine(_root, "updated");
        var result = Write(updated, after, previous);
        var fresh = Path.Combine(_root, "fresh");
        Write(fresh, after, null);

        Assert.Null(result.FullBuildReason);
        Assert.Equal((16, 2, 3), (result.Kept, result.Removed, result.Added));
        using var expected = SearchIndex.Open(fresh);
        using var actual = SearchIndex.Open(updated);
        Assert.Equal(expected.Count, actual.Count);
        foreach (var query in (string[])["water", "bread", "kettle", "teapot", "preheat", "plates", "boil", "lime vinegar", "cup", "soup", "stirs"])
        {
            // The same documents; scores may differ a little, as BM25 counts a deleted document until its segment is merged.
            Assert.Equal(Keys(expected.Search(new SearchQuery(query))), Keys(actual.Search(new SearchQuery(query))));
        }
        Assert.Empty(actual.Search(new SearchQuery("preheat")));
        // The previous index is left as it was.
        using var old = SearchIndex.Open(previous);
        Assert.Single(old.Search(new SearchQuery("preheat")));
    }

    [Fact]
    public void Write_PreviousFromAnotherBuild_WritesANewIndexAndSaysWhy()
    {
        var previous = Path.Combine(_root, "previous");
        SearchIndexBuild.Write(previous, Stamped(Before), "another-build", null);

        var result = Write(Path.Combine(_root, "next"), Before, previous);

        Assert.Equal("the previous search index was written by another build of this tool", result.FullBuildReason);
    }

    [Fact]
    public void Write_PreviousDamaged_WritesANewIndexAndSaysWhy()
    {
        var previous = Path.Combine(_root, "previous");
        Write(previous, Before, null);
        foreach (var segments in Directory.GetFiles(previous, "segments_*"))
        {
            File.WriteAllBytes(segments, [1, 2, 3]);
        }

        var next = Path.Combine(_root, "next");
        var result = Write(next, Before, previous);

        Assert.StartsWith("the previous search index could not be read", result.FullBuildReason);
        using var index = SearchIndex.Open(next);
        Assert.Single(index.Search(new SearchQuery("browns")));
    }

    [Fact]
    public void Write_MostDocumentsChanged_WritesANewIndex()
    {
        var previous = Path.Combine(_root, "previous");
        Write(previous, Before, null);
        var changed = Before.Select(d => d with { Body = d.Body + " Now in red." }).ToArray();

        var result = Write(Path.Combine(_root, "next"), changed, previous);

        Assert.Equal($"{Before.Length} of {Before.Length} documents changed", result.FullBuildReason);
    }

    [Fact]
    public void Write_DocumentWithoutTitle_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Write(Path.Combine(_root, "bad"), [Before[0] with { Title = " " }], null));
        Assert.Contains("kettle", e.Message);
    }

    private static SearchIndexBuildResult Write(string path, IReadOnlyList<SearchDocument> docs, string? previous) =>
        SearchIndexBuild.Write(path, Stamped(docs), Builder, previous);

    private static List<StampedSearchDocument> Stamped(IReadOnlyList<SearchDocument> docs) => docs
        .Select(d => new StampedSearchDocument(d.DocSet, d.Key, d.Kind, StableStamp(d), () => d))
        .ToList();

    // Any digest of every field serves: string.GetHashCode differs between processes, which a test does not mind.
    private static long StableStamp(SearchDocument d) =>
        HashCode.Combine(d.DocSet, d.Key, d.Kind, d.Title, d.Summary, d.Body, d.Source) * 31L + d.Key.Length;

    private static SearchDocument Doc(string key, string title, string body) =>
        new(key, key.Contains('.') ? TopicKind.Method : TopicKind.Class, "python-3.99", title, null, body.Split('.')[0] + ".", body, $"library/{key}.html");

    private static List<string> Keys(IReadOnlyList<SearchHit> hits) => hits.Select(h => h.Key).Order(StringComparer.Ordinal).ToList();
}
