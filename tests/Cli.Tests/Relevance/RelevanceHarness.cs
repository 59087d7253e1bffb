using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Help.Core.Index;
using Help.Core.Model;
using Help.Core.Query;
using Help.Core.Search;
using Help.Tests.Shared;
using Xunit;

namespace Help.Cli.Tests.Relevance;

/// <summary>Where a judged answer is: a page of the doc set and an anchor on it (empty for the page itself).</summary>
public sealed record Answer(string Page, string Anchor);

/// <summary>A query of some kind, with the answers judged right for it.</summary>
public sealed record JudgedQuery(string Kind, string Text, IReadOnlyList<Answer> Answers);

/// <summary>A ranked result as both engines give it: the page, the anchor and, for ours, the ids the topic holds.</summary>
public sealed record Ranked(string Page, string Anchor, IReadOnlyCollection<string> Holds);

/// <summary>MRR@10 and Recall@10 of one engine on some queries.</summary>
public sealed record Scores(double Mrr, double Recall, int Count);

/// <summary>
/// Runs judged queries against <c>pyhelp</c>'s search (in process, over a built index) and against Sphinx's own search
/// page (its searchtools.js, run by node over the same HTML tree), and scores both the same way.
/// </summary>
/// <remarks>
/// A result answers a query when it points at the page of a judged answer and at its anchor, or holds that anchor (the
/// section an index entry or a label lands in), or names no anchor at all: Sphinx's full-text hits name a page without
/// an anchor, and such a hit counts for every answer on that page (page credit), the most favourable reading of what
/// Sphinx shows; ours get the same rule. Results on <paramref name="excludedPages"/> are dropped before scoring.
/// </remarks>
public sealed class RelevanceHarness(string generation, string htmlRoot, Func<string, bool>? excludedPages = null)
{
    public const int Depth = 10;

    private readonly Func<string, bool> _excluded = excludedPages ?? (_ => false);

    /// <summary>Our ranked results for each query.</summary>
    public List<List<Ranked>> Ours(IReadOnlyList<JudgedQuery> queries)
    {
        using var index = HelpIndex.Open(generation);
        var query = new HelpQuery(index);
        return queries.Select(q => query.Search(new SearchQuery(q.Text, Limit: 4 * Depth, Snippets: false))
            .Select(h => (Hit: h, Target: h.Source is null ? null : LinkTarget.Resolve(h.Source, null)))
            .Where(x => x.Target is not null && !_excluded(x.Target.Page))
            .Take(Depth)
            .Select(x => new Ranked(x.Target!.Page, x.Target.Anchor ?? "",
                index.Table.FindOwn(x.Hit.Key, x.Hit.Kind, x.Hit.DocSet)?.Anchors ?? []))
            .ToList()).ToList();
    }

    /// <summary>Sphinx's search page's results for each query, one node process for all of them.</summary>
    public List<List<Ranked>> Sphinx(IReadOnlyList<JudgedQuery> queries)
    {
        var node = new[] { "/usr/bin/node", "/usr/bin/nodejs", "/usr/local/bin/node" }.FirstOrDefault(File.Exists);
        Corpus.Require(node is not null, "node is not installed (it runs Sphinx's search for comparison); apt-get install nodejs");
        var script = Path.Combine(Corpus.RepoRoot, "tests", "Cli.Tests", "Relevance", "sphinx-search.js");
        var start = new ProcessStartInfo(node!)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(htmlRoot);
        using var process = Process.Start(start)!;
        process.StandardInput.Write(JsonSerializer.Serialize(queries.Select(q => q.Text).ToList()));
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(5)), "Sphinx's search did not finish");
        Assert.True(process.ExitCode == 0, $"Sphinx's search failed: {stderr.Result}");
        var answers = JsonSerializer.Deserialize<List<List<List<string>>>>(stdout.Result)!;
        return answers.Select(list => list
            .Select(r => new Ranked(r[0] + ".html", r[1].TrimStart('#'), []))
            .Where(r => !_excluded(r.Page))
            .Take(Depth)
            .ToList()).ToList();
    }

    public static bool Answers(Ranked result, Answer wanted) =>
        result.Page == wanted.Page
        && (result.Anchor.Length == 0 || result.Anchor == wanted.Anchor || (wanted.Anchor.Length > 0 && result.Holds.Contains(wanted.Anchor)));

    /// <summary>The rank (1-based) of the first result that answers, or null when none of the first <see cref="Depth"/> does.</summary>
    public static int? FirstHit(IReadOnlyList<Ranked> results, JudgedQuery query)
    {
        for (var i = 0; i < Math.Min(Depth, results.Count); i++)
        {
            if (query.Answers.Any(a => Answers(results[i], a)))
            {
                return i + 1;
            }
        }
        return null;
    }

    public static Scores Score(IEnumerable<(JudgedQuery Query, List<Ranked> Results)> runs)
    {
        double mrr = 0, recall = 0;
        var n = 0;
        foreach (var (query, results) in runs)
        {
            n++;
            mrr += FirstHit(results, query) is { } r ? 1.0 / r : 0;
            var top = results.Take(Depth).ToList();
            recall += (double)query.Answers.Count(a => top.Any(r => Answers(r, a))) / query.Answers.Count;
        }
        return n == 0 ? new Scores(0, 0, 0) : new Scores(mrr / n, recall / n, n);
    }

    /// <summary>Scores per kind and overall, ours beside Sphinx's, as a table; and each query's ranks.</summary>
    public static (Dictionary<string, (Scores Ours, Scores Sphinx)> ByKind, string Report) Compare(
        IReadOnlyList<JudgedQuery> queries, List<List<Ranked>> ours, List<List<Ranked>> sphinx)
    {
        var report = new StringBuilder();
        report.AppendLine($"{"kind",-14} {"n",3}  {"MRR@10 ours",11} {"sphinx",7}  {"Recall@10 ours",14} {"sphinx",7}");
        var byKind = new Dictionary<string, (Scores, Scores)>();
        foreach (var kind in queries.Select(q => q.Kind).Distinct().Append("all"))
        {
            var picked = Enumerable.Range(0, queries.Count).Where(i => kind == "all" || queries[i].Kind == kind).ToList();
            var a = Score(picked.Select(i => (queries[i], ours[i])));
            var b = Score(picked.Select(i => (queries[i], sphinx[i])));
            byKind[kind] = (a, b);
            report.AppendLine($"{kind,-14} {picked.Count,3}  {a.Mrr,11:F3} {b.Mrr,7:F3}  {a.Recall,14:F3} {b.Recall,7:F3}");
        }
        report.AppendLine();
        for (var i = 0; i < queries.Count; i++)
        {
            var first = ours[i].FirstOrDefault();
            report.AppendLine($"{queries[i].Kind,-13} {Truncate(queries[i].Text, 60),-60} ours: {FirstHit(ours[i], queries[i])?.ToString() ?? "-",-3} "
                + $"sphinx: {FirstHit(sphinx[i], queries[i])?.ToString() ?? "-",-3} ours first: {first?.Page}#{first?.Anchor}");
        }
        return (byKind, report.ToString());
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    /// <summary>The generation the index folder's <c>CURRENT</c> names.</summary>
    public static string CurrentGeneration(string indexDir) =>
        new IndexFolder(indexDir).CurrentGeneration() ?? throw new InvalidOperationException($"no index in {indexDir}");
}
