using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Help.Tests.Shared;
using Xunit;

namespace Help.Cli.Tests.Relevance;

/// <summary>
/// Issue 4's relevance measure: <c>pyhelp -k</c> over the whole python3.11-doc index, and Sphinx's own
/// page search over the same tree (its searchtools.js run by node), on <see cref="RelevanceQueries"/>.
/// Reports MRR@10 and Recall@10 per kind of query for both.
/// </summary>
/// <remarks>
/// A result answers a query when it points at the page and anchor of a relevant topic. Sphinx's
/// full-text hits name a page without an anchor; such a hit counts for every relevant topic on that
/// page (page credit), the most favourable reading of what Sphinx shows. Our results get the same rule.
/// </remarks>
public sealed class RelevanceTests(PythonDocsIndex index, ITestOutputHelper output) : IClassFixture<PythonDocsIndex>
{
    private const int Depth = 10;

    [Fact]
    public void Search_RealisticQueries_RanksAnswersAboveSphinxSearch()
    {
        index.Build();
        var node = RequireNode();
        var queries = RelevanceQueries.All;
        Assert.True(queries.Length >= 60, $"only {queries.Length} queries");

        var relevant = queries.SelectMany(q => q.Relevant).Distinct().ToDictionary(k => k, Locate);
        var ours = queries.Select(q => OurResults(q.Text)).ToList();
        var sphinx = SphinxResults(node, queries.Select(q => q.Text).ToList());

        var report = new StringBuilder();
        report.AppendLine($"{"kind",-14} {"n",3}  {"MRR@10 ours",11} {"sphinx",7}  {"Recall@10 ours",14} {"sphinx",7}");
        var oursByKind = new Dictionary<string, (double Mrr, double Recall)>();
        var sphinxByKind = new Dictionary<string, (double Mrr, double Recall)>();
        foreach (var kind in queries.Select(q => q.Kind).Distinct().Append("all"))
        {
            var picked = Enumerable.Range(0, queries.Length).Where(i => kind == "all" || queries[i].Kind == kind).ToList();
            var a = Score(picked.Select(i => (queries[i], ours[i])), relevant);
            var b = Score(picked.Select(i => (queries[i], sphinx[i])), relevant);
            oursByKind[kind] = a;
            sphinxByKind[kind] = b;
            report.AppendLine($"{kind,-14} {picked.Count,3}  {a.Mrr,11:F3} {b.Mrr,7:F3}  {a.Recall,14:F3} {b.Recall,7:F3}");
        }
        output.WriteLine(report.ToString());
        for (var i = 0; i < queries.Length; i++)
        {
            output.WriteLine($"{queries[i].Kind,-13} {queries[i].Text,-52} ours: {Rank(ours[i], queries[i], relevant),-4} sphinx: {Rank(sphinx[i], queries[i], relevant),-4} ours first: {ours[i].FirstOrDefault()?.Key}");
        }

        foreach (var (kind, score) in oursByKind)
        {
            Assert.True(score.Mrr >= sphinxByKind[kind].Mrr,
                $"{kind}: our MRR@10 {score.Mrr:F3} is below Sphinx's search ({sphinxByKind[kind].Mrr:F3}); see the test output");
        }
        Assert.True(oursByKind["all"].Mrr >= 0.75, $"overall MRR@10 {oursByKind["all"].Mrr:F3} is below 0.75");
    }

    private sealed record Result(string Key, string Page, string Anchor);

    private static (double Mrr, double Recall) Score(IEnumerable<(RelevanceQueries.Query Query, List<Result> Results)> runs, Dictionary<string, Result> relevant)
    {
        double mrr = 0, recall = 0;
        var n = 0;
        foreach (var (query, results) in runs)
        {
            n++;
            var rank = FirstHit(results, query, relevant);
            mrr += rank is { } r ? 1.0 / r : 0;
            var top = results.Take(Depth).ToList();
            recall += (double)query.Relevant.Count(k => top.Any(r => Answers(r, relevant[k]))) / query.Relevant.Length;
        }
        return (mrr / n, recall / n);
    }

    private static int? FirstHit(List<Result> results, RelevanceQueries.Query query, Dictionary<string, Result> relevant)
    {
        for (var i = 0; i < Math.Min(Depth, results.Count); i++)
        {
            if (query.Relevant.Any(k => Answers(results[i], relevant[k])))
            {
                return i + 1;
            }
        }
        return null;
    }

    private static string Rank(List<Result> results, RelevanceQueries.Query query, Dictionary<string, Result> relevant) =>
        FirstHit(results, query, relevant)?.ToString() ?? "-";

    /// <summary>The same page and anchor; a result without an anchor answers for its whole page.</summary>
    private static bool Answers(Result result, Result wanted) =>
        result.Page == wanted.Page && (result.Anchor == wanted.Anchor || result.Anchor.Length == 0);

    private static Result FromSource(string key, string? source)
    {
        var (page, anchor) = source?.Split('#', 2) switch
        {
            [var p, var a] => (p, a),
            [var p] => (p, ""),
            _ => ("", ""),
        };
        return new Result(key, page.EndsWith(".html", StringComparison.Ordinal) ? page[..^5] : page, anchor);
    }

    /// <summary>Where a relevant topic is: the page and anchor <c>pyhelp --json KEY</c> gives as its source.</summary>
    private Result Locate(string key)
    {
        var run = CliRunner.Invoke(index.Args("--json", "--", key));
        Assert.True(run.ExitCode == 0, $"the judged answer '{key}' is not a key of the index: {run.Out}{run.Err}");
        using var json = JsonDocument.Parse(run.Out);
        return FromSource(key, json.RootElement.GetProperty("source").GetString());
    }

    private List<Result> OurResults(string query)
    {
        var run = CliRunner.Invoke(index.Args("-k", query, "--json", "--limit", Depth.ToString()));
        using var json = JsonDocument.Parse(run.Out);
        return json.RootElement.GetProperty("results").EnumerateArray()
            .Select(r => FromSource(r.GetProperty("key").GetString()!, r.GetProperty("source").GetString()))
            .ToList();
    }

    /// <summary>Sphinx's search page run over the same HTML tree, one node process for every query.</summary>
    private static List<List<Result>> SphinxResults(string node, List<string> queries)
    {
        var script = Path.Combine(Corpus.RepoRoot, "tests", "Cli.Tests", "Relevance", "sphinx-search.js");
        var start = new ProcessStartInfo(node)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(Corpus.PythonDocs);
        using var process = Process.Start(start)!;
        process.StandardInput.Write(JsonSerializer.Serialize(queries));
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        Assert.True(process.WaitForExit(TimeSpan.FromMinutes(2)), "Sphinx's search did not finish");
        Assert.True(process.ExitCode == 0, $"Sphinx's search failed: {stderr.Result}");
        var answers = JsonSerializer.Deserialize<List<List<List<string>>>>(stdout.Result)!;
        return answers.Select(list => list.Select(r => FromSource("", r[0] + r[1])).ToList()).ToList();
    }

    private static string RequireNode()
    {
        var node = new[] { "/usr/bin/node", "/usr/bin/nodejs", "/usr/local/bin/node" }.FirstOrDefault(File.Exists);
        Corpus.Require(node is not null, "node is not installed (it runs Sphinx's search for comparison); apt-get install nodejs");
        return node!;
    }
}
