using System.Net;
using System.Text.RegularExpressions;
using Help.Core.Index;
using Help.Indexer.Pipeline;
using Help.Server.Hosting;
using Help.Tests.Shared;
using Microsoft.Playwright;
using Xunit;

namespace Help.Server.Tests;

/// <summary>The viewer over an index of the real python3.11-doc tree, built once for the class; null when it is not installed.</summary>
public sealed class PythonViewerFixture : IAsyncLifetime
{
    private RunningViewer? _viewer;
    private readonly string _root = Directory.CreateTempSubdirectory("pyhelp-python-viewer-").FullName;

    public string? Url => _viewer?.Url;

    public HttpClient Http { get; } = new(new HttpClientHandler { AllowAutoRedirect = true });

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Path.Combine(Corpus.PythonDocs, "objects.inv")))
        {
            return;
        }
        var folder = new IndexFolder(Path.Combine(_root, "index"));
        new IndexBuild().Run(folder, [Corpus.PythonDocs], defaultSources: false);
        _viewer = await ViewerServer.StartAsync(folder, port: 0);
        Http.BaseAddress = new Uri(_viewer.Url);
    }

    /// <summary>The viewer's URL, or a skip (a failure under CI) naming the package to install.</summary>
    public string Require()
    {
        Corpus.RequirePythonDocs();
        return Url ?? throw new InvalidOperationException("the python viewer did not start");
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (_viewer is not null)
        {
            await _viewer.DisposeAsync();
        }
        Directory.Delete(_root, recursive: true);
    }
}

