using Help.Core.Model;
using Help.Core.Search;
using Xunit;

namespace Help.Core.Tests.Search;

public sealed class SearchIndexTests(SearchFixture fixture) : IClassFixture<SearchFixture>
{
    private IReadOnlyList<SearchHit> Search(string text, int limit = 20, IReadOnlyCollection<TopicKind>? kinds = null, string? docSet = null) =>
        fixture.Index.Search(new SearchQuery(text, limit, kinds, docSet));

    private static List<string> Keys(IEnumerable<SearchHit> hits) => hits.Select(h => h.Key).ToList();

    [Theory]
    [InlineData("ThreadPoolExecutor", "concurrent.futures.ThreadPoolExecutor")]
    [InlineData("threadpoolexecutor", "concurrent.futures.ThreadPoolExecutor")]
    [InlineData("concurrent.futures.ThreadPoolExecutor", "concurrent.futures.ThreadPoolExecutor")]
    [InlineData("asyncio.gather()", "asyncio.gather")]
    [InlineData("asyncio gather", "asyncio.gather")]
    [InlineData("thread pool executor", "concurrent.futures.ThreadPoolExecutor")]
    [InlineData("Executor", "concurrent.futures.Executor")]
    [InlineData("run", "asyncio.run")]
    public void Search_ExactName_RanksFirst(string query, string expected)
    {
        var hits = Search(query);

        Assert.Equal(expected, hits[0].Key);
    }

    [Theory]
    [InlineData("thread pool")]
    [InlineData("gather results")]
    [InlineData("ThreadPoolExecutor")]
    public void Search_WithoutSnippets_SameHitsInTheSameOrder_NoSnippet(string query)
    {
        var full = fixture.Index.Search(new SearchQuery(query));
        var bare = fixture.Index.Search(new SearchQuery(query, Snippets: false));

        Assert.NotEmpty(full);
        Assert.Equal(full.Select(h => (h.Key, h.Kind, h.DocSet, h.Title, h.Summary, h.Source, h.Score)),
            bare.Select(h => (h.Key, h.Kind, h.DocSet, h.Title, h.Summary, h.Source, h.Score)));
        Assert.Contains(full, h => h.Snippet.Length > 0);
        Assert.All(bare, h => Assert.Equal("", h.Snippet));
    }

    [Fact]
    public void Search_ExactNameInBodyOfOthers_NameStillFirst()
    {
        // The change log and Executor mention ThreadPoolExecutor in their text, the changelog three times.
        var hits = Search("ThreadPoolExecutor");

        Assert.Equal("concurrent.futures.ThreadPoolExecutor", hits[0].Key);
        Assert.Contains("concurrent.futures.Executor", Keys(hits));
    }

    [Theory]
    [InlineData("pool")]
    [InlineData("thread pool")]
    [InlineData("ThreadPool")]
    [InlineData("pool executor")]
    public void Search_CamelCasePart_FindsIdentifier(string query)
    {
        var hits = Search(query);

        Assert.Equal("concurrent.futures.ThreadPoolExecutor", hits[0].Key);
    }

    [Fact]
    public void Search_AcronymPart_FindsIdentifier()
    {
        var hits = Search("http server");

        Assert.Equal("http.server.HTTPServer", hits[0].Key);
    }

    [Theory]
    [InlineData("completed")]
    [InlineData("as_completed")]
    public void Search_SnakeCasePart_FindsIdentifier(string query)
    {
        var hits = Search(query);

        Assert.Equal("concurrent.futures.as_completed", hits[0].Key);
    }

    [Fact]
    public void Search_InflectedWord_FindsStem()
    {
        // "running" occurs nowhere; "run" is in two names and in the Executor's text.
        var keys = Keys(Search("running "));

        Assert.Contains("asyncio.run", keys);
        Assert.Contains("threading.Thread.run", keys);
        Assert.Contains("concurrent.futures.Executor", keys);
    }

    [Theory]
    [InlineData("gath*")]
    [InlineData("gath")]
    [InlineData("asyncio gath")]
    public void Search_Prefix_FindsLongerWord(string query)
    {
        var hits = Search(query);

        Assert.Equal("asyncio.gather", hits[0].Key);
    }

    [Fact]
    public void Search_ShortLastWord_IsNotPrefix()
    {
        // A two-letter last word would match half the index as a prefix.
        Assert.DoesNotContain("asyncio.gather", Keys(Search("ga")));
    }

    [Fact]
    public void Search_KindFilter_ReturnsOnlyThoseKinds()
    {
        var hits = Search("run", kinds: [TopicKind.Method]);

        Assert.Equal(["threading.Thread.run"], Keys(hits));
    }

    [Fact]
    public void Search_SeveralKinds_ReturnsEach()
    {
        var hits = Search("run", kinds: [TopicKind.Method, TopicKind.Function]);

        Assert.All(hits, h => Assert.Contains(h.Kind, new[] { TopicKind.Method, TopicKind.Function }));
        Assert.Contains("asyncio.run", Keys(hits));
        Assert.Contains("threading.Thread.run", Keys(hits));
    }

    [Fact]
    public void Search_DocSetFilter_ReturnsOnlyThatDocSet()
    {
        var hits = Search("gather", docSet: SearchFixture.OtherDocSet);

        var hit = Assert.Single(hits);
        Assert.Equal(SearchFixture.OtherDocSet, hit.DocSet);
        Assert.Equal("Await many awaitables together (newer wording).", hit.Summary);
    }

