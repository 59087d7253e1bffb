using Help.Core.Query;
using Help.Core.Search;
using Help.Server.Hosting;
using Help.Server.Security;

namespace Help.Server.Api;

/// <summary><c>GET /api/search?q=&amp;limit=&amp;kind=</c>: ranked results with snippets and highlight ranges.</summary>
public static class SearchEndpoints
{
    public const int DefaultLimit = 20;

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/search", async (string? q, string? limit, string? kind, string? docset, IndexGenerations generations, SearchGate gate,
            CancellationToken cancel) =>
        {
            q ??= "";
            if (q.Length > Limits.MaxQueryLength)
            {
                return ApiResults.Error(StatusCodes.Status400BadRequest, $"a query is at most {Limits.MaxQueryLength} characters");
            }
            if (!ApiResults.TryLimit(limit, DefaultLimit, out var max, out var error) || !ApiResults.TryKind(kind, out var k, out error)
                || !TopicEndpoints.TryDocSet(generations, docset, out error))
            {
                return error!;
            }
            if (q.Trim().Length == 0)
            {
                return ApiResults.Json(StatusCodes.Status200OK, w => TopicJson.WriteResults(w, q, []));
            }
            // The generation is leased once the search may run, so a request waiting here holds no old index open.
            using var slot = await gate.EnterAsync(cancel);
            using var lease = generations.Acquire();
            var hits = lease.Query.Search(new SearchQuery(q, max, k is { } one ? [one] : null, docset));
            return ApiResults.Json(StatusCodes.Status200OK, w => TopicJson.WriteResults(w, q, hits));
        }).CacheOutput(SearchCache.Policy);
        return routes;
    }
}
