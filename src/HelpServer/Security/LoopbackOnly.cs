using System.Net;

namespace Help.Server.Security;

/// <summary>
/// Refuses a request whose <c>Host</c> is not this machine's loopback name or address. A page on some
/// web site can point its own name at 127.0.0.1 (DNS rebinding) and read the answers as same-origin;
/// its requests still carry that foreign name in <c>Host</c>, so they stop here. RFC 9110 15.5.20:
/// 421 Misdirected Request is for a request this server will not answer for that authority.
/// </summary>
public static class LoopbackOnly
{
    public static bool IsLoopbackHost(string? host)
    {
        if (string.IsNullOrEmpty(host))
        {
            return false;
        }
        // Host is "name[:port]", or "[v6]:port" (RFC 9110 7.2, RFC 3986 3.2.2).
        string name;
        if (host.StartsWith('['))
        {
            var close = host.IndexOf(']');
            if (close < 0 || !PortOrNothing(host.AsSpan(close + 1))) return false;
            name = host[1..close];
            return IPAddress.TryParse(name, out var v6) && IPAddress.IsLoopback(v6);
        }
        var colon = host.IndexOf(':');
        name = colon < 0 ? host : host[..colon];
        if (colon >= 0 && !PortOrNothing(host.AsSpan(colon))) return false;
        if (string.Equals(name, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        // Only the dotted-quad form: IPAddress.TryParse also takes "2130706433" and "127.1".
        return name.Count(c => c == '.') == 3 && IPAddress.TryParse(name, out var v4) && IPAddress.IsLoopback(v4);
    }

    private static bool PortOrNothing(ReadOnlySpan<char> rest) =>
        rest.IsEmpty || (rest[0] == ':' && rest.Length is > 1 and <= 6 && int.TryParse(rest[1..], System.Globalization.NumberStyles.None, null, out var p) && p <= 65535);

    /// <summary>
    /// Whether an <c>Origin</c> header may call us: absent (a navigation, curl, an editor), or an <c>http:</c> origin
    /// on a loopback name. A page elsewhere that scripts a request to 127.0.0.1 sends its own origin and stops here,
    /// as the MCP transport requires of servers (Streamable HTTP, "Security Warning").
    /// </summary>
    public static bool IsAllowedOrigin(string? origin) =>
        string.IsNullOrEmpty(origin)
        || (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttp
            && uri.AbsolutePath == "/" && IsLoopbackHost(uri.Authority));

    public static IApplicationBuilder UseLoopbackOnly(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var host = context.Request.Headers.Host.ToString();
        if (host.Length == 0)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            await context.Response.WriteAsync("A Host header is required.\n");
            return;
        }
        if (!IsLoopbackHost(host))
        {
            context.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
            await context.Response.WriteAsync("This viewer answers only to localhost, 127.0.0.1 or [::1].\n");
            return;
        }
        if (!IsAllowedOrigin(context.Request.Headers.Origin.ToString()))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await context.Response.WriteAsync("This viewer answers only pages it served itself (the Origin header names another site).\n");
            return;
        }
        await next(context);
    });
}