    [Fact]
    public void Search_NoDocSetFilter_ReturnsBothDocSets()
    {
        var hits = Search("asyncio.gather");

        Assert.Equal([SearchFixture.DocSet, SearchFixture.OtherDocSet], hits.Take(2).Select(h => h.DocSet).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Search_WhatsNewMentionsMore_ObjectRanksFirst()
    {
        var keys = Keys(Search("collect results"));

        Assert.True(keys.IndexOf("asyncio.gather") < keys.IndexOf("whatsnew/3.11.html#asyncio"), string.Join(", ", keys));
    }

    [Fact]
    public void Search_ChangelogMentionsMore_ObjectRanksFirst()
    {
        var keys = Keys(Search("worker threads"));

        Assert.Equal("concurrent.futures.ThreadPoolExecutor", keys[0]);
        Assert.Contains("changelog#library", keys);
    }

    [Theory]
    [InlineData("what's new collect results")]
    [InlineData("whatsnew collect results")]
    public void Search_QueryNamesWhatsNew_NotDemoted(string query)
    {
        var keys = Keys(Search(query));

        Assert.Equal("whatsnew/3.11.html#asyncio", keys[0]);
    }

    [Fact]
    public void Search_AllWordsMatch_RankAboveSomeWords()
    {
        // "worker" alone is in the changelog three times; only ThreadPoolExecutor has every word.
        var keys = Keys(Search("worker threads submit"));

        Assert.Equal("concurrent.futures.ThreadPoolExecutor", keys[0]);
        Assert.Contains("changelog#library", keys);
    }

    [Fact]
    public void Search_StopWords_DoNotHideTheAnswer()
    {
        var keys = Keys(Search("how do I start the interpreter"));

        Assert.Equal("tutorial/interpreter.html#invoking", keys[0]);
    }

    [Fact]
    public void Search_Snippet_HighlightsPointAtMatchedWords()
    {
        var hit = Search("worker threads").First(h => h.Key == "concurrent.futures.ThreadPoolExecutor");

        Assert.NotEmpty(hit.Highlights);
        foreach (var (start, length) in hit.Highlights)
        {
            var word = hit.Snippet.Substring(start, length).ToLowerInvariant();
            Assert.True(word.StartsWith("worker", StringComparison.Ordinal) || word.StartsWith("thread", StringComparison.Ordinal), $"highlighted '{word}' in '{hit.Snippet}'");
        }
        Assert.Contains(hit.Highlights, h => hit.Snippet.Substring(h.Start, h.Length).StartsWith("worker", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Search_StemMatch_HighlightsInflectedWord()
    {
        var hit = Search("collected").First(h => h.Key == "asyncio.gather");

        var marked = hit.Highlights.Select(h => hit.Snippet.Substring(h.Start, h.Length)).ToList();
        Assert.Contains("collect", marked);
    }

    [Fact]
    public void Search_CamelCasePart_HighlightsPartInSnippet()
    {
        var hit = Search("pool").First(h => h.Key == "concurrent.futures.ThreadPoolExecutor");

        var marked = hit.Highlights.Select(h => hit.Snippet.Substring(h.Start, h.Length)).ToList();
        Assert.Contains("Pool", marked);
    }

    [Fact]
    public void Search_Snippet_IsOneLineWithOrderedHighlights()
    {
        foreach (var hit in Search("the worker threads results loop"))
        {
            Assert.DoesNotContain('\n', hit.Snippet);
            Assert.DoesNotContain('\u0002', hit.Snippet);
            Assert.DoesNotContain('\u0003', hit.Snippet);
            Assert.DoesNotContain("**", hit.Snippet);
            var end = 0;
            foreach (var (start, length) in hit.Highlights)
            {
                Assert.True(start >= end && length > 0 && start + length <= hit.Snippet.Length, $"{hit.Key}: {start},{length}");
                end = start + length;
            }
        }
    }

    [Fact]
    public void Search_Hit_CarriesStoredFields()
    {
        var hit = Search("as_completed")[0];

        Assert.Equal(TopicKind.Function, hit.Kind);
        Assert.Equal(SearchFixture.DocSet, hit.DocSet);
        Assert.Equal("concurrent.futures.as_completed", hit.Title);
        Assert.Equal("Yields each future of fs as soon as it finishes.", hit.Summary);
        Assert.Equal("library/concurrent.futures.html#concurrent.futures.as_completed", hit.Source);
        Assert.True(hit.Score > 0);
    }

    [Fact]
    public void Search_Limit_CapsHits()
    {
        Assert.Equal(2, Search("the a threads run results", limit: 2).Count);
        Assert.Empty(Search("run", limit: 0));
    }

    [Fact]
    public void Search_SameQueryTwice_SameHits()
    {
        var first = Search("threads results run");
        var second = Search("threads results run");

        Assert.Equal(first.Select(h => (h.Key, h.DocSet, h.Score, h.Snippet)), second.Select(h => (h.Key, h.DocSet, h.Score, h.Snippet)));
    }

    [Fact]
    public void Search_NothingMatches_ReturnsEmpty()
    {
        Assert.Empty(Search("xylophone"));
    }

    [Fact]
    public async Task Search_FromManyThreads_AllSucceed()
    {
        var tasks = Enumerable.Range(0, 16).Select(i => Task.Run(() => Search(i % 2 == 0 ? "pool" : "gather")[0].Key));

        var keys = await Task.WhenAll(tasks);

        Assert.All(keys.Where((_, i) => i % 2 == 0), k => Assert.Equal("concurrent.futures.ThreadPoolExecutor", k));
        Assert.All(keys.Where((_, i) => i % 2 == 1), k => Assert.Equal("asyncio.gather", k));
    }
}
