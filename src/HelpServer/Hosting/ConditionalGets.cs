using System.Security.Cryptography;

namespace Help.Server.Hosting;

/// <summary>
/// What a browser and an editor expect of every page and API answer: <c>HEAD</c> answered as <c>GET</c> is, without
/// the body; an <c>ETag</c> from the answer's bytes, so that <c>If-None-Match</c> gets a 304 without the body again; and
/// <c>Cache-Control: no-cache</c> (ask each time, since a rebuild changes answers) unless the endpoint says more.
/// Answers are built in memory anyway, so holding one to hash it costs a copy, not a delay.
/// </summary>
public static class ConditionalGets
{
    public static IApplicationBuilder UseConditionalGets(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        var head = HttpMethods.IsHead(request.Method);
        if (!(head || HttpMethods.IsGet(request.Method)) || request.Path.StartsWithSegments("/mcp"))
        {
            await next(context);
            return;
        }
        var response = context.Response;
        var body = response.Body;
        using var buffer = new MemoryStream();
        response.Body = buffer;
        if (head)
        {
            request.Method = HttpMethods.Get;
        }
        try
        {
            await next(context);
        }
        finally
        {
            response.Body = body;
            if (head)
            {
                request.Method = HttpMethods.Head;
            }
        }
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (response.StatusCode == StatusCodes.Status200OK)
        {
            if (response.Headers.ETag.Count == 0)
            {
                response.Headers.ETag = $"W/\"{Convert.ToHexStringLower(SHA256.HashData(bytes.Span))[..24]}\"";
            }
            if (response.Headers.CacheControl.Count == 0)
            {
                response.Headers.CacheControl = "no-cache";
            }
            if (request.Headers.IfNoneMatch.Count > 0 && Matches(request.Headers.IfNoneMatch.ToString(), response.Headers.ETag.ToString()))
            {
                response.StatusCode = StatusCodes.Status304NotModified;
                response.ContentLength = null;
                response.Headers.ContentType = default;
                return;
            }
        }
        response.ContentLength = bytes.Length;
        if (!head)
        {
            await body.WriteAsync(bytes, context.RequestAborted);
        }
    });

    /// <summary>Weak comparison (RFC 9110 §13.1.2), as a GET's If-None-Match asks: any listed tag, or <c>*</c>.</summary>
    private static bool Matches(string ifNoneMatch, string etag)
    {
        static string Opaque(string tag) => tag.Trim().StartsWith("W/", StringComparison.Ordinal) ? tag.Trim()[2..] : tag.Trim();
        return ifNoneMatch.Trim() == "*" || ifNoneMatch.Split(',').Any(t => Opaque(t) == Opaque(etag));
    }
}
