using System.Text;
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

    private SearchBodySource Counted(Func<string, TopicKind, string, string?> body) => (key, kind, docSet) =>
    {
        lock (_rendered)
        {
            var name = $"{key} {kind} {docSet}";
            _rendered[name] = _rendered.GetValueOrDefault(name) + 1;
        }
        return body(key, kind, docSet);
    };

    private int Renders(string key, TopicKind kind = TopicKind.Function, string docSet = "py") =>
        _rendered.GetValueOrDefault($"{key} {kind} {docSet}");

    private static string Text(byte[] utf8) => Encoding.UTF8.GetString(utf8);

    [Fact]
    public void Get_SameTopicTwice_RendersItOnce()
    {
        var cache = new SearchBodyCache(Counted((key, _, _) => $"body of {key}"), 100);

        Assert.Equal("body of a", Text(cache.Get("a", TopicKind.Function, "py")));
        Assert.Equal("body of a", Text(cache.Get("a", TopicKind.Function, "py")));

        Assert.Equal(1, Renders("a"));
    }

    [Fact]
    public void Get_SameKeyOfAnotherKind_IsAnotherBody()
    {
        var cache = new SearchBodyCache(Counted((key, kind, _) => $"{kind} {key}"), 100);

        Assert.Equal("Function a", Text(cache.Get("a", TopicKind.Function, "py")));
        Assert.Equal("Module a", Text(cache.Get("a", TopicKind.Module, "py")));
    }

    [Fact]
    public void Get_TextWithControlCharacters_GivesItAsIndexed()
    {
        var cache = new SearchBodyCache(Counted((_, _, _) => "caf\u00e9\u0001bar\nbaz"), 100);

        Assert.Equal(SearchText.Clean("caf\u00e9\u0001bar\nbaz"), Text(cache.Get("a", TopicKind.Function, "py")));
    }

    [Fact]
    public void Get_PastCapacity_DropsTheLeastRecentlyUsed()
    {
        var cache = new SearchBodyCache(Counted((_, _, _) => "xxxx"), 16);
        foreach (var key in new[] { "a", "b", "c", "d" })
        {
            cache.Get(key, TopicKind.Function, "py");
        }
        cache.Get("a", TopicKind.Function, "py");

        cache.Get("e", TopicKind.Function, "py");
        cache.Get("a", TopicKind.Function, "py");
        cache.Get("b", TopicKind.Function, "py");

        Assert.True(cache.Bytes <= 16, $"{cache.Bytes} bytes kept");
        Assert.Equal(1, Renders("a"));
        Assert.Equal(2, Renders("b"));
    }

    [Fact]
    public void Get_BodyOverAQuarterOfTheCapacity_IsGivenButNotKept()
    {
        var cache = new SearchBodyCache(Counted((_, _, _) => "xxxxx"), 16);

        Assert.Equal("xxxxx", Text(cache.Get("big", TopicKind.Page, "py")));
        cache.Get("big", TopicKind.Page, "py");

        Assert.Equal(2, Renders("big", TopicKind.Page));
        Assert.Equal(0, cache.Bytes);
    }

    [Fact]
    public void Get_UnknownTopic_GivesEmptyText()
    {
        var cache = new SearchBodyCache(Counted((_, _, _) => null), 100);

        Assert.Empty(cache.Get("missing", TopicKind.Function, "py"));
    }

    [Fact]
    public async Task Get_ManyThreadsAtOnce_GiveEachTheirBodyAndStayWithinCapacity()
    {
        var cache = new SearchBodyCache(Counted((key, _, _) => $"body {key}"), 64);
        var keys = Enumerable.Range(0, 40).Select(i => $"k{i}").ToArray();

        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(t => Task.Run(() =>
            Enumerable.Range(0, 400).Select(i => keys[(i * 7 + t) % keys.Length])
                .All(k => Text(cache.Get(k, TopicKind.Function, "py")) == $"body {k}"), TestContext.Current.CancellationToken)));

        Assert.All(answers, Assert.True);
        Assert.True(cache.Bytes <= 64, $"{cache.Bytes} bytes kept");
    }

    [Fact]
    public void Search_IndexWithoutBodies_RendersEachBodyOnceAcrossSearches()
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
        using var index = SqliteSearchIndex.Open(external, Counted((key, kind, docSet) => bodies.GetValueOrDefault((key, kind, docSet))));

        var first = index.Search(new SearchQuery("worker threads"));
        var second = index.Search(new SearchQuery("worker threads"));

        Assert.NotEmpty(first);
        static IEnumerable<(string, string, string)> Shown(IEnumerable<SearchHit> hits) =>
            hits.Select(h => (h.Key, h.Snippet, string.Join(",", h.Highlights)));
        Assert.Equal(Shown(first), Shown(second));
        Assert.NotEmpty(_rendered);
        Assert.All(_rendered, r => Assert.Equal(1, r.Value));
    }
}
