namespace Help.Server.Security;

/// <summary>Headers on every answer: only our own script and styles run, nothing is framed or sniffed.</summary>
public static class SecurityHeaders
{
    /// <summary>
    /// <c>default-src 'self'</c> with no <c>'unsafe-inline'</c> anywhere: a topic's HTML cannot run a
    /// script even if some markup got through, and no asset is fetched from another origin.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var h = context.Response.Headers;
        h.ContentSecurityPolicy = ContentSecurityPolicy;
        h.XContentTypeOptions = "nosniff";
        h.XFrameOptions = "DENY";
        h["Referrer-Policy"] = "no-referrer";
        h["Cross-Origin-Resource-Policy"] = "same-origin";
        return next(context);
    });
}
