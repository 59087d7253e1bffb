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
    [InlineData("/modules", "/topic/ham", "/topic/spam")]
    [InlineData("/keywords", "/topic/eject")]
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
        var (status, html) = await GetPage("/topic/ham.Slicer.cut");
        Assert.Equal(HttpStatusCode.OK, status);
        var crumbs = html[html.IndexOf("<nav class=\"crumbs\"", StringComparison.Ordinal)..];
        crumbs = crumbs[..crumbs.IndexOf("</nav>", StringComparison.Ordinal)];
        Assert.Equal(
            """<nav class="crumbs" aria-label="Breadcrumb"><ol><li><a href="/topic/ham">ham</a></li><li><a href="/topic/ham.Slicer">ham.Slicer</a></li><li aria-current="page">ham.Slicer.cut</li></ol>""",
            crumbs);
    }

    [Fact]
    public async Task TopicPage_InternalLinks_PointAtViewerRoutes()
    {
        var (_, html) = await GetPage("/topic/ham");
        Assert.Contains("href=\"/topic/spam.Tin\"", html);
        Assert.Contains("href=\"/topic/spam\"", html);
        Assert.Contains("href=\"/topic/reference%2Fstatements%23eject\"", html);
        Assert.Contains("href=\"/topic/ham.Slicer\"", html);
        Assert.DoesNotContain("href=\"spam.html", html);
        Assert.DoesNotContain("href=\"../reference/", html);
    }

    [Fact]
    public async Task TopicPage_PageAnchorLink_OpensTheLabeledSection()
    {
        var (status, html) = await GetPage("/topic/reference%2Fstatements%23eject");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("The eject statement leaves the current block early.", html);
    }

    [Fact]
    public async Task TopicPage_UnknownAnchorOnAKnownPage_RedirectsIntoThePage()
    {
        using var response = await viewer.Http.GetAsync("/topic/library%2Fham%23no-such-anchor", Cancel);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/topic/ham#no-such-anchor", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task TopicPage_Keyword_ListsRelatedTopicsAsLinks()
    {
        var (_, html) = await GetPage("/topic/eject");
        Assert.Contains("<h2>Related topics</h2>", html);
        Assert.Contains("<a href=\"/topic/STATEMENTS\">STATEMENTS</a>", html);
    }

    [Fact]
    public async Task TopicPage_Object_LinksItsSourcePageAsAFile()
    {
        var (_, html) = await GetPage("/topic/ham.Slicer");
        var file = new Uri(Path.Combine(viewer.Docs, "library", "ham.html")).AbsoluteUri;
        Assert.Contains($"href=\"{file}#ham.Slicer\"", html);
    }

    [Fact]
    public async Task TopicPage_Module_HasNoForeignChromeOrScript()
    {
        var (_, html) = await GetPage("/topic/ham");
        Assert.DoesNotContain("Navigation chrome", html);
        Assert.DoesNotContain("Footer chrome", html);
        Assert.DoesNotContain("doctools", html);
        Assert.Single(html.Split("<script").Skip(1));
        Assert.Contains("<script src=\"/assets/app.js\" defer></script>", html);
        Assert.Contains("Markup in the text is text: &lt;script&gt;alert(1)&lt;/script&gt;.", html);
    }

    [Fact]
    public async Task TopicPage_UnknownKey_Is404WithSuggestions()
    {
        var (status, html) = await GetPage("/topic/spam.Tinn");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("No Python documentation found for <code>spam.Tinn</code>", html);
        Assert.Contains("<a href=\"/topic/spam.Tin\">spam.Tin</a>", html);
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
        Assert.Contains("<a href=\"/topic/ham\">ham</a>", html);
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
