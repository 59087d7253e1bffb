using System.Net;
using System.Net.Sockets;
using System.Text;
using Help.Server.Hosting;
using Xunit;

namespace Help.Reliability.Tests;

/// <summary>
/// Hostile requests the server tests do not already cover (tests/Server.Tests/SafetyTests.cs has
/// traversal through %2F, foreign Host headers and long keys): each gets a 4xx or an answer with the
/// input escaped, never a 5xx, a file outside the routes, or a script reflected back.
/// </summary>
public sealed class HostileRequestTests : IAsyncLifetime
{
    private readonly FixtureIndex _fixture = new();
    private RunningViewer? _viewer;
    private HttpClient _http = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _fixture.Build();
        _viewer = await ViewerServer.StartAsync(_fixture.Folder, port: 0, Cancel);
        _http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(_viewer.Url) };
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (_viewer is not null)
        {
            await _viewer.DisposeAsync();
        }
        _fixture.Dispose();
    }

    /// <summary>Sends the request line exactly as written (HttpClient would normalize dot segments and escapes).</summary>
    private async Task<(int Status, string Response)> Raw(string target, string? host = null)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, new Uri(_viewer!.Url).Port, Cancel);
        var stream = client.GetStream();
        try
        {
            await stream.WriteAsync(Encoding.Latin1.GetBytes($"GET {target} HTTP/1.1\r\nHost: {host ?? "127.0.0.1"}\r\nConnection: close\r\n\r\n"), Cancel);
        }
        catch (IOException)
        {
            // A server may refuse an overlong request line as soon as it has read enough of it and close the connection
            // while the rest is still being sent: its answer is already waiting to be read.
        }
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var response = await reader.ReadToEndAsync(Cancel);
        var status = int.Parse(response.Split(' ', 3)[1], System.Globalization.CultureInfo.InvariantCulture);
        return (status, response);
    }

    private static void AssertSafe(int status, string response, string what, bool json = false)
    {
        json |= response.Contains("Content-Type: application/json", StringComparison.OrdinalIgnoreCase);
        Assert.True(status < 500, $"{what}: {status}\n{response[..Math.Min(response.Length, 600)]}");
        Assert.DoesNotContain("root:x:0:0", response);
        if (!json)
        {
            Assert.DoesNotContain("<script>alert", response);
            Assert.DoesNotContain("<img src=x onerror", response);
        }
        Assert.False(Damage.HasStackTrace(response), response[..Math.Min(response.Length, 600)]);
    }

    [Theory]
    [InlineData("/topic/../../etc/passwd")]
    [InlineData("/static/../../etc/passwd")]
    [InlineData("/assets/../../../etc/passwd")]
    [InlineData("/topic/..%2f..%2fetc%2fpasswd")]
    [InlineData("/topic/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/topic/..%5c..%5cetc%5cpasswd")]
    [InlineData("/topic/%252e%252e%252fetc%252fpasswd")]
    [InlineData("/api/topic/..%2f..%2f..%2fCURRENT")]
    [InlineData("/assets/%2e%2e%2fseal.json")]
    [InlineData("//etc/passwd")]
    [InlineData("/topic/spam%00.html")]
    [InlineData("/topic/spam%2fTin")]
    [InlineData("/api/topic/spam%2F%2FTin")]
    public async Task Get_TraversalOrEncodedSlash_ReachesNoFile(string target)
    {
        var (status, response) = await Raw(target);
        AssertSafe(status, response, target);
        Assert.DoesNotContain("\"files\"", response); // seal.json
        Assert.DoesNotContain("gen-0000", response.Split("\r\n\r\n", 2)[^1][..Math.Min(response.Split("\r\n\r\n", 2)[^1].Length, 40)]);
    }

    [Theory]
    [InlineData("/topic/%ff%fe")]
    [InlineData("/api/topic/%c3%28")]
    [InlineData("/api/search?q=%ff%fe%fd")]
    [InlineData("/search?q=%c0%af")]
    [InlineData("/api/keys?prefix=%ed%a0%80")]
    [InlineData("/api/search?q=%")]
    [InlineData("/api/search?q=%zz")]
    [InlineData("/topic/%")]
    [InlineData("/api/search?q=a&q=b&q=c")]
    public async Task Get_InvalidUtf8OrBadEscapes_IsRefusedOrAnswered(string target)
    {
        var (status, response) = await Raw(target);
        AssertSafe(status, response, target);
    }

    [Theory]
    [InlineData("\"")]
    [InlineData("\"\"\"")]
    [InlineData("NEAR(")]
    [InlineData("NEAR(tin open, 2")]
    [InlineData("*")]
    [InlineData("tin*")]
    [InlineData("^tin")]
    [InlineData("-tin")]
    [InlineData("AND OR")]
    [InlineData("tin AND OR NOT")]
    [InlineData("name:tin")]
    [InlineData("{name signature}: tin")]
    [InlineData("(((((")]
    [InlineData("tin\0open")]
    [InlineData("'; DROP TABLE docs; --")]
    public async Task Search_FtsSyntax_IsAnsweredNot500(string q)
    {
        foreach (var path in new[] { "/api/search?q=", "/search?q=", "/api/keys?prefix=" })
        {
            using var response = await _http.GetAsync(path + Uri.EscapeDataString(q), Cancel);
            var body = await response.Content.ReadAsStringAsync(Cancel);
            AssertSafe((int)response.StatusCode, body, path + q, response.Content.Headers.ContentType?.MediaType == "application/json");
        }
        // And the index is still whole afterwards.
        Assert.Contains("spam.Tin", await _http.GetStringAsync("/api/search?q=tin", Cancel));
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("\"><img src=x onerror=alert(1)>")]
    [InlineData("javascript:alert(1)")]
    [InlineData("</title><script>alert(1)</script>")]
    public async Task Get_ScriptPayload_IsNeverReflected(string payload)
    {
        var escaped = Uri.EscapeDataString(payload);
        foreach (var path in new[] { $"/search?q={escaped}", $"/api/search?q={escaped}", $"/topic/{escaped}", $"/api/topic/{escaped}", $"/api/keys?prefix={escaped}", $"/{escaped}" })
        {
            using var response = await _http.GetAsync(path, Cancel);
            var body = await response.Content.ReadAsStringAsync(Cancel);
            var json = response.Content.Headers.ContentType?.MediaType == "application/json";
            AssertSafe((int)response.StatusCode, body, path, json);
            if (json)
            {
                // JSON may carry the query back as data: the browser never renders it as a page.
                Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            }
            else
            {
                if (payload.Contains('<'))
                {
                    Assert.DoesNotContain(payload, body);
                }
                Assert.DoesNotContain("href=\"javascript:", body, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public async Task Get_OneMegabyteQueryString_IsRefusedWith4xx_Issue18BrokenPipe()
    {
        foreach (var path in new[] { "/api/search?q=", "/search?q=", "/api/keys?prefix=", "/topic/spam?x=" })
        {
            var (status, response) = await Raw(path + new string('a', 1 << 20));
            Assert.InRange(status, 400, 499);
            AssertSafe(status, response, path);
        }
    }

    [Theory]
    [InlineData("127.0.0.1 evil.example")]
    [InlineData("localhost@evil.example")]
    [InlineData("127.0.0.1:1:2")]
    [InlineData("[::1")]
    [InlineData("<script>")]
    public async Task Get_ForgedHost_IsRefusedWith4xx(string host)
    {
        var (status, response) = await Raw("/api/topic/spam", host);
        Assert.InRange(status, 400, 499);
        AssertSafe(status, response, host);
        Assert.DoesNotContain("opens tins", response);
    }
}
