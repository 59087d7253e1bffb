using Help.Core.Query;
using Help.Server.Hosting;

namespace Help.Server.Api;

/// <summary><c>GET /api/health</c>: the server is up, and which index generation it answers from.</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/health", (IndexGenerations generations) =>
        {
            using var lease = generations.Acquire();
            var name = lease.Generation.Name;
            return ApiResults.Json(StatusCodes.Status200OK, w =>
            {
                w.WriteStartObject();
                w.WriteString("status", "ok");
                w.WriteString("generation", name);
                w.WriteEndObject();
            });
        });
        return routes;
    }
}

/// <summary>Any other <c>/api</c> path: a JSON 404 that says where the API is described, never the HTML page.</summary>
public static class ApiFallback
{
    public static IEndpointRouteBuilder MapApiFallback(this IEndpointRouteBuilder routes)
    {
        routes.MapFallback("/api/{**rest}", (HttpRequest request) => ApiResults.Error(StatusCodes.Status404NotFound,
            $"no API at {request.Path}; the API is described at /openapi.json"));
        return routes;
    }
}
