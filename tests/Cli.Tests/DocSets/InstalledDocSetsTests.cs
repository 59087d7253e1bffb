using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Help.Core.Index;
using Help.Core.Model;
using Help.Core.Query;
using Help.Core.Rendering;
using Help.Core.Rendering.Text;
using Help.Indexer.Sources.Inventory;
using Help.Indexer.Sources.Sphinx;
using Help.Tests.Shared;
using Xunit;

namespace Help.Cli.Tests.DocSets;

/// <summary>One index of every Sphinx doc set installed (the default sources), built once for the tests below.</summary>
public sealed class InstalledDocSets : IDisposable
{
    /// <summary>The doc packages <c>.ci/run</c> installs; the check covers any other one installed as well.</summary>
    public static readonly string[] Required =
    [
        "python3.11", "python-flask-doc", "python-requests-doc", "python-click-doc", "python-jinja2-doc",
        "python-pytest-doc", "python-django-doc", "python-sqlalchemy-doc",
    ];

    public string Dir { get; } = Directory.CreateTempSubdirectory("pyhelp-docsets-").FullName;
    private string? _generation;

    /// <summary>The index's generation, built on first use (skipped, or failed under CI, when the packages are missing).</summary>
    public string Generation()
    {
        foreach (var package in Required)
        {
            Corpus.Require(File.Exists(Path.Combine("/usr/share/doc", package, "html", "objects.inv")),
                $"{package} is not installed; apt-get install {(package == "python3.11" ? "python3.11-doc" : package)}");
        }
        if (_generation is null)
        {
            var run = CliRunner.Invoke("--index", Dir, "--defaults", "--rebuild");
            Assert.True(run.ExitCode is 0, $"the build failed: {run.Err}");
            _generation = new IndexFolder(Dir).CurrentGeneration()!;
        }
        return _generation;
    }

    public void Dispose() => Directory.Delete(Dir, recursive: true);
}

/// <summary>
/// Every Sphinx doc set installed answers as well as the standard library: a sample of each tree's own
/// <c>objects.inv</c> entries (objects, modules, glossary terms) looked up by name in that doc set, each must find the
/// topic at the entry's page and anchor, show its signature (objects) or title, and its first sentence, and print
/// at most 20 times the text of its own section of the page.
/// </summary>
[Trait("Category", "corpus")]
public sealed class InstalledDocSetsTests(InstalledDocSets docSets, ITestOutputHelper output) : IClassFixture<InstalledDocSets>
{
    private const int SamplePerDocSet = 200;
    private const double Required = 0.99;
    private const int MaxTimesOwnSection = 20;

    [Fact]
    public void Lookup_SampleOfEachInventory_ResolvesWithSignatureAndFirstSentence()
    {
        using var index = HelpIndex.Open(docSets.Generation());
        var query = new HelpQuery(index);
        var report = new StringBuilder();
        report.AppendLine($"{"doc set",-18} {"sampled",7} {"resolve",8} {"sig/title",9} {"sentence",8} {"max x",6}");
        var failures = new List<string>();
        var shortfalls = new List<string>();
        foreach (var tree in SourceDiscovery.DocTrees())
        {
            var inventory = SphinxInventory.Read(File.OpenRead(Path.Combine(tree, "objects.inv")), tree);
            var docSet = SphinxDocTree.DetectDocSet(tree, inventory).Id;
            var sample = Sample(inventory);
            int resolved = 0, named = 0, summarized = 0;
            double worst = 0;
            var pages = new Dictionary<string, IDocument?>();
            foreach (var entry in sample)
            {
                var result = query.Lookup(entry.Name, docSet: docSet);
                var topic = result.Topic;
                if (topic is null || topic.SourcePage != entry.Page || !AtAnchor(topic, entry))
                {
                    failures.Add($"{docSet}: {entry.Name} ({entry.Role}) at {entry.Page}#{entry.Anchor}: {Describe(result)}");
                    continue;
                }
                resolved++;
                var isObject = entry.Role.StartsWith("py:", StringComparison.Ordinal) && entry.Role != "py:module";
                if (isObject ? !string.IsNullOrEmpty(topic.Signature) : topic.Title.Length > 0)
                {
                    named++;
                }
                else
                {
                    failures.Add($"{docSet}: {entry.Name}: no {(isObject ? "signature" : "title")}");
                }
                var (own, hasSentence) = OwnSection(tree, entry, pages);
                if (query.Summary(topic).Length > 0 || !hasSentence)
                {
                    summarized++;
                }
                else
                {
                    failures.Add($"{docSet}: {entry.Name}: no first sentence");
                }
                var printed = query.RenderText(topic, new TextRenderOptions()).Length;
                if (own > 0)
                {
                    var times = (double)printed / own;
                    worst = Math.Max(worst, times);
                    if (times > MaxTimesOwnSection)
                    {
                        failures.Add($"{docSet}: {entry.Name} prints {printed} characters, {times:F0} times its own section ({own})");
                    }
                }
            }
            report.AppendLine($"{docSet,-18} {sample.Count,7} {Share(resolved, sample.Count),8:P1} {Share(named, sample.Count),9:P1} {Share(summarized, sample.Count),8:P1} {worst,6:F1}");
            foreach (var (what, count) in new[] { ("resolve", resolved), ("show a signature or title", named), ("show a first sentence", summarized) })
            {
                if (Share(count, sample.Count) < Required)
                {
                    shortfalls.Add($"{docSet}: only {Share(count, sample.Count):P1} of {sample.Count} sampled entries {what}");
                }
            }
            foreach (var page in pages.Values)
            {
                page?.Dispose();
            }
        }
        output.WriteLine(report.ToString());
        output.WriteLine(string.Join('\n', failures));
        Assert.True(shortfalls.Count == 0, $"{string.Join('\n', shortfalls)}\n{report}\n{string.Join('\n', failures.Take(60))}");
        Assert.DoesNotContain(failures, f => f.Contains("times its own section", StringComparison.Ordinal));
    }

