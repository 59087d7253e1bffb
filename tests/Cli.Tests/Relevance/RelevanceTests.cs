using System.Text.Json;
using Help.Tests.Shared;
using Xunit;

namespace Help.Cli.Tests.Relevance;

/// <summary>
/// How well <c>pyhelp -k</c> ranks over the whole python3.11-doc index, beside Sphinx's own search page over the same
/// tree, on two query sets: the 65 realistic queries of <see cref="RelevanceQueries"/> (written here, by kind) and the
/// Python FAQ's questions (<see cref="FaqQueries"/>, judged by the FAQ's own links). Reports MRR@10 and Recall@10 per
/// kind for both engines (see the test output).
/// </summary>
[Trait("Category", "corpus")]
public sealed class RelevanceTests(PythonDocsIndex index, ITestOutputHelper output) : IClassFixture<PythonDocsIndex>
{
    private RelevanceHarness Harness(Func<string, bool>? excluded = null)
    {
        index.Build();
        return new RelevanceHarness(RelevanceHarness.CurrentGeneration(index.Dir), Corpus.PythonDocs, excluded);
    }

    [Fact]
    public void Search_RealisticQueries_RanksAnswersAboveSphinxSearch()
    {
        var harness = Harness();
        var queries = RelevanceQueries.All
            .Select(q => new JudgedQuery(q.Kind, q.Text, q.Relevant.Select(Locate).ToList()))
            .ToList();
        Assert.True(queries.Count >= 60, $"only {queries.Count} queries");

        var (byKind, report) = RelevanceHarness.Compare(queries, harness.Ours(queries), harness.Sphinx(queries));
        output.WriteLine(report);

        foreach (var (kind, (ours, sphinx)) in byKind)
        {
            Assert.True(ours.Mrr >= sphinx.Mrr, $"{kind}: our MRR@10 {ours.Mrr:F3} is below Sphinx's search ({sphinx.Mrr:F3}); see the test output");
        }
        Assert.True(byKind["all"].Ours.Mrr >= 0.75, $"overall MRR@10 {byKind["all"].Ours.Mrr:F3} is below 0.75");
    }

    [Fact]
    public void Search_FaqQuestions_RanksAnswersAboveSphinxSearch()
    {
        var harness = Harness(FaqQueries.IsFaqPage);
        var queries = FaqQueries.From(Corpus.PythonDocs);
        Assert.True(queries.Count >= 40, $"only {queries.Count} FAQ questions link to an answer");

        var (byKind, report) = RelevanceHarness.Compare(queries, harness.Ours(queries), harness.Sphinx(queries));
        output.WriteLine(report);

        var (ours, sphinx) = byKind["all"];
        Assert.True(ours.Mrr >= sphinx.Mrr, $"our MRR@10 {ours.Mrr:F3} on the FAQ is below Sphinx's search ({sphinx.Mrr:F3}); see the test output");
        Assert.True(ours.Recall >= sphinx.Recall, $"our Recall@10 {ours.Recall:F3} on the FAQ is below Sphinx's search ({sphinx.Recall:F3})");
    }

    /// <summary>Where a judged topic is: the page and anchor <c>pyhelp --json KEY</c> gives as its source.</summary>
    private Answer Locate(string key)
    {
        var run = CliRunner.Invoke(index.Args("--json", "--", key));
        Assert.True(run.ExitCode == 0, $"the judged answer '{key}' is not a key of the index: {run.Out}{run.Err}");
        using var json = JsonDocument.Parse(run.Out);
        var source = json.RootElement.GetProperty("source").GetString() ?? "";
        var hash = source.IndexOf('#');
        return hash < 0 ? new Answer(source, "") : new Answer(source[..hash], source[(hash + 1)..]);
    }
}
