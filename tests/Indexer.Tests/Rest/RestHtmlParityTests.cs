using System.Text;
using Help.Core.Model;
using Help.Core.Rendering.Text;
using Help.Indexer.Pipeline;
using Help.Indexer.Sources.Inventory;
using Help.Indexer.Sources.Rest;
using Help.Indexer.Sources.Sphinx;
using Help.Tests.Shared;
using Xunit;

namespace Help.Indexer.Tests.Rest;

/// <summary>
/// Debian's python3.11-doc holds each page twice: the HTML and its reST source under <c>_sources/</c>.
/// Every object the HTML import finds on a page must read the same, at width 70, from the reST import.
/// </summary>
[Trait("Category", "corpus")]
public sealed class RestHtmlParityTests(ITestOutputHelper output)
{
    private static readonly string[] Pages =
    [
        "library/asyncio-task", "library/concurrent.futures", "library/functools", "library/json", "library/os.path",
        "library/itertools", "library/collections", "library/string",
    ];

    private static readonly TextRenderer Renderer = new();
    private static readonly TextRenderOptions Width70 = new() { Width = 70 };

    private static readonly Lazy<SphinxInventory> Inventory = new(() =>
    {
        var path = Path.Combine(Corpus.PythonDocs, "objects.inv");
        using var stream = File.OpenRead(path);
        return SphinxInventory.Read(stream, path);
    });

    [Fact]
    public void ImportFile_LibraryPages_ObjectsReadAsTheirHtml()
    {
        var root = Corpus.RequirePythonDocs();
        var inventory = Inventory.Value;
        var docSet = SphinxDocTree.DetectDocSet(root, inventory);
        var html = new SphinxHtmlImporter();
        var rest = new RestImporter();
        var compared = 0;
        var same = 0;
        var failures = new List<(string Key, double Similarity, string Diff)>();
        foreach (var page in Pages)
        {
            var diagnostics = new Diagnostics();
            var fromHtml = html.ImportPage(page + ".html", File.ReadAllText(Path.Combine(root, page + ".html")), docSet, inventory, diagnostics);
            var fromRest = rest.ImportFile($"_sources/{page}.rst.txt", File.ReadAllText(Path.Combine(root, "_sources", page + ".rst.txt")), docSet, inventory, diagnostics);
            var restByKey = fromRest.GroupBy(t => (t.Key, t.Kind)).ToDictionary(g => g.Key, g => g.First());
            var pageSame = 0;
            var objects = fromHtml.Where(t => t.Role?.StartsWith("py:", StringComparison.Ordinal) == true && t.Kind != TopicKind.Module).ToList();
            foreach (var topic in objects)
            {
                compared++;
                var expected = Renderer.Render(topic, Width70);
                var actual = restByKey.TryGetValue((topic.Key, topic.Kind), out var r) ? Renderer.Render(r, Width70) : "(no topic)\n";
                if (expected == actual)
                {
                    same++;
                    pageSame++;
                }
                else
                {
                    failures.Add((topic.Key, Similarity(expected, actual), Diff(expected, actual)));
                }
            }
            output.WriteLine($"{page}: {pageSame}/{objects.Count} objects identical; {fromHtml.Count} HTML topics, {fromRest.Count} reST topics");
        }
        var share = compared == 0 ? 0 : (double)same / compared;
        output.WriteLine($"{same}/{compared} identical ({share:P1})");
        foreach (var (key, similarity, diff) in failures.OrderBy(f => f.Similarity).Take(12))
        {
            output.WriteLine($"--- {key} ({similarity:P0} of lines equal)");
            output.WriteLine(diff);
        }
        Assert.True(compared >= 200, $"only {compared} objects compared");
        Assert.True(share >= 0.95, $"{same} of {compared} objects read the same ({share:P1}); the worst are printed above");
    }

    [Fact]
    public void ImportFile_LibraryPages_SameKeysAsHtml()
    {
        var root = Corpus.RequirePythonDocs();
        var inventory = Inventory.Value;
        var docSet = SphinxDocTree.DetectDocSet(root, inventory);
        var missing = new List<string>();
        foreach (var page in Pages)
        {
            var diagnostics = new Diagnostics();
            var fromHtml = new SphinxHtmlImporter().ImportPage(page + ".html", File.ReadAllText(Path.Combine(root, page + ".html")), docSet, inventory, diagnostics);
            var fromRest = new RestImporter().ImportFile($"_sources/{page}.rst.txt", File.ReadAllText(Path.Combine(root, "_sources", page + ".rst.txt")), docSet, inventory, diagnostics);
            var restKeys = fromRest.Select(t => (t.Key, t.Kind, t.Anchor, t.Parent)).ToHashSet();
            missing.AddRange(fromHtml.Where(t => !restKeys.Contains((t.Key, t.Kind, t.Anchor, t.Parent)))
                .Select(t => $"{page}: {TopicKinds.Name(t.Kind)} {t.Key} #{t.Anchor} parent={t.Parent}"));
        }
        foreach (var m in missing)
        {
            output.WriteLine(m);
        }
        Assert.Empty(missing);
    }

    private static double Similarity(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n').ToHashSet();
        return a.Length == 0 ? 1 : (double)a.Count(b.Contains) / a.Length;
    }

    /// <summary>The lines that differ, in order, each side marked: enough to see the cause.</summary>
    private static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var sb = new StringBuilder();
        var shown = 0;
        for (var i = 0; i < Math.Max(a.Length, b.Length) && shown < 8; i++)
        {
            var x = i < a.Length ? a[i] : "";
            var y = i < b.Length ? b[i] : "";
            if (x != y)
            {
                sb.Append("  html: ").Append(x).Append('\n').Append("  rest: ").Append(y).Append('\n');
                shown++;
            }
        }
        return sb.ToString();
    }
}
