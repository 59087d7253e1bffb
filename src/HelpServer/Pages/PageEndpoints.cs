using Help.Core.Query;
using Help.Core.Search;
using Help.Server.Api;
using Help.Server.Hosting;
using Help.Server.Security;
using static Help.Server.Pages.Layout;

namespace Help.Server.Pages;

/// <summary>The viewer's HTML pages.</summary>
public static class PageEndpoints
{
    public const int SearchPageLimit = 50;

    public static IEndpointRouteBuilder MapPages(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", (IndexGenerations generations) =>
        {
            using var lease = generations.Acquire();
            return Html(StatusCodes.Status200OK, ListPages.Home(lease.Generation));
        });

        foreach (var (route, kind, title) in ListPages.Indexes)
        {
            routes.MapGet(route, (IndexGenerations generations) =>
            {
                using var lease = generations.Acquire();
                return Html(StatusCodes.Status200OK, ListPages.KeyList(lease.Generation, kind, title));
            });
        }

        routes.MapGet("/topic/{**key}", (string? key, IndexGenerations generations) =>
        {
            key = RouteKeys.Decode(key);
            if (key.Length > Limits.MaxKeyLength)
            {
                return Html(StatusCodes.Status414UriTooLong, Page("Key too long", $"<h1>A key is at most {Limits.MaxKeyLength} characters.</h1>"));
            }
            using var lease = generations.Acquire();
            var resolved = TopicResolver.Resolve(lease.Query, key);
            if (resolved.RedirectTo is { } to)
            {
                return Results.Redirect(to);
            }
            var found = resolved.Lookup;
            return found switch
            {
                { Status: LookupStatus.Found, Topic: { } topic } => Html(StatusCodes.Status200OK, TopicPage.Render(lease.Generation, topic)),
                { Status: LookupStatus.Ambiguous } => Html(StatusCodes.Status300MultipleChoices, TopicPage.Choice(key, found.Candidates, lease.Generation.Name)),
                _ => Html(StatusCodes.Status404NotFound, TopicPage.NotFound(key, found.Candidates, lease.Generation.Name)),
            };
        });

        routes.MapGet("/search", async (string? q, string? kind, IndexGenerations generations, SearchGate gate, CancellationToken cancel) =>
        {
            q ??= "";
            if (q.Length > Limits.MaxQueryLength)
            {
                return Html(StatusCodes.Status400BadRequest, Page("Query too long", $"<h1>A search is at most {Limits.MaxQueryLength} characters.</h1>"));
            }
            if (!ApiResults.TryKind(kind, out var k, out _))
            {
                return Html(StatusCodes.Status400BadRequest, Page("Unknown kind", "<h1>Unknown kind of topic.</h1>", q));
            }
            var search = q.Trim().Length > 0;
            using var slot = search ? await gate.EnterAsync(cancel) : default(SearchGate.Slot?);
            using var lease = generations.Acquire();
            var hits = search ? lease.Query.Search(new SearchQuery(q, SearchPageLimit, k is { } one ? [one] : null)) : [];
            return Html(StatusCodes.Status200OK, ListPages.Results(q, hits, lease.Generation.Name));
        });

        return routes;
    }

    /// <summary>Any other path: a plain 404 page, never a file.</summary>
    public static IEndpointRouteBuilder MapPageFallback(this IEndpointRouteBuilder routes)
    {
        routes.MapFallback(() => Html(StatusCodes.Status404NotFound,
            Page("Not found", "<h1 class=\"notfound\">No such page.</h1><p><a href=\"/\">Start again from the home page.</a></p>")));
        return routes;
    }
}
