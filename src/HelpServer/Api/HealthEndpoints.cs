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
