using System.Text;
using Help.Tests.Shared;
using Xunit;

namespace Help.Cli.Tests;

/// <summary>
/// Issue 3's bar: for every keyword, topic and symbol that Debian's pydoc knows, <c>pyhelp KEY</c>
/// (index built from the HTML docs and the shipped key map, no topics.py among its sources) prints what
/// <c>python3.11 -m pydoc KEY</c> prints.
/// </summary>
[Trait("Category", "corpus")]
public sealed class PydocParityTests(PythonDocsIndex index, ITestOutputHelper output) : IClassFixture<PythonDocsIndex>
{
    // pydoc answers these from the live object (help(True) is help on bool), not from its topics table.
    private static readonly HashSet<string> LiveObjects = ["True", "False", "None"];

    [Fact]
    public void Lookup_EveryPydocKey_ReadsLikePydoc()
    {
        var reference = Python.PydocAllKeys();
        Assert.True(reference.Count > 160, $"pydoc knows only {reference.Count} keys");
        index.Build();

        var results = new List<(string Key, double Similarity, string Diff)>();
        foreach (var (key, theirs) in reference)
        {
            var run = CliRunner.Invoke(index.Args("--", key));
            var expected = TextDiff.Normalize(theirs);
            var actual = TextDiff.Normalize(run.Out);
            var similarity = expected == actual ? 1.0 : TextDiff.LineSimilarity(expected, actual);
            results.Add((key, similarity, similarity < 1.0 ? TextDiff.Diff(expected, actual) : ""));
        }

        var identical = results.Count(r => r.Similarity >= 1.0);
        var share = (double)identical / results.Count;
        output.WriteLine($"{results.Count} keys: {identical} identical ({share:P1}), mean line similarity {results.Average(r => r.Similarity):P2}");
        output.WriteLine(Distribution(results.Select(r => r.Similarity)));
        foreach (var (key, similarity, diff) in results.Where(r => r.Similarity < 1.0).OrderBy(r => r.Similarity))
        {
            output.WriteLine($"--- {key}: {similarity:P2}{(LiveObjects.Contains(key) ? " (pydoc answers from the live object)" : "")}");
            output.WriteLine(diff);
        }

        // Every key pydoc answers from its topics table reads exactly as pydoc prints it.
        var differing = results.Where(r => r.Similarity < 1.0 && !LiveObjects.Contains(r.Key)).Select(r => $"{r.Key} ({r.Similarity:P1})").ToList();
        Assert.True(differing.Count == 0, $"not as pydoc prints them ({identical} of {results.Count} identical; the test output lists the differences): {string.Join(", ", differing)}");
    }

    /// <summary>How many keys fall in each similarity band, best first.</summary>
    private static string Distribution(IEnumerable<double> similarities)
    {
        (string Label, double Low)[] bands = [("1.00 (identical)", 1.0), (">= 0.99", 0.99), (">= 0.98", 0.98), (">= 0.95", 0.95), (">= 0.90", 0.90), ("< 0.90", double.MinValue)];
        var counts = new int[bands.Length];
        foreach (var s in similarities)
        {
            counts[Array.FindIndex(bands, b => s >= b.Low)]++;
        }
        var text = new StringBuilder("similarity distribution:");
        for (var i = 0; i < bands.Length; i++)
        {
            text.Append($"\n  {bands[i].Label,-18} {counts[i],4}");
        }
        return text.ToString();
    }
}
