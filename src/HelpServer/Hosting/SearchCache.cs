using Help.Core.Query;
using Microsoft.AspNetCore.OutputCaching;

namespace Help.Server.Hosting;

/// <summary>
/// The search API's answers, kept in memory by query and index generation: ASP.NET Core's output cache, as a search
/// server keeps a query result cache (Solr's <c>queryResultCache</c>, Elasticsearch's request cache). An editor searching
/// as its user types, and a viewer's search box, ask the same queries again and again; a repeated one is answered
/// without searching. A new generation changes the key, so no answer outlives the index it came from.
/// </summary>
/// <remarks>
/// <c>HELP_SEARCH_CACHE=off</c> turns it off: <c>bench/load/run.sh</c> measures the search itself that way too.
/// </remarks>
public static class SearchCache
{
    public const string Policy = "search";

    public const string Variable = "HELP_SEARCH_CACHE";

    /// <summary>At most this much memory of answers (least recently used go first); a search answer is about 10 kB.</summary>
    private const long SizeLimit = 32L << 20;

    /// <summary>An answer is dropped this long after it was made, even if asked for again.</summary>
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public static bool Enabled => !string.Equals(Environment.GetEnvironmentVariable(Variable), "off", StringComparison.OrdinalIgnoreCase);

    public static void Configure(OutputCacheOptions options)
    {
        options.SizeLimit = SizeLimit;
        options.AddPolicy(Policy, policy =>
        {
            if (!Enabled)
            {
                policy.NoCache();
                return;
            }
            policy.SetVaryByQuery("q", "limit", "kind", "docset")
                .VaryByValue(context => new("generation", GenerationOf(context)))
                .Expire(Lifetime);
        });
    }

    /// <summary>The generation a request would be answered from (reading <c>CURRENT</c> again when it is time to).</summary>
    private static string GenerationOf(HttpContext context)
    {
        using var lease = context.RequestServices.GetRequiredService<IndexGenerations>().Acquire();
        return lease.Generation.Name;
    }
}
