using Help.Core.Query;
using Help.Core.Rendering.Text;
using Help.Server.Hosting;
using Help.Server.Pages;
using Help.Server.Security;

namespace Help.Server.Api;

/// <summary><c>GET /api/topic/{key}</c>: one topic as <c>pyhelp --json</c> prints it.</summary>
public static class TopicEndpoints
{
    public static IEndpointRouteBuilder MapTopicApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/topic/{**key}", (string? key, string? kind, string? docset, IndexGenerations generations) =>
        {
            key = RouteKeys.Decode(key);
            if (key.Length > Limits.MaxKeyLength)
            {
                return ApiResults.Error(StatusCodes.Status414UriTooLong, $"a key is at most {Limits.MaxKeyLength} characters");
            }
            if (key.Trim().Length == 0)
            {
                return ApiResults.Error(StatusCodes.Status400BadRequest, "a key is required: /api/topic/{key}");
            }
            if (!ApiResults.TryKind(kind, out var k, out var error))
            {
                return error!;
            }
            if (!TryDocSetName(generations, docset, out _))
            {
                return ApiResults.Json(StatusCodes.Status404NotFound, w => TopicJson.WriteNotFound(w, key, "unknown docset", []));
            }
            using var lease = generations.Acquire();
            var q = lease.Query;
            var table = lease.Generation.Table;
            var found = q.Lookup(key, k, docset);
            return found switch
            {
                // The html field's links are the viewer's own addresses, as its pages link them.
                { Status: LookupStatus.Found, Topic: { } topic } => ApiResults.Json(StatusCodes.Status200OK, w =>
                    TopicJson.Write(w, topic, q.Summary(topic), q.RenderText(topic, TextRenderOptions.Default),
                        q.RenderHtml(topic, (owner, href) => Addresses.Link(table, owner, href)))),
                { Status: LookupStatus.Ambiguous } => ApiResults.Json(StatusCodes.Status300MultipleChoices, w =>
                    TopicJson.WriteNotFound(w, key, "ambiguous", found.Candidates)),
                _ => ApiResults.Json(StatusCodes.Status404NotFound, w =>
                    TopicJson.WriteNotFound(w, key, "not found", found.Candidates)),
            };
        });
        return routes;
    }

    /// <summary>A <c>docset=</c> the index has, or none; any other is a 404 naming the ones it has.</summary>
    internal static bool TryDocSet(IndexGenerations generations, string? docSet, out IResult? error)
    {
        var known = TryDocSetName(generations, docSet, out var message);
        error = known ? null : ApiResults.Error(StatusCodes.Status404NotFound, message!);
        return known;
    }

    private static bool TryDocSetName(IndexGenerations generations, string? docSet, out string? error)
    {
        error = null;
        if (docSet is null)
        {
            return true;
        }
        using var lease = generations.Acquire();
        if (lease.Generation.Table.DocSets.Contains(docSet))
        {
            return true;
        }
        error = $"no doc set '{docSet}' in the index; it has: {string.Join(", ", lease.Generation.Table.DocSets)}";
        return false;
    }
}
