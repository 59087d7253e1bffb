using Help.Tests.Shared;
using Microsoft.Playwright;
using Xunit;

namespace Help.Server.Tests;

/// <summary>
/// Debian's chromium, driven by Playwright, headless, never a downloaded browser. One browser for the
/// class; each test gets a fresh context and saves a screenshot when it fails.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Chromium = "/usr/bin/chromium";

    public IPlaywright? Playwright { get; private set; }
    public IBrowser? Browser { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(Chromium))
        {
            return;
        }
        // Nothing may be fetched: the driver is in the package, the browser is the system's.
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Playwright = await Microsoft.Playwright.Playwright.CreateAsync();
        Browser = await Playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        });
    }

    public static readonly string ScreenshotDir = Path.Combine(AppContext.BaseDirectory, "screenshots");

    /// <summary>Runs <paramref name="test"/> on a fresh page; on failure saves a screenshot named for the test.</summary>
    public async Task OnPage(Func<IPage, Task> test, ColorScheme scheme = ColorScheme.Light, ViewportSize? viewport = null)
    {
        Corpus.Require(File.Exists(Chromium), $"{Chromium} is not installed; apt-get install chromium");
        await using var context = await Browser!.NewContextAsync(new BrowserNewContextOptions
        {
            ColorScheme = scheme,
            ViewportSize = viewport ?? new ViewportSize { Width = 1280, Height = 900 },
        });
        var page = await context.NewPageAsync();
        // Generous: the suite shares two cores with native publishes and corpus builds.
        page.SetDefaultTimeout(30_000);
        var consoleErrors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") consoleErrors.Add(m.Text); };
        try
        {
            await test(page);
            // A CSP violation or a script error shows up here.
            Assert.Empty(consoleErrors);
        }
        catch
        {
            Directory.CreateDirectory(ScreenshotDir);
            var file = Path.Combine(ScreenshotDir, $"{TestContext.Current.Test?.TestDisplayName ?? "browser-test"}.png"
                .Replace('/', '_').Replace(' ', '_'));
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file });
            TestContext.Current.TestOutputHelper?.WriteLine($"screenshot: {file}");
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        Playwright?.Dispose();
    }
}

[Trait("Category", "browser")]
public sealed class BrowserTests(ViewerFixture viewer, BrowserFixture browser)
    : IClassFixture<ViewerFixture>, IClassFixture<BrowserFixture>
{
    private Task OnPage(Func<IPage, Task> test, ColorScheme scheme = ColorScheme.Light) => browser.OnPage(test, scheme);

    [Fact]
    public Task SearchBox_Typing_ShowsResultsAsYouType() => OnPage(async page =>
    {
        await page.GotoAsync(viewer.Url);
        await page.Locator("#q").PressSequentiallyAsync("prosc");
        var first = page.Locator("#live li").First;
        await Assertions.Expect(first).ToBeVisibleAsync();
        await Assertions.Expect(first.Locator("a")).ToHaveAttributeAsync("href", "/topic/ham?docset=python-3.99&kind=module");
        await Assertions.Expect(first.Locator("mark")).ToContainTextAsync("prosc", new() { IgnoreCase = true });
    });

    [Fact]
    public Task SearchResult_Click_OpensTheTopic() => OnPage(async page =>
    {
        await page.GotoAsync(viewer.Url);
        await page.Locator("#q").PressSequentiallyAsync("translucent");
        await page.Locator("#live li").First.ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(viewer.Url + "docs/python-3.99/ham.Slicer.cut", new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator(".crumbs")).ToContainTextAsync("ham.Slicer");
    });

    [Fact]
    public Task TopicPage_InternalLink_OpensTheLinkedTopic() => OnPage(async page =>
    {
        await page.GotoAsync(viewer.Url + "topic/ham");
        await page.Locator(".doc a.internal", new() { HasText = "spam.Tin" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(viewer.Url + "docs/python-3.99/spam.Tin", new() { Timeout = 10_000 });
        await Assertions.Expect(page.Locator(".doc")).ToContainTextAsync("A tin of a given");
    });

    [Fact]
    public Task Keyboard_SlashArrowsEnter_OpensTheChosenResult() => OnPage(async page =>
    {
        await page.GotoAsync(viewer.Url + "topic/spam");
        // Somewhere empty in the page (not the sidebar's links), so that "/" is pressed outside any field.
        await page.Locator("main").ClickAsync(new() { Position = new() { X = 4, Y = 4 } });
        await page.Keyboard.PressAsync("/");
        await Assertions.Expect(page.Locator("#q")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("tin");
        await Assertions.Expect(page.Locator("#live li").Nth(1)).ToBeVisibleAsync();
        var second = await page.Locator("#live li").Nth(1).Locator("a").EvaluateAsync<string>("a => a.href");
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("ArrowDown");
        await Assertions.Expect(page.Locator("#live li").Nth(1)).ToHaveAttributeAsync("aria-selected", "true");
        // The suggestion's link redirects to the topic's own address: the page that opens must be that one.
        var expected = await page.APIRequest.GetAsync(second, new() { MaxRedirects = 0 });
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("main")).ToHaveAttributeAsync("data-address", expected.Headers["location"]);
    });

    [Fact]
    public Task DarkScheme_Emulated_PaintsADarkPage() => OnPage(async page =>
    {
        await page.GotoAsync(viewer.Url + "topic/ham");
        var background = await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor");
        Assert.Equal("rgb(22, 24, 29)", background);
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { ColorScheme = ColorScheme.Light });
        Assert.Equal("rgb(255, 255, 255)", await page.EvaluateAsync<string>("getComputedStyle(document.body).backgroundColor"));
    }, ColorScheme.Dark);
}
