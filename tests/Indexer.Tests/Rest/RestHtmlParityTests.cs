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

    /// <summary>
    /// Every topic of the HTML import, with its key, kind, anchor, parent, title and aliases, is made from the reST
    /// too; the ids it holds there are among those it holds in the HTML (the reST import does not make the ids of
    /// index entries, options or grammar tokens).
    /// </summary>
    [Fact]
    public void ImportFile_LibraryPages_SameTopicsAsHtml()
    {
        var root = Corpus.RequirePythonDocs();
        var inventory = Inventory.Value;
        var docSet = SphinxDocTree.DetectDocSet(root, inventory);
        var differences = new List<string>();
        var anchors = 0;
        var topics = 0;
        var sameIds = 0;
        var missing = new List<string>();
        foreach (var page in Pages)
        {
            var diagnostics = new Diagnostics();
            var fromHtml = new SphinxHtmlImporter().ImportPage(page + ".html", File.ReadAllText(Path.Combine(root, page + ".html")), docSet, inventory, diagnostics);
            var fromRest = new RestImporter().ImportFile($"_sources/{page}.rst.txt", File.ReadAllText(Path.Combine(root, "_sources", page + ".rst.txt")), docSet, inventory, diagnostics);
            var restByKey = fromRest.GroupBy(t => (t.Key, t.Kind)).ToDictionary(g => g.Key, g => g.First());
            foreach (var html in fromHtml)
            {
                var name = $"{page}: {TopicKinds.Name(html.Kind)} {html.Key}";
                if (!restByKey.TryGetValue((html.Key, html.Kind), out var rest))
                {
                    differences.Add($"{name} #{html.Anchor}: not made from the reST");
                    continue;
                }
                if ((rest.Anchor, rest.Parent, rest.Title) != (html.Anchor, html.Parent, html.Title) || !rest.Aliases.SequenceEqual(html.Aliases))
                {
                    differences.Add($"{name}: #{rest.Anchor} parent={rest.Parent} title='{rest.Title}' aliases=[{string.Join(", ", rest.Aliases)}], "
                        + $"the HTML's #{html.Anchor} parent={html.Parent} title='{html.Title}' aliases=[{string.Join(", ", html.Aliases)}]");
                }
                if (rest.Anchors.Except(html.Anchors).ToList() is { Count: > 0 } extra)
                {
                    differences.Add($"{name}: holds ids the HTML's does not: {string.Join(", ", extra)}");
                }
                anchors += rest.Anchors.Count;
                topics++;
                sameIds += rest.Anchors.SequenceEqual(html.Anchors) ? 1 : 0;
                missing.AddRange(html.Anchors.Except(rest.Anchors));
            }
        }
        output.WriteLine($"{topics} topics, {sameIds} holding the same ids in the same order as from the HTML; ids only the HTML's hold: {string.Join(", ", missing)}");
        differences.ForEach(output.WriteLine);
        Assert.Empty(differences);
        Assert.True(anchors > 0, "the reST topics hold no ids at all");
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
