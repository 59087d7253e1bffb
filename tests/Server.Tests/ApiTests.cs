using System.Net;
using System.Text.Json;
using Xunit;

namespace Help.Server.Tests;

public sealed class ApiTests(ViewerFixture viewer) : IClassFixture<ViewerFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<(HttpStatusCode Status, JsonElement Body)> GetJson(string path)
    {
        using var response = await viewer.Http.GetAsync(path, Cancel);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString());
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.Clone();
        return (response.StatusCode, body);
    }

    [Fact]
    public async Task Topic_ExactKey_ReturnsTheCliJsonFields()
    {
        var (status, topic) = await GetJson("/api/topic/spam.Tin.open");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(
            ["key", "title", "kind", "docset", "role", "signature", "parent", "summary", "text", "html", "source", "related", "aliases"],
            topic.EnumerateObject().Select(p => p.Name));
        Assert.Equal("spam.Tin.open", topic.GetProperty("key").GetString());
        Assert.Equal("method", topic.GetProperty("kind").GetString());
        Assert.Equal("spam.Tin", topic.GetProperty("parent").GetString());
        Assert.Contains("open(tool=None)", topic.GetProperty("text").GetString());
        Assert.StartsWith("Open the tin", topic.GetProperty("summary").GetString());
        Assert.Contains("<dl class=\"py method\"", topic.GetProperty("html").GetString());
        Assert.Equal("library/spam.html#spam.Tin.open", topic.GetProperty("source").GetString());
    }

    [Fact]
    public async Task Topic_SuffixKey_ResolvesLikeTheCli()
    {
        var (status, topic) = await GetJson("/api/topic/Slicer.cut");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ham.Slicer.cut", topic.GetProperty("key").GetString());
    }

    [Fact]
    public async Task Topic_PydocKeyword_ListsRelatedTopics()
    {
        var (status, topic) = await GetJson("/api/topic/eject");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["STATEMENTS", "leave"], topic.GetProperty("related").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task Topic_KeyWithSlashes_IsFoundByItsEncodedPath()
    {
        var (status, topic) = await GetJson("/api/topic/library%2Fham");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ham", topic.GetProperty("key").GetString());
    }

    [Fact]
    public async Task Topic_UnknownKey_Returns404WithSuggestions()
    {
        var (status, body) = await GetJson("/api/topic/spam.Tinn");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("not found", body.GetProperty("error").GetString());
        Assert.Contains("spam.Tin", body.GetProperty("suggestions").EnumerateArray().Select(s => s.GetProperty("key").GetString()));
    }

    [Fact]
    public async Task Search_Word_ReturnsRankedResultsWithHighlightedSnippets()
    {
        var (status, body) = await GetJson("/api/search?q=prosciutto");
        Assert.Equal(HttpStatusCode.OK, status);
        var results = body.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        Assert.Equal("ham", results[0].GetProperty("key").GetString());
        var snippet = results[0].GetProperty("snippet").GetString()!;
        var highlight = results[0].GetProperty("highlights").EnumerateArray().First();
        Assert.Equal("prosciutto", snippet.Substring(highlight.GetProperty("start").GetInt32(), highlight.GetProperty("length").GetInt32()), ignoreCase: true);
    }

    [Fact]
    public async Task Search_KindAndLimit_FilterTheResults()
    {
        var (status, body) = await GetJson("/api/search?q=tin&kind=method&limit=1");
        Assert.Equal(HttpStatusCode.OK, status);
        var results = body.GetProperty("results").EnumerateArray().ToList();
        Assert.Single(results);
        Assert.Equal("method", results[0].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task Search_EmptyQuery_ReturnsNoResults()
    {
        var (status, body) = await GetJson("/api/search?q=");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(body.GetProperty("results").EnumerateArray());
    }

    [Theory]
    [InlineData("/api/search?q=tin&limit=0")]
    [InlineData("/api/search?q=tin&limit=many")]
    [InlineData("/api/search?q=tin&limit=101")]
    [InlineData("/api/search?q=tin&kind=vegetable")]
    [InlineData("/api/keys?prefix=s&limit=-3")]
    public async Task Api_BadParameter_Returns400WithAReason(string path)
    {
        var (status, body) = await GetJson(path);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("error").GetString()));
    }

    [Fact]
    public async Task Keys_Prefix_CompletesIgnoringCaseInKeyOrder()
    {
        var (status, body) = await GetJson("/api/keys?prefix=SPAM.t");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(["spam.Tin", "spam.Tin.open"], body.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("key").GetString()));
    }

    [Fact]
    public async Task Keys_Limit_StopsThere()
    {
        var (_, body) = await GetJson("/api/keys?prefix=&limit=2");
        Assert.Equal(2, body.GetProperty("keys").GetArrayLength());
    }

    [Fact]
    public async Task Health_Up_NamesTheGeneration()
    {
        var (status, body) = await GetJson("/api/health");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("ok", body.GetProperty("status").GetString());
        Assert.StartsWith("gen-", body.GetProperty("generation").GetString());
    }

    [Fact]
    public async Task OpenApi_Document_DescribesEveryApiRoute()
    {
        var (status, body) = await GetJson("/openapi.json");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("3.", body.GetProperty("openapi").GetString());
        Assert.Equal(["/api/topic/{key}", "/api/search", "/api/keys", "/api/health"],
            body.GetProperty("paths").EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public async Task Topic_HtmlField_LinksAtViewerAddresses()
    {
        var (_, topic) = await GetJson("/api/topic/ham");
        var html = topic.GetProperty("html").GetString()!;
        Assert.Contains("href=\"/docs/python-3.99/spam.Tin\"", html);
        Assert.DoesNotContain("href=\"spam.html", html);
        Assert.DoesNotContain("href=\"../", html);
    }

    [Fact]
    public async Task Topic_DocSetAndKind_ChooseAmongTopicsOfOneKey()
    {
        var (ambiguous, _) = await GetJson("/api/topic/open");
        Assert.Equal(HttpStatusCode.MultipleChoices, ambiguous);
        var (status, topic) = await GetJson("/api/topic/spam.Tin.open?kind=method&docset=python-3.99");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("python-3.99", topic.GetProperty("docset").GetString());
        var (unknown, body) = await GetJson("/api/topic/spam.Tin?docset=no-such-docs");
        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Equal("unknown docset", body.GetProperty("error").GetString());
    }

    [Fact]
    public async Task Search_DocSet_LimitsTheResultsToIt()
    {
        var (status, body) = await GetJson("/api/search?q=tin&docset=python-3.99");
        Assert.Equal(HttpStatusCode.OK, status);
        var results = body.GetProperty("results").EnumerateArray().ToList();
        Assert.NotEmpty(results);
        Assert.All(results, r => Assert.Equal("python-3.99", r.GetProperty("docset").GetString()));
        var (none, _) = await GetJson("/api/search?q=tin&docset=no-such-docs");
        Assert.Equal(HttpStatusCode.NotFound, none);
    }

    [Theory]
    [InlineData("/api/no-such-thing")]
    [InlineData("/api/topics/spam")]
    [InlineData("/api/")]
    public async Task UnknownApiPath_AnswersJson404(string path)
    {
        var (status, body) = await GetJson(path);
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("/openapi.json", body.GetProperty("error").GetString());
    }

    [Theory]
    [InlineData("/api/topic/spam.Tin")]
    [InlineData("/docs/python-3.99/spam.Tin")]
    [InlineData("/")]
    public async Task Head_AnswersAsGetWithoutTheBody(string path)
    {
        using var get = await viewer.Http.GetAsync(path, Cancel);
        using var head = await viewer.Http.SendAsync(new HttpRequestMessage(HttpMethod.Head, path), Cancel);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        Assert.Equal(get.Content.Headers.ContentType, head.Content.Headers.ContentType);
        Assert.Equal(get.Headers.ETag, head.Headers.ETag);
        Assert.Empty(await head.Content.ReadAsByteArrayAsync(Cancel));
    }

    [Theory]
    [InlineData("/api/topic/spam.Tin")]
    [InlineData("/docs/python-3.99/spam.Tin")]
    public async Task ETag_Revalidated_Answers304WithoutTheBody(string path)
    {
        using var first = await viewer.Http.GetAsync(path, Cancel);
        Assert.NotNull(first.Headers.ETag);
        Assert.Contains("no-cache", first.Headers.CacheControl?.ToString());
        using var again = new HttpRequestMessage(HttpMethod.Get, path);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await viewer.Http.SendAsync(again, Cancel);
        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
        Assert.Empty(await second.Content.ReadAsByteArrayAsync(Cancel));
    }

    [Fact]
    public async Task Compression_AskedFor_SendsGzip()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/topic/ham");
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        using var response = await viewer.Http.SendAsync(request, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("gzip", Assert.Single(response.Content.Headers.ContentEncoding));
        await using var unzipped = new System.IO.Compression.GZipStream(await response.Content.ReadAsStreamAsync(Cancel), System.IO.Compression.CompressionMode.Decompress);
        var topic = await JsonDocument.ParseAsync(unzipped, cancellationToken: Cancel);
        Assert.Equal("ham", topic.RootElement.GetProperty("key").GetString());
    }
}
