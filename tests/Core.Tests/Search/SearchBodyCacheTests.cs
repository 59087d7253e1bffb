using Help.Core.Model;
using Help.Core.Search;
using Xunit;

namespace Help.Core.Tests.Search;

/// <summary>Snippet bodies are rendered once while they are kept, the cache stays within its size, and searches answer as before.</summary>
public sealed class SearchBodyCacheTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("pyhelp-bodycache-").FullName;
    private readonly Dictionary<string, int> _rendered = [];

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private SearchBodyCache Cache(long capacity, Func<string, string?> body) => Cache(capacity, (key, kind, docSet) => body(key), key: (k, _, _) => k);

    // Counts the renders of each topic, named by `key`.
    private SearchBodyCache Cache(long capacity, SearchBodySource body, Func<string, TopicKind, string, string> key) => new((k, kind, docSet) =>
    {
        lock (_rendered)
        {
            var name = key(k, kind, docSet);
            _rendered[name] = _rendered.GetValueOrDefault(name) + 1;
        }
        return body(k, kind, docSet);
    }, capacity);

    [Fact]
    public void Get_SameTopicTwice_RendersItOnce()
    {
        var cache = Cache(100, key => $"body of {key}");

        Assert.Equal("body of a", cache.Get("a", TopicKind.Function, "python-3.11"));
        Assert.Equal("body of a", cache.Get("a", TopicKind.Function, "python-3.11"));

        Assert.Equal(1, _rendered["a"]);
    }

    [Fact]
    public void Get_SameKeyOfAnotherKind_IsAnotherBody()
    {
        var cache = Cache(100, key => $"body of {key}");

        cache.Get("a", TopicKind.Function, "python-3.11");
        cache.Get("a", TopicKind.Module, "python-3.11");

        Assert.Equal(2, _rendered["a"]);
    }

    [Fact]
    public void Get_PastCapacity_DropsTheLeastRecentlyUsed()
    {
        var cache = Cache(16, key => new string('x', 4));
        foreach (var key in new[] { "a", "b", "c", "d" })
        {
            cache.Get(key, TopicKind.Function, "py");
        }
        cache.Get("a", TopicKind.Function, "py");

        cache.Get("e", TopicKind.Function, "py");
        cache.Get("a", TopicKind.Function, "py");
        cache.Get("b", TopicKind.Function, "py");

        Assert.True(cache.Chars <= 16, $"{cache.Chars} characters kept");
        Assert.Equal(1, _rendered["a"]);
        Assert.Equal(2, _rendered["b"]);
    }

    [Fact]
    public void Get_BodyOverAQuarterOfTheCapacity_IsGivenButNotKept()
    {
        var cache = Cache(16, key => new string('x', 5));

        Assert.Equal(5, cache.Get("big", TopicKind.Page, "py")!.Length);
        cache.Get("big", TopicKind.Page, "py");

        Assert.Equal(2, _rendered["big"]);
        Assert.Equal(0, cache.Chars);
    }

    [Fact]
    public void Get_UnknownTopic_GivesNull()
    {
        var cache = Cache(100, key => null);

        Assert.Null(cache.Get("missing", TopicKind.Function, "py"));
    }

    [Fact]
    public async Task Get_ManyThreadsAtOnce_GiveEachTheirBodyAndStayWithinCapacity()
    {
        var cache = Cache(64, key => $"body {key}");
        var keys = Enumerable.Range(0, 40).Select(i => $"k{i}").ToArray();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
            Enumerable.Range(0, 400).Select(i => keys[(i * 7 + t) % keys.Length])
                .All(k => cache.Get(k, TopicKind.Function, "py") == $"body {k}"), TestContext.Current.CancellationToken)));

        Assert.All(answers, Assert.True);
        Assert.True(cache.Chars <= 64, $"{cache.Chars} characters kept");
    }

    [Fact]
    public void Search_ThroughTheCache_GivesTheSameSnippetsAndRendersEachBodyOnce()
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
        var bodies = SearchFixture.Documents.ToDictionary(d => (d.Key, d.Kind, d.DocSet), d => d.Body);
        SearchBodySource source = (key, kind, docSet) => bodies.GetValueOrDefault((key, kind, docSet));
        var cache = Cache(SearchBodyCache.DefaultCapacityChars, source, key: (k, kind, docSet) => $"{k} {kind} {docSet}");
        using var direct = SqliteSearchIndex.Open(external, source);
        using var cached = SqliteSearchIndex.Open(external, cache.Get);

        var expected = direct.Search(new SearchQuery("worker threads"));
        var first = cached.Search(new SearchQuery("worker threads"));
        var second = cached.Search(new SearchQuery("worker threads"));

        Assert.NotEmpty(expected);
        static IEnumerable<(string, string, string)> Shown(IEnumerable<SearchHit> hits) =>
            hits.Select(h => (h.Key, h.Snippet, string.Join(",", h.Highlights)));
        Assert.Equal(Shown(expected), Shown(first));
        Assert.Equal(Shown(expected), Shown(second));
        Assert.NotEmpty(_rendered);
        Assert.All(_rendered, r => Assert.Equal(1, r.Value));
    }
}
