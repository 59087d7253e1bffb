using Help.Core.Model;
using Help.Core.Search;
using Xunit;

namespace Help.Core.Tests.Search;

/// <summary>
/// The indexer's search index is updated in place when it can be: the result answers searches exactly as a
/// new file of the same documents, and any doubt writes a new file and says why.
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
    public void Write_DocumentsChangedRemovedAndAdded_UpdatesAndSearchesAsANewFile()
    {
        var previous = Path.Combine(_root, "previous.db");
        Write(previous, Before, null, null);
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

        var updated = Path.Combine(_root, "updated.db");
        var result = Write(updated, after, previous, Bodies(Before));
        var fresh = Path.Combine(_root, "fresh.db");
        Write(fresh, after, null, null);

        Assert.Null(result.FullBuildReason);
        Assert.Equal((16, 2, 3), (result.Kept, result.Removed, result.Added));
        using var expected = SqliteSearchIndex.Open(fresh, Bodies(after));
        using var actual = SqliteSearchIndex.Open(updated, Bodies(after));
        foreach (var query in (string[])["water", "bread", "kettle", "teapot", "preheat", "plates", "boil", "lime vinegar", "cup", "soup", "stirs"])
        {
            Assert.Equal(Describe(expected.Search(new SearchQuery(query))), Describe(actual.Search(new SearchQuery(query))));
        }
        Assert.Empty(actual.Search(new SearchQuery("preheat")));
    }

    [Fact]
    public void Write_PreviousFromAnotherBuild_WritesANewFileAndSaysWhy()
    {
        var previous = Path.Combine(_root, "previous.db");
        SearchIndexBuild.Write(previous, Stamped(Before), "another-build", null, null);

        var result = Write(Path.Combine(_root, "next.db"), Before, previous, Bodies(Before));

        Assert.Equal("the previous search index was written by another build of the tool", result.FullBuildReason);
    }

    [Fact]
    public void Write_PreviousBodyUnknown_WritesANewFileAndSaysWhy()
    {
        var previous = Path.Combine(_root, "previous.db");
        Write(previous, Before, null, null);
        var after = Before.Select(d => d.Key == "toaster" ? d with { Body = "Browns bread." } : d).ToArray();

        var next = Path.Combine(_root, "next.db");
        var result = Write(next, after, previous, (_, _, _) => null);

        Assert.StartsWith("the text of python-3.99 toaster in the previous index is not known", result.FullBuildReason);
        using var index = SqliteSearchIndex.Open(next, Bodies(after));
        Assert.Single(index.Search(new SearchQuery("browns")));
    }

    [Fact]
    public void Write_ManyUpdatesInARow_WritesANewFileToCompactIt()
    {
        var path = Path.Combine(_root, "gen-0.db");
        Write(path, Before, null, null);
        var current = Before;
        SearchIndexBuildResult? last = null;
        for (var i = 1; i <= SqliteSearchIndexUpdater.MaxUpdates + 1; i++)
        {
            var next = Path.Combine(_root, $"gen-{i}.db");
            var changed = current.Select(d => d.Key == "toaster" ? d with { Body = $"Browns bread, setting {i}." } : d).ToArray();
            last = Write(next, changed, path, Bodies(current));
            (path, current) = (next, changed);
        }

        Assert.Equal($"{SqliteSearchIndexUpdater.MaxUpdates} updates since it was written new: written new to compact it", last!.FullBuildReason);
    }

    private static SearchIndexBuildResult Write(string path, IReadOnlyList<SearchDocument> docs, string? previous, SearchBodySource? bodies) =>
        SearchIndexBuild.Write(path, Stamped(docs), Builder, previous, bodies);

    private static List<StampedSearchDocument> Stamped(IReadOnlyList<SearchDocument> docs) => docs
        .Select(d => new StampedSearchDocument(d.DocSet, d.Key, d.Kind, StableStamp(d), () => d))
        .ToList();

    // Any digest of every field serves: string.GetHashCode differs between processes, which a test does not mind.
    private static long StableStamp(SearchDocument d) =>
        HashCode.Combine(d.DocSet, d.Key, d.Kind, d.Title, d.Summary, d.Body, d.Source) * 31L + d.Key.Length;

    private static SearchBodySource Bodies(IReadOnlyList<SearchDocument> docs) =>
        (key, kind, docSet) => docs.FirstOrDefault(d => d.Key == key && d.Kind == kind && d.DocSet == docSet)?.Body;

    private static SearchDocument Doc(string key, string title, string body) =>
        new(key, key.Contains('.') ? TopicKind.Method : TopicKind.Class, "python-3.99", title, null, body.Split('.')[0] + ".", body, $"library/{key}.html");

    private static List<string> Describe(IReadOnlyList<SearchHit> hits) => hits
        .Select(h => $"{h.Key} {h.Kind} {h.Title} | {h.Summary} | {h.Score:R} | {h.Snippet} | "
            + string.Join(",", h.Highlights.Select(x => $"{x.Start}+{x.Length}")))
        .ToList();
}
