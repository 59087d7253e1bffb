using System.Net;
using System.Net.Sockets;
using System.Text;
using Help.Server.Security;
using Xunit;

namespace Help.Server.Tests;

public sealed class SafetyTests(ViewerFixture viewer) : IClassFixture<ViewerFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<HttpResponseMessage> GetWithHost(string path, string host)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = host;
        return await viewer.Http.SendAsync(request, Cancel);
    }

    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:{port}")]
    [InlineData("127.0.0.1.nip.io:{port}")]
    [InlineData("localhost.evil.example:{port}")]
    [InlineData("10.0.0.5:{port}")]
    [InlineData("2130706433:{port}")]
    public async Task Request_ForeignHost_IsRefusedWith421(string host)
    {
        using var response = await GetWithHost("/api/topic/spam", host.Replace("{port}", viewer.Port.ToString()));
        Assert.Equal(HttpStatusCode.MisdirectedRequest, response.StatusCode);
        Assert.DoesNotContain("spam", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Theory]
    [InlineData("localhost:{port}")]
    [InlineData("127.0.0.1:{port}")]
    [InlineData("[::1]:{port}")]
    [InlineData("LOCALHOST")]
    public async Task Request_LoopbackHost_IsAnswered(string host)
    {
        using var response = await GetWithHost("/api/health", host.Replace("{port}", viewer.Port.ToString()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Request_NoHostHeader_IsRefusedWith400()
    {
        // HTTP/1.0 may omit Host; an HttpClient always sends one, so speak to the socket.
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, viewer.Port, Cancel);
        var stream = client.GetStream();
        await stream.WriteAsync("GET /api/health HTTP/1.0\r\n\r\n"u8.ToArray(), Cancel);
        using var reader = new StreamReader(stream, Encoding.ASCII);
        var statusLine = await reader.ReadLineAsync(Cancel);
        Assert.Equal("HTTP/1.1 400 Bad Request", statusLine);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/topic/spam")]
    [InlineData("/api/topic/spam")]
    [InlineData("/topic/nothing-here")]
    [InlineData("/assets/app.js")]
    public async Task Response_Any_CarriesAStrictContentSecurityPolicy(string path)
    {
        using var response = await viewer.Http.GetAsync(path, Cancel);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    [Theory]
    [InlineData("/api/topic/")]
    [InlineData("/topic/")]
    [InlineData("/api/keys?prefix=")]
    public async Task LongKey_Get_IsRefusedWith414(string prefix)
    {
        using var response = await viewer.Http.GetAsync(prefix + new string('k', Limits.MaxKeyLength + 1), Cancel);
        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
    }

    [Theory]
    [InlineData("/api/search?q=")]
    [InlineData("/search?q=")]
    public async Task LongQuery_Get_IsRefusedWith400(string prefix)
    {
        using var response = await viewer.Http.GetAsync(prefix + new string('q', Limits.MaxQueryLength + 1), Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task HugeUrl_Get_IsRefusedWith414BeforeRouting()
    {
        using var response = await viewer.Http.GetAsync("/search?q=" + new string('x', Limits.MaxRequestLine + 10), Cancel);
        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
    }

    [Theory]
    [InlineData("/assets/..%2F..%2F..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/topic/..%2F..%2F..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/api/topic/%2Fetc%2Fpasswd")]
    [InlineData("/..%2F..%2Fetc%2Fpasswd")]
    [InlineData("/topics.tbl")]
    [InlineData("/CURRENT")]
    public async Task Path_OutsideTheRoutes_ReachesNoFile(string path)
    {
        using var response = await viewer.Http.GetAsync(path, Cancel);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Cancel);
        Assert.DoesNotContain("root:", body);
        Assert.DoesNotContain("gen-0", body[..Math.Min(body.Length, 200)]);
    }

    [Theory]
    [InlineData("localhost", true)]
    [InlineData("127.0.0.1:80", true)]
    [InlineData("127.5.6.7:8080", true)]
    [InlineData("[::1]:1", true)]
    [InlineData("[::1]", true)]
    [InlineData("localhost:", false)]
    [InlineData("localhost:99999", false)]
    [InlineData("localhost:80:80", false)]
    [InlineData("127.1", false)]
    [InlineData("[::2]:80", false)]
    [InlineData("", false)]
    public void IsLoopbackHost_HostHeader_AcceptsOnlyLoopback(string host, bool expected) =>
        Assert.Equal(expected, LoopbackOnly.IsLoopbackHost(host));
}
