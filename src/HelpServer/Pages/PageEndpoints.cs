using Help.Core.Model;
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
            routes.MapGet(route, (string? docset, IndexGenerations generations) =>
            {
                using var lease = generations.Acquire();
                return Html(StatusCodes.Status200OK, ListPages.KeyList(lease.Generation, kind, title, Known(lease.Generation, docset)));
            });
        }

        // A doc set's home, or one of its topics: /docs/{docset}/{key}, ?kind= where its keys collide.
        routes.MapGet("/docs/{docset}/{**key}", (string docset, string? key, string? kind, HttpRequest request, IndexGenerations generations) =>
        {
            key = RouteKeys.Decode(key);
            if (key.Length == 0 && request.Query.TryGetValue("key", out var inQuery))
            {
                key = inQuery.ToString();
            }
            if (key.Length > Limits.MaxKeyLength)
            {
                return TooLong();
            }
            if (!ApiResults.TryKind(kind, out var k, out _))
            {
                return Html(StatusCodes.Status400BadRequest, Page("Unknown kind", "<h1>Unknown kind of topic.</h1>"));
            }
            using var lease = generations.Acquire();
            var generation = lease.Generation;
            if (!generation.Table.DocSets.Contains(docset))
            {
                return Html(StatusCodes.Status404NotFound, Page("No such doc set",
                    $"<h1 class=\"notfound\">The index has no doc set <code>{Encode(docset)}</code>.</h1><p><a href=\"/\">See the doc sets it has.</a></p>",
                    generation: generation.Name, frame: TopicPage.FrameOf(generation, null)));
            }
            if (key.Length == 0)
            {
                return Html(StatusCodes.Status200OK, ListPages.DocSetHome(generation, docset));
            }
            var found = lease.Query.Lookup(key, k, docset);
            return found switch
            {
                { Status: LookupStatus.Found, Topic: { } topic } when found.MatchedBy == KeyMatch.Exact =>
                    Html(StatusCodes.Status200OK, TopicPage.Render(generation, topic)),
                // A key written differently (case, an alias): the topic's own address.
                { Status: LookupStatus.Found, Topic: { } topic } => Results.Redirect(Addresses.Topic(generation.Table, topic)),
                { Status: LookupStatus.Ambiguous } => Html(StatusCodes.Status300MultipleChoices, TopicPage.Choice(generation, key, found.Candidates)),
                _ => Html(StatusCodes.Status404NotFound, TopicPage.NotFound(generation, key, found.Candidates, docset)),
            };
        });

        // A key from anywhere (an editor, a bookmark, pydoc's habit): the topic it names, at its own address.
        routes.MapGet("/topic/{**key}", (string? key, string? docset, string? kind, IndexGenerations generations) =>
        {
            key = RouteKeys.Decode(key);
            if (key.Length > Limits.MaxKeyLength)
            {
                return TooLong();
            }
            if (!ApiResults.TryKind(kind, out var k, out _))
            {
                return Html(StatusCodes.Status400BadRequest, Page("Unknown kind", "<h1>Unknown kind of topic.</h1>"));
            }
            using var lease = generations.Acquire();
            var found = lease.Query.Lookup(key, k, Known(lease.Generation, docset));
            return found switch
            {
                { Status: LookupStatus.Found, Topic: { } topic } => Results.Redirect(Addresses.Topic(lease.Generation.Table, topic)),
                { Status: LookupStatus.Ambiguous } => Html(StatusCodes.Status300MultipleChoices, TopicPage.Choice(lease.Generation, key, found.Candidates)),
                _ => Html(StatusCodes.Status404NotFound, TopicPage.NotFound(lease.Generation, key, found.Candidates)),
            };
        });

        // The sidebar of a doc set, fetched once per generation (the address names it).
        routes.MapGet("/nav/{docset}", (string docset, string? g, HttpContext context, IndexGenerations generations) =>
        {
            using var lease = generations.Acquire();
            if (!lease.Generation.Table.DocSets.Contains(docset))
            {
                return Html(StatusCodes.Status404NotFound, "<p>No such doc set.</p>");
            }
            if (g == lease.Generation.Name)
            {
                context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            }
            return Html(StatusCodes.Status200OK, NavTree.Html(lease.Generation, docset));
        });

        routes.MapGet("/search", async (string? q, string? kind, string? docset, IndexGenerations generations, SearchGate gate, CancellationToken cancel) =>
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
            var scope = Known(lease.Generation, docset);
            var hits = search ? lease.Query.Search(new SearchQuery(q, SearchPageLimit, k is { } one ? [one] : null, scope)) : [];
            return Html(StatusCodes.Status200OK, ListPages.Results(lease.Generation, q, scope, hits));
        });

        routes.MapSourceFiles();
        return routes;
    }

    /// <summary>A doc set the index has, or null (all of them) for none or one it does not have.</summary>
    private static string? Known(IndexGenerations.Generation generation, string? docSet) =>
        docSet is not null && generation.Table.DocSets.Contains(docSet) ? docSet : null;

    private static IResult TooLong() =>
        Html(StatusCodes.Status414UriTooLong, Page("Key too long", $"<h1>A key is at most {Limits.MaxKeyLength} characters.</h1>"));

    /// <summary>Any other path: a plain 404 page, never a file.</summary>
    public static IEndpointRouteBuilder MapPageFallback(this IEndpointRouteBuilder routes)
    {
        routes.MapFallback(() => Html(StatusCodes.Status404NotFound,
            Page("Not found", "<h1 class=\"notfound\">No such page.</h1><p><a href=\"/\">Start again from the home page.</a></p>")));
        return routes;
    }
}
