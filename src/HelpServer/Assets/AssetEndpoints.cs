using System.Reflection;

namespace Help.Server.Assets;

/// <summary>The stylesheet, the script and the OpenAPI document, served from the assembly (never the disk).</summary>
public static class AssetEndpoints
{
    /// <summary>Where the API's OpenAPI document is served.</summary>
    public const string OpenApiPath = "/openapi.json";

    private static readonly (string Route, string Resource, string ContentType)[] Assets =
    [
        ("/assets/app.css", "assets/app.css", "text/css; charset=utf-8"),
        ("/assets/app.js", "assets/app.js", "text/javascript; charset=utf-8"),
        ("/assets/theme.js", "assets/theme.js", "text/javascript; charset=utf-8"),
        (OpenApiPath, "assets/openapi.json", "application/json; charset=utf-8"),
    ];

    public static IEndpointRouteBuilder MapAssets(this IEndpointRouteBuilder routes)
    {
        foreach (var (route, resource, contentType) in Assets)
        {
            var bytes = Read(resource);
            // ETag, 304 and Cache-Control come from ConditionalGets, as for every page.
            routes.MapGet(route, () => Results.Bytes(bytes, contentType));
        }
        return routes;
    }

    private static byte[] Read(string resource)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded asset {resource} is missing from the build");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
