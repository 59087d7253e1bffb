using System.Collections.Concurrent;
using System.Diagnostics;
using Help.Core.Model;
using Help.Indexer.Pipeline;
using Help.Indexer.Sources.Inventory;
using Help.Indexer.Sources.Sphinx;
using Help.Tests.Shared;
using Xunit;

namespace Help.Indexer.Tests.Sphinx;

/// <summary>Debian's whole Python 3.11 HTML tree, imported as the indexer does: in parallel, with its inventory.</summary>
[Trait("Category", "corpus")]
public sealed class SphinxRealTreeTests(ITestOutputHelper output)
{
    private static readonly Lazy<(IReadOnlyList<Topic> Topics, Diagnostics Diagnostics, TimeSpan Elapsed, int Pages)> Tree = new(ImportTree);

    private static (IReadOnlyList<Topic>, Diagnostics, TimeSpan, int) ImportTree()
    {
        var root = Corpus.PythonDocs;
        var clock = Stopwatch.StartNew();
        SphinxInventory inventory;
        using (var stream = File.OpenRead(Path.Combine(root, "objects.inv")))
        {
            inventory = SphinxInventory.Read(stream, Path.Combine(root, "objects.inv"));
        }
        var docSet = SphinxDocTree.DetectDocSet(root, inventory);
        var pages = SphinxDocTree.Pages(root).ToList();
        var importer = new SphinxHtmlImporter();
        var diagnostics = new Diagnostics();
        var results = new ConcurrentDictionary<string, IReadOnlyList<Topic>>();
        Parallel.ForEach(pages, page =>
            results[page] = importer.ImportPage(page, File.ReadAllText(Path.Combine(root, page)), docSet, inventory, diagnostics));
        var topics = pages.SelectMany(p => results[p]).ToList();
        return (topics, diagnostics, clock.Elapsed, pages.Count);
    }

    private static Dictionary<(string, TopicKind), Topic> ByKey(IReadOnlyList<Topic> topics)
    {
        var map = new Dictionary<(string, TopicKind), Topic>();
        foreach (var t in topics)
        {
            map.TryAdd((t.Key, t.Kind), t);
        }
        return map;
    }

    [Fact]
    public void ImportPage_WholePython311Tree_ImportsEveryPage()
    {
        Corpus.RequirePythonDocs();
        var (topics, diagnostics, elapsed, pages) = Tree.Value;

        output.WriteLine($"{pages} pages, {topics.Count} topics in {elapsed.TotalSeconds:F1} s (inventory, pages read and imported in parallel on {Environment.ProcessorCount} cores)");
        foreach (var group in topics.GroupBy(t => t.Kind).OrderBy(g => g.Key))
        {
            output.WriteLine($"  {TopicKinds.Name(group.Key),-10} {group.Count(),6}");
        }
        output.WriteLine($"{diagnostics.Count} diagnostics");
        foreach (var d in diagnostics.Items.Take(40))
        {
            output.WriteLine($"  {d}");
        }

        Assert.True(pages > 450, $"only {pages} pages");
        Assert.False(diagnostics.AnySkipped, string.Join("\n", diagnostics.Items.Where(d => d.Level == DiagnosticLevel.Skipped)));
        var map = ByKey(topics);
        var submit = map[("concurrent.futures.Executor.submit", TopicKind.Method)];
        Assert.Equal(("submit(fn, /, *args, **kwargs)", "concurrent.futures.Executor"), (submit.Signature, submit.Parent));
        Assert.Equal("library/concurrent.futures.html#concurrent.futures.Executor.submit", submit.Source);
        Assert.True(map.ContainsKey(("assert", TopicKind.Label)));
        Assert.True(map.ContainsKey(("awaitable", TopicKind.Term)));
        Assert.True(map.ContainsKey(("asyncio", TopicKind.Module)));
        Assert.True(map.ContainsKey(("typesseq", TopicKind.Label)));
        Assert.True(map.ContainsKey(("tutorial/classes", TopicKind.Page)));
        Assert.True(map.ContainsKey(("library/asyncio-runner#runners", TopicKind.Section))
            || map.ContainsKey(("library/asyncio-runner", TopicKind.Page)));
    }

    [Fact]
    public void ImportPage_WholePython311Tree_KeysMatchTheInventory()
    {
        var root = Corpus.RequirePythonDocs();
        var (topics, _, _, _) = Tree.Value;
        using var stream = File.OpenRead(Path.Combine(root, "objects.inv"));
        var inventory = SphinxInventory.Read(stream, "objects.inv");
        // A description with several signatures is one topic; the other names are its aliases.
        var keys = topics.SelectMany(t => t.Aliases.Select(a => (a, t.Kind)).Prepend((t.Key, t.Kind))).ToHashSet();

        var missing = new List<string>();
        var total = 0;
        foreach (var e in inventory.Entries.Where(e => e.Role.StartsWith("py:", StringComparison.Ordinal) || e.Role is "std:label" or "std:term"))
        {
            total++;
            if (!keys.Contains((e.Name, TopicKinds.FromSphinxRole(e.Role))))
            {
                missing.Add($"{e.Role} {e.Name} -> {e.Page}#{e.Anchor}");
            }
        }
        output.WriteLine($"{total - missing.Count} of {total} py/label/term inventory entries are topics; missing:");
        foreach (var m in missing.Take(60))
        {
            output.WriteLine("  " + m);
        }
        Assert.True(missing.Count < total / 200, $"{missing.Count} of {total} inventory entries have no topic");
        // Sections titled "Module contents" have the id module-contents: they must not become modules.
        Assert.Equal(inventory.Entries.Count(e => e.Role == "py:module"), topics.Count(t => t.Kind == TopicKind.Module));
    }

    [Fact]
    public void ImportPage_WholePython311Tree_AssertLabelHoldsItsGrammarAndTopicsHaveNoChrome()
    {
        Corpus.RequirePythonDocs();
        var (topics, _, _, _) = Tree.Value;
        var map = ByKey(topics);

        var assert = map[("assert", TopicKind.Label)];
        Assert.Equal(("The assert statement", "reference/simple_stmts.html"), (assert.Title, assert.SourcePage));
        var section = Assert.IsType<Section>(Assert.Single(assert.Body));
        var grammar = Assert.IsType<Grammar>(section.Body.First(b => b is Grammar));
        Assert.Equal("assert_stmt", grammar.Productions[0].Name);
        Assert.Contains("expression", grammar.Productions[0].Definition);
        var asyncio = map[("asyncio", TopicKind.Module)];
        Assert.Equal("asyncio — Asynchronous I/O", asyncio.Title);

        var module = ModelDump.Topics([map[("concurrent.futures", TopicKind.Module)]]);
        Assert.DoesNotContain("¶", module);
        Assert.DoesNotContain("documentation_options", module);
        Assert.DoesNotContain("Table of Contents", module);
    }
}