/// <summary>What someone coming from DevDocs does first, in Chromium, over the real Python docs.</summary>
[Trait("Category", "browser")]
[Trait("Category", "corpus")]
public sealed partial class PythonViewerTests(PythonViewerFixture viewer, BrowserFixture browser)
    : IClassFixture<PythonViewerFixture>, IClassFixture<BrowserFixture>
{
    private const string Docs = "docs/python-3.11/";
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Task OnPage(Func<IPage, string, Task> test, ColorScheme scheme = ColorScheme.Light, ViewportSize? viewport = null)
    {
        var url = viewer.Require();
        return browser.OnPage(page => test(page, url), scheme, viewport);
    }

    [Fact]
    public Task Sidebar_Filtered_ShowsMatchingMembersAndMarksTheCurrentTopic() => OnPage(async (page, url) =>
    {
        await page.GotoAsync(url + Docs + "json");
        var current = page.Locator(".tree a[aria-current=page]");
        await Assertions.Expect(current).ToHaveTextAsync("json");
        await Assertions.Expect(current).ToBeInViewportAsync();

        await page.Locator("#filter").FillAsync("dumps");
        await Assertions.Expect(page.Locator(".tree a", new() { HasTextRegex = new Regex("^json\\.dumps$") })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".tree a", new() { HasTextRegex = new Regex("^asyncio$") })).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator(".tree a", new() { HasTextRegex = new Regex("^pickle\\.dumps$") })).ToBeVisibleAsync();
    });

    [Fact]
    public Task TableOfContents_LongPage_JumpsToASectionClearOfTheHeader() => OnPage(async (page, url) =>
    {
        await page.GotoAsync(url + Docs + "library%2Fstdtypes");
        var entries = page.Locator(".toc a");
        Assert.True(await entries.CountAsync() >= 20, "stdtypes has dozens of sections");
        await page.Locator(".toc a", new() { HasText = "Mapping Types" }).First.ClickAsync();
        await page.WaitForFunctionAsync("() => location.hash.length > 1");
        var tops = await page.EvaluateAsync<double[]>("""
            () => [document.getElementById(decodeURIComponent(location.hash.slice(1))).getBoundingClientRect().top,
                   document.querySelector('.bar').getBoundingClientRect().bottom]
            """);
        Assert.InRange(tops[0], tops[1], tops[1] + 60);
    });

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public Task CodeBlock_Highlighted_ReadableInBothThemes(ColorScheme scheme) => OnPage(async (page, url) =>
    {
        await page.GotoAsync(url + Docs + "json");
        var keyword = page.Locator(".doc pre .kn").First;
        await Assertions.Expect(keyword).ToHaveTextAsync("import");
        // Every token colour of the page's code against the code's background: WCAG AA, 4.5:1.
        var worst = await page.EvaluateAsync<double>("""
            () => {
              const rgb = (c) => c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
              const lum = ([r, g, b]) => { const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
                                           return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b); };
              const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
              let worst = 99;
              for (const pre of document.querySelectorAll('.doc pre')) {
                const bg = rgb(getComputedStyle(pre).backgroundColor);
                for (const el of [pre, ...pre.querySelectorAll('span')]) worst = Math.min(worst, ratio(rgb(getComputedStyle(el).color), bg));
              }
              return worst;
            }
            """);
        Assert.True(worst >= 4.5, $"a token's contrast is {worst:F2}:1");
        var colours = await page.EvaluateAsync<string[]>("() => ['.kn', '.nn', '.s2', '.gp'].map(s => document.querySelector('.doc pre ' + s)).filter(Boolean).map(e => getComputedStyle(e).color)");
        Assert.True(colours.Distinct().Count() >= 3, string.Join(", ", colours));
    }, scheme);

    [Fact]
    public async Task SharedKey_EveryTopicUnderIt_HasItsOwnAddress()
    {
        viewer.Require();
        var results = await viewer.Http.GetStringAsync("/search?q=dict&docset=python-3.11", Cancel);
        var addresses = AddressOf().Matches(results).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value))
            .Where(a => a.StartsWith("/docs/python-3.11/dict?kind=", StringComparison.Ordinal)).Distinct().ToList();
        Assert.True(addresses.Count >= 3, string.Join(", ", addresses));
        var titles = new List<string>();
        foreach (var address in addresses)
        {
            var page = await viewer.Http.GetStringAsync(address, Cancel);
            titles.Add(TitleOf().Match(page).Groups[1].Value + " " + KindOf().Match(page).Groups[1].Value);
        }
        Assert.Equal(titles.Count, titles.Distinct().Count());
    }

    [Fact]
    public async Task Links_OfSampledPages_AllResolve()
    {
        viewer.Require();
        var nav = await viewer.Http.GetStringAsync("/nav/python-3.11", Cancel);
        var all = AddressOf().Matches(nav).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToList();
        var sample = all.Where((_, i) => i % Math.Max(1, all.Count / 80) == 0).Append("/docs/python-3.11/").Append("/symbols").Append("/").ToList();
        var checkedLinks = new Dictionary<string, HttpStatusCode>();
        var broken = new List<string>();
        foreach (var page in sample)
        {
            var html = await viewer.Http.GetStringAsync(page, Cancel);
            foreach (var link in AddressOf().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).Where(l => l.StartsWith('/')))
            {
                var path = link.Split('#')[0];
                if (!checkedLinks.TryGetValue(path, out var status))
                {
                    using var response = await viewer.Http.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, Cancel);
                    checkedLinks[path] = status = response.StatusCode;
                }
                if (status != HttpStatusCode.OK)
                {
                    broken.Add($"{page} -> {link}: {(int)status}");
                }
            }
        }
        Assert.True(checkedLinks.Count > 250, $"only {checkedLinks.Count} links checked");
        Assert.Empty(broken);
    }

    [Fact]
    public Task Suggestion_CtrlClicked_OpensInANewTab() => OnPage(async (page, url) =>
    {
        await page.GotoAsync(url);
        await page.Locator("#q").PressSequentiallyAsync("json.dumps");
        var suggestion = page.Locator("#live a").First;
        await Assertions.Expect(suggestion).ToBeVisibleAsync();
        var opened = page.Context.WaitForPageAsync();
        await suggestion.ClickAsync(new() { Modifiers = [KeyboardModifier.Control] });
        var tab = await opened;
        await tab.WaitForLoadStateAsync();
        Assert.EndsWith("/" + Docs + "json.dumps", tab.Url);
        Assert.Equal(url, page.Url);
    });

    [Fact]
    public Task Enter_WithoutChoosing_OpensTheBestHit() => OnPage(async (page, url) =>
    {
        await page.GotoAsync(url);
        await page.Locator("#q").FillAsync("asyncio.gather");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page).ToHaveURLAsync(url + Docs + "asyncio.gather");
    });

    [Fact]
    public Task Phone_EveryPage_FitsTheScreen() => OnPage(async (page, url) =>
    {
        foreach (var path in new[] { "", "search?q=thread+pool", Docs + "json", Docs + "library%2Fstdtypes", Docs + "library%2Fsocket", Docs + "pathlib.Path" })
        {
            await page.GotoAsync(url + path);
            var size = await page.EvaluateAsync<double[]>(
                "() => [document.documentElement.scrollWidth, document.querySelector('.bar').getBoundingClientRect().height]");
            var (width, header) = (size[0], size[1]);
            Assert.True(width <= 390, $"/{path} is {width} px wide");
            Assert.True(header <= 60, $"the header takes {header} px");
        }
        await page.Locator(".nav-toggle").ClickAsync();
        await Assertions.Expect(page.Locator("#sidebar")).ToBeVisibleAsync();
    }, viewport: new ViewportSize { Width = 390, Height = 844 });

    [Fact]
    public Task QuestionMark_ShowsTheShortcuts_EscapeClosesThem() => OnPage(async (page, url) =>
    {
        await page.GotoAsync(url + Docs + "json");
        await page.Keyboard.PressAsync("?");
        var panel = page.Locator("#shortcuts");
        await Assertions.Expect(panel).ToBeVisibleAsync();
        await Assertions.Expect(panel).ToContainTextAsync("Esc");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(panel).ToBeHiddenAsync();
        await page.Keyboard.PressAsync("/");
        await Assertions.Expect(page.Locator("#q")).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#q")).ToHaveAttributeAsync("role", "combobox");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(page.Locator("#q")).Not.ToBeFocusedAsync();
    });

    [Theory]
    [InlineData(ColorScheme.Light)]
    [InlineData(ColorScheme.Dark)]
    public Task Screenshots_ForReview(ColorScheme scheme) => OnPage(async (page, url) =>
    {
        var dir = Path.Combine(BrowserFixture.ScreenshotDir, "review");
        Directory.CreateDirectory(dir);
        foreach (var (name, path) in new[] { ("home", ""), ("module", Docs + "json"), ("class", Docs + "pathlib.Path"), ("search", "search?q=thread+pool") })
        {
            await page.GotoAsync(url + path);
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var file = Path.Combine(dir, $"{name}-{scheme.ToString().ToLowerInvariant()}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file });
            Assert.True(new FileInfo(file).Length > 10_000, $"{file} is nearly empty");
        }
        TestContext.Current.TestOutputHelper?.WriteLine($"screenshots: {dir}");
    }, scheme);

    [GeneratedRegex("href=\"([^\"]*)\"")]
    private static partial Regex AddressOf();

    [GeneratedRegex("<p class=\"meta\"><span class=\"kind\">([^<]*)</span>")]
    private static partial Regex KindOf();

    [GeneratedRegex("<title>([^<]*)</title>")]
    private static partial Regex TitleOf();
}
