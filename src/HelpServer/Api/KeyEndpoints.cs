using Help.Core.Query;
using Help.Server.Hosting;
using Help.Server.Security;

namespace Help.Server.Api;

/// <summary><c>GET /api/keys?prefix=&amp;limit=</c>: key completion for an editor.</summary>
public static class KeyEndpoints
{
    public const int DefaultLimit = 20;

    public static IEndpointRouteBuilder MapKeyApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/keys", (string? prefix, string? limit, string? docset, IndexGenerations generations) =>
        {
            prefix ??= "";
            if (prefix.Length > Limits.MaxKeyLength)
            {
                return ApiResults.Error(StatusCodes.Status414UriTooLong, $"a prefix is at most {Limits.MaxKeyLength} characters");
            }
            if (!ApiResults.TryLimit(limit, DefaultLimit, out var max, out var error) || !TopicEndpoints.TryDocSet(generations, docset, out error))
            {
                return error!;
            }
            using var lease = generations.Acquire();
            return ApiResults.Json(StatusCodes.Status200OK, w => TopicJson.WriteCompletions(w, prefix, lease.Query.Complete(prefix, max, docset)));
        });
        return routes;
    }
}
