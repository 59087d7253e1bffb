using Help.Core.Query;
using Help.Core.Rendering.Text;
using Help.Server.Hosting;
using Help.Server.Security;

namespace Help.Server.Api;

/// <summary><c>GET /api/topic/{key}</c>: one topic as <c>pyhelp --json</c> prints it.</summary>
public static class TopicEndpoints
{
    public static IEndpointRouteBuilder MapTopicApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/topic/{**key}", (string? key, IndexGenerations generations) =>
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
            using var lease = generations.Acquire();
            var q = lease.Query;
            var found = q.Lookup(key);
            return found switch
            {
                { Status: LookupStatus.Found, Topic: { } topic } => ApiResults.Json(StatusCodes.Status200OK, w =>
                    TopicJson.Write(w, q, topic, TextRenderOptions.Default)),
                { Status: LookupStatus.Ambiguous } => ApiResults.Json(StatusCodes.Status300MultipleChoices, w =>
                    TopicJson.WriteNotFound(w, key, "ambiguous", found.Candidates)),
                _ => ApiResults.Json(StatusCodes.Status404NotFound, w =>
                    TopicJson.WriteNotFound(w, key, "not found", found.Candidates)),
            };
        });
        return routes;
    }
}
