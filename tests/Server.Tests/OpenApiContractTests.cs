using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Help.Server.Tests;

/// <summary>
/// The viewer's <c>/openapi.json</c> against the viewer itself, so a plugin author can generate a client from it and
/// trust it: every API route the application maps is described and every described one is mapped; every documented
/// answer (path, status) is produced by a real request whose body validates against its schema, with no field the
/// schema does not name; every documented parameter is exercised.
/// </summary>
public sealed class OpenApiContractTests(ViewerFixture viewer) : IClassFixture<ViewerFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>
    /// A request for each answer the document describes, over the fixture docs. A new status or path in the document
    /// without a request here fails <see cref="EveryDocumentedAnswer_IsWhatARealRequestGets"/>, and so does a request
    /// here whose answer the document does not describe.
    /// </summary>
    private static readonly (string Path, HttpStatusCode Status, string Request)[] Requests =
    [
        ("/api/topic/{key}", HttpStatusCode.OK, "/api/topic/spam.Tin.open"),
        ("/api/topic/{key}", HttpStatusCode.OK, "/api/topic/Slicer.cut"),
        ("/api/topic/{key}", HttpStatusCode.OK, "/api/topic/spam.Tin.open?kind=method&docset=python-3.99"),
        ("/api/topic/{key}", HttpStatusCode.NotFound, "/api/topic/spam.Tin?docset=no-such-docs"),
        ("/api/topic/{key}", HttpStatusCode.MultipleChoices, "/api/topic/open"),
        ("/api/topic/{key}", HttpStatusCode.NotFound, "/api/topic/spam.Tin.opn"),
        ("/api/topic/{key}", HttpStatusCode.BadRequest, "/api/topic/%20"),
        ("/api/topic/{key}", HttpStatusCode.RequestUriTooLong, "/api/topic/" + new string('a', 300)),
        ("/api/search", HttpStatusCode.OK, "/api/search?q=tin&limit=3&kind=method"),
        ("/api/search", HttpStatusCode.OK, "/api/search?q=open+tin"),
        ("/api/search", HttpStatusCode.OK, "/api/search?q=tin&docset=python-3.99"),
        ("/api/search", HttpStatusCode.NotFound, "/api/search?q=tin&docset=no-such-docs"),
        ("/api/search", HttpStatusCode.OK, "/api/search?q="),
        ("/api/search", HttpStatusCode.BadRequest, "/api/search?q=tin&limit=0"),
        ("/api/search", HttpStatusCode.BadRequest, "/api/search?q=tin&kind=spaceship"),
        ("/api/search", HttpStatusCode.BadRequest, "/api/search?q=" + new string('a', 300)),
        ("/api/keys", HttpStatusCode.OK, "/api/keys?prefix=spam.&limit=3"),
        ("/api/keys", HttpStatusCode.OK, "/api/keys"),
        ("/api/keys", HttpStatusCode.OK, "/api/keys?prefix=sp&docset=python-3.99"),
        ("/api/keys", HttpStatusCode.NotFound, "/api/keys?docset=no-such-docs"),
        ("/api/keys", HttpStatusCode.BadRequest, "/api/keys?limit=many"),
        ("/api/keys", HttpStatusCode.RequestUriTooLong, "/api/keys?prefix=" + new string('a', 300)),
        ("/api/health", HttpStatusCode.OK, "/api/health"),
    ];

    private async Task<JsonObject> Document()
    {
        using var response = await viewer.Http.GetAsync("/openapi.json", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!.AsObject();
    }

    [Fact]
    public async Task EveryApiRouteTheViewerMaps_IsDescribed_AndNothingElse()
    {
        var documented = (await Document())["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(m => $"{m.Key.ToUpperInvariant()} {p.Key}"))
            .Order(StringComparer.Ordinal);
        var mapped = viewer.App.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/", StringComparison.Ordinal) && e.Order != int.MaxValue) // not the JSON 404 for other /api paths
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => $"{m} {e.RoutePattern.RawText!.Replace("{**", "{", StringComparison.Ordinal)}"))
            .Order(StringComparer.Ordinal);
        Assert.Equal(mapped, documented);
    }

    [Fact]
    public async Task EveryDocumentedAnswer_IsWhatARealRequestGets()
    {
        var document = await Document();
        var paths = document["paths"]!.AsObject();
        var components = document["components"]!["schemas"]!.AsObject();
        var problems = new List<string>();

        foreach (var (path, item) in paths)
        {
            foreach (var status in item!["get"]!["responses"]!.AsObject().Select(r => r.Key))
            {
                if (!Requests.Any(r => r.Path == path && ((int)r.Status).ToString(System.Globalization.CultureInfo.InvariantCulture) == status))
                {
                    problems.Add($"GET {path} {status}: documented, but no request here produces it");
                }
            }
            foreach (var parameter in item["get"]!["parameters"]?.AsArray() ?? [])
            {
                var name = parameter!["name"]!.GetValue<string>();
                if (parameter["in"]!.GetValue<string>() == "query" && !Requests.Any(r => r.Path == path && r.Request.Contains($"{name}=", StringComparison.Ordinal)))
                {
                    problems.Add($"GET {path}: the parameter {name} is documented but never sent here");
                }
            }
        }

        foreach (var (path, expected, request) in Requests)
        {
            using var response = await viewer.Http.GetAsync(request, Cancel);
            var what = $"GET {request[..Math.Min(request.Length, 60)]}";
            if (response.StatusCode != expected)
            {
                problems.Add($"{what}: {(int)response.StatusCode}, the test expects {(int)expected}");
                continue;
            }
            var answer = paths[path]?["get"]?["responses"]?[((int)expected).ToString(System.Globalization.CultureInfo.InvariantCulture)];
            if (answer is null)
            {
                problems.Add($"{what}: {(int)expected} is not documented for {path}");
                continue;
            }
            var mediaType = response.Content.Headers.ContentType?.MediaType ?? "";
            var content = answer["content"]?[mediaType];
            if (content is null)
            {
                problems.Add($"{what}: answered {mediaType}, documented as {string.Join(", ", answer["content"]?.AsObject().Select(c => c.Key) ?? [])}");
                continue;
            }
            var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;
            var results = Strict(content["schema"]!, components).Evaluate(body, new EvaluationOptions { OutputFormat = OutputFormat.List });
            if (!results.IsValid)
            {
                problems.AddRange((results.Details ?? []).Where(d => d.Errors is { Count: > 0 })
                    .SelectMany(d => d.Errors!.Select(e => $"{what}: at '{d.InstanceLocation}' ({d.EvaluationPath}): {e.Value}")));
            }
        }
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    /// <summary>
    /// A response schema as JSON Schema 2020-12 (which OpenAPI 3.1's schemas are), the document's components as
    /// <c>$defs</c>, and every object closed (<c>additionalProperties: false</c>): an answer carrying a field the
    /// document does not name is drift too. The document itself stays open, so clients tolerate new fields.
    /// </summary>
    private static JsonSchema Strict(JsonNode schema, JsonObject components)
    {
        var root = new JsonObject
        {
            ["$schema"] = "https://json-schema.org/draft/2020-12/schema",
            ["$defs"] = Close(components.DeepClone()),
            ["allOf"] = new JsonArray(Close(schema.DeepClone())),
        };
        var text = root.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal);
        return JsonSchema.FromText(text, new BuildOptions { SchemaRegistry = new SchemaRegistry() }, new Uri($"https://pyhelp.test/{Guid.NewGuid():N}"));
    }

    private static JsonNode Close(JsonNode node)
    {
        if (node is JsonObject o)
        {
            foreach (var (_, child) in o.ToList())
            {
                if (child is not null)
                {
                    Close(child);
                }
            }
            if (o.ContainsKey("properties") && !o.ContainsKey("additionalProperties"))
            {
                o["additionalProperties"] = false;
            }
        }
        else if (node is JsonArray a)
        {
            foreach (var child in a)
            {
                if (child is not null)
                {
                    Close(child);
                }
            }
        }
        return node;
    }
}
