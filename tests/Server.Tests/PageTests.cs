using System.Net;
using Xunit;

namespace Help.Server.Tests;

public sealed class PageTests(ViewerFixture viewer) : IClassFixture<ViewerFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<(HttpStatusCode Status, string Html)> GetPage(string path)
    {
        using var response = await viewer.Http.GetAsync(path, Cancel);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task Home_Get_HasTheSearchBoxAndTheIndexes()
    {
        var (status, html) = await GetPage("/");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<input id=\"q\" name=\"q\" type=\"search\"", html);
        foreach (var index in new[] { "/modules", "/keywords", "/topics", "/symbols" })
        {
            Assert.Contains($"href=\"{index}\"", html);
        }
    }

    [Theory]
    [InlineData("/modules", "/docs/python-3.99/ham", "/docs/python-3.99/spam")]
    [InlineData("/keywords", "/docs/python-3.99/eject?kind=keyword")]
    [InlineData("/topics")]
    [InlineData("/symbols")]
    public async Task IndexPage_Get_LinksEveryKeyOfItsKind(string path, params string[] links)
    {
        var (status, html) = await GetPage(path);
        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var link in links)
        {
            Assert.Contains($"href=\"{link}\"", html);
        }
    }

    [Fact]
    public async Task TopicPage_Method_ShowsModuleClassMemberPath()
    {
        var (status, html) = await GetPage("/docs/python-3.99/ham.Slicer.cut");
        Assert.Equal(HttpStatusCode.OK, status);
        var crumbs = html[html.IndexOf("<nav class=\"crumbs\"", StringComparison.Ordinal)..];
        crumbs = crumbs[..crumbs.IndexOf("</nav>", StringComparison.Ordinal)];
        Assert.Equal(
            """<nav class="crumbs" aria-label="Breadcrumb"><ol><li><a href="/docs/python-3.99/ham">ham</a></li><li><a href="/docs/python-3.99/ham.Slicer">ham.Slicer</a></li><li aria-current="page">ham.Slicer.cut</li></ol>""",
            crumbs);
    }

    [Fact]
    public async Task TopicPage_InternalLinks_PointAtTheTopicsTheyLandOn()
    {
        var (_, html) = await GetPage("/docs/python-3.99/ham");
        Assert.Contains("href=\"/docs/python-3.99/spam.Tin\"", html);
        Assert.Contains("href=\"/docs/python-3.99/spam\"", html);
        // reference/statements.html#eject: the section pydoc's keyword shows.
        Assert.Contains("href=\"/docs/python-3.99/eject?kind=keyword\"", html);
        Assert.Contains("href=\"/docs/python-3.99/ham.Slicer\"", html);
        Assert.DoesNotContain("href=\"spam.html", html);
        Assert.DoesNotContain("href=\"../reference/", html);
    }

    [Fact]
    public async Task TopicAddress_AnyKey_RedirectsToTheTopicsOwnAddress()
    {
        using var response = await viewer.Http.GetAsync("/topic/ham.Slicer.cut", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/docs/python-3.99/ham.Slicer.cut", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task TopicPage_Keyword_ListsRelatedTopics_LinkingThoseTheIndexHas()
    {
        var (_, html) = await GetPage("/docs/python-3.99/eject?kind=keyword");
        Assert.Contains("<h2>Related topics</h2>", html);
        // The fixture's index has no pydoc topic STATEMENTS: a link only to what is there, never a 404.
        Assert.Contains("<li>STATEMENTS</li>", html);
        Assert.DoesNotContain("href=\"/topic/STATEMENTS\"", html);
    }

    [Fact]
    public async Task TopicPage_Object_LinksItsSourcePageServedByTheViewer()
    {
        var (_, html) = await GetPage("/docs/python-3.99/ham.Slicer");
        Assert.Contains("href=\"/source/python-3.99/library/ham.html#ham.Slicer\"", html);
        using var source = await viewer.Http.GetAsync("/source/python-3.99/library/ham.html", Cancel);
        Assert.Equal(HttpStatusCode.OK, source.StatusCode);
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(viewer.Docs, "library", "ham.html"), Cancel), await source.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("sandbox", source.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Theory]
    [InlineData("/source/python-3.99/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/source/python-3.99/%2Fetc%2Fpasswd")]
    [InlineData("/source/no-such-docset/library/ham.html")]
    [InlineData("/source/python-3.99/library/no-such-page.html")]
    public async Task SourceFile_OutsideTheDocTreeOrMissing_Is404(string path)
    {
        using var response = await viewer.Http.GetAsync(path, Cancel);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task TopicPage_Module_HasNoForeignChromeOrScript()
    {
        var (_, html) = await GetPage("/docs/python-3.99/ham");
        Assert.DoesNotContain("Navigation chrome", html);
        Assert.DoesNotContain("Footer chrome", html);
        Assert.DoesNotContain("doctools", html);
        Assert.Equal(2, html.Split("<script").Length - 1);
        Assert.Contains("<script src=\"/assets/theme.js\"></script>", html);
        Assert.Contains("<script src=\"/assets/app.js\" defer></script>", html);
        Assert.Contains("Markup in the text is text: &lt;script&gt;alert(1)&lt;/script&gt;.", html);
    }

    [Fact]
    public async Task TopicPage_UnknownKey_Is404WithSuggestions()
    {
        var (status, html) = await GetPage("/topic/spam.Tinn");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("No Python documentation found for <code>spam.Tinn</code>", html);
        Assert.Contains("<a href=\"/docs/python-3.99/spam.Tin\">spam.Tin</a>", html);
    }

    [Fact]
    public async Task TopicPage_UnknownKey_EscapesTheKey()
    {
        var (status, html) = await GetPage("/topic/%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
    }

    [Fact]
    public async Task SearchPage_Query_HighlightsMatchesInSnippets()
    {
        var (status, html) = await GetPage("/search?q=prosciutto");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<a class=\"title\" href=\"/docs/python-3.99/ham\">", html);
        Assert.Contains("<mark>prosciutto</mark>", html);
    }

    [Fact]
    public async Task SearchPage_Query_IsEscapedWhereverEchoed()
    {
        var (_, html) = await GetPage("/search?q=%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E");
        Assert.DoesNotContain("<script>alert", html);
        Assert.Contains("value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\"", html);
    }

    [Fact]
    public async Task UnknownPath_Get_Is404Page()
    {
        var (status, html) = await GetPage("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("No such page.", html);
    }

    [Theory]
    [InlineData("/assets/app.css", "text/css")]
    [InlineData("/assets/app.js", "text/javascript")]
    public async Task Asset_Get_ServedFromTheServerWithItsType(string path, string type)
    {
        using var response = await viewer.Http.GetAsync(path, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(type, response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("http://", await response.Content.ReadAsStringAsync(Cancel));
    }
}
