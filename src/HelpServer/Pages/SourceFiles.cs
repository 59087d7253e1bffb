using Help.Server.Api;
using Help.Core.Index;
using Help.Core.Query;
using Microsoft.AspNetCore.StaticFiles;

namespace Help.Server.Pages;

/// <summary>
/// <c>/source/{docset}/{path}</c>: the original files of a doc set's tree (a page as Sphinx wrote it, its general
/// index, an image, a download), since a browser opens no <c>file:</c> link from a web page. Only files inside the
/// folder the doc set was indexed from, after links are followed; a page is sandboxed, so its own scripts never run
/// with the viewer's origin.
/// </summary>
internal static class SourceFiles
{
    private static readonly FileExtensionContentTypeProvider Types = new();

    public static IEndpointRouteBuilder MapSourceFiles(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/source/{docset}/{**path}", (string docset, string? path, HttpContext context, IndexGenerations generations) =>
        {
            string? root;
            using (var lease = generations.Acquire())
            {
                root = lease.Generation.DocSetRoot(docset);
            }
            if (root is null || Confined(root, RouteKeys.Decode(path)) is not { } file)
            {
                return Layout.Html(StatusCodes.Status404NotFound, Layout.Page("Not found",
                    "<h1 class=\"notfound\">No such file in the doc set.</h1><p><a href=\"/\">Start again from the home page.</a></p>"));
            }
            if (!Types.TryGetContentType(file, out var type))
            {
                type = "application/octet-stream";
            }
            // The page runs in a sandbox of its own: no script, no form, no same-origin access to the viewer.
            context.Response.Headers.ContentSecurityPolicy = "sandbox; default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; script-src 'none'";
            return Results.File(file, type, enableRangeProcessing: false);
        });
        return routes;
    }

    /// <summary>The file at <paramref name="path"/> under <paramref name="root"/>, or null if it is not there or leads outside.</summary>
    internal static string? Confined(string root, string path)
    {
        if (path.Length == 0 || path.Contains('\0'))
        {
            return null;
        }
        var realRoot = SourceDiscovery.RealPath(root);
        var full = Path.GetFullPath(Path.Combine(realRoot, path));
        if (!File.Exists(full))
        {
            return null;
        }
        var real = SourceDiscovery.RealPath(full);
        return real.StartsWith(realRoot.TrimEnd('/') + "/", StringComparison.Ordinal) ? real : null;
    }
}