    private static double Share(int count, int of) => of == 0 ? 1 : (double)count / of;

    /// <summary>Up to <see cref="SamplePerDocSet"/> entries evenly through the inventory: objects, modules and terms.</summary>
    private static List<InventoryEntry> Sample(SphinxInventory inventory)
    {
        var candidates = inventory.Entries
            .Where(e => (e.Role.StartsWith("py:", StringComparison.Ordinal) && !e.Role.EndsWith("param", StringComparison.OrdinalIgnoreCase)) || e.Role == "std:term")
            .ToList();
        var stride = Math.Max(1, candidates.Count / SamplePerDocSet);
        return candidates.Where((_, i) => i % stride == 0).Take(SamplePerDocSet).ToList();
    }

    /// <summary>The topic is the entry's own: at its anchor, or holding it (a module's target inside its section).</summary>
    private static bool AtAnchor(Topic topic, InventoryEntry entry) =>
        string.IsNullOrEmpty(entry.Anchor) || topic.Anchor == entry.Anchor || topic.Anchors.Contains(entry.Anchor);

    private static string Describe(LookupResult result) => result.Status switch
    {
        LookupStatus.Found => $"found {result.Topic!.Key} at {result.Topic.Source}",
        LookupStatus.Ambiguous => $"ambiguous: {string.Join(", ", result.Candidates.Take(4).Select(c => $"{c.Key} ({c.DocSet})"))}",
        _ => "not found",
    };

    /// <summary>
    /// The entry's own part of its page, as the page shows it: the description around a signature (with the text the
    /// docs write after an empty one, as Django's do: <see cref="SphinxTrailingText"/>), the section around a module's
    /// target, a glossary term with its definition. Its length as text, and whether it says anything in a paragraph
    /// (an object documented by its signature alone has no first sentence to show); (0, false) when the page lacks it.
    /// </summary>
    private static (int Length, bool HasSentence) OwnSection(string tree, InventoryEntry entry, Dictionary<string, IDocument?> pages)
    {
        if (!pages.TryGetValue(entry.Page, out var page))
        {
            var path = Path.Combine(tree, entry.Page);
            page = File.Exists(path) ? new HtmlParser().ParseDocument(File.ReadAllText(path)) : null;
            if (page?.Body is { } body)
            {
                SphinxTrailingText.Adopt(body);
            }
            pages[entry.Page] = page;
        }
        var target = page is null ? null : string.IsNullOrEmpty(entry.Anchor) ? page.Body : page.GetElementById(entry.Anchor);
        if (target is null)
        {
            return (0, false);
        }
        var own = target.LocalName switch
        {
            // A term's definition: the dd after it (a term may share one with the terms that follow it).
            "dt" when target.ParentElement?.ClassList.Contains("glossary") == true =>
                target.ParentElement.Children.SkipWhile(c => c != target).FirstOrDefault(c => c.LocalName == "dd"),
            "dt" => target.ParentElement,
            _ => target.LocalName is "section" or "div" ? target : target.Closest("section") ?? target,
        };
        var text = PlainText.Inline([new TextRun((target.LocalName == "dt" ? target.TextContent : "") + (own?.TextContent ?? ""))]);
        // Its own paragraphs, not those of the descriptions nested in it (a class's methods).
        // A version note's words alone ("New in version 3.5.") are no sentence about the object.
        var sentence = own?.QuerySelectorAll("p").Any(p => p.TextContent.Trim().Length > 0
            && p.TextContent.Trim().TrimEnd('.') != (p.QuerySelector("span.versionmodified")?.TextContent.Trim().TrimEnd('.', ':') ?? "")
            && (own.LocalName != "dl" || p.Closest("dl.py, dl.class, dl.function, dl.method, dl.attribute, dl.data, dl.exception") == own)) ?? false;
        return (text.Length, sentence);
    }
}
