using BenchmarkDotNet.Attributes;
using Help.Core.Index;
using Help.Core.Model;
using Help.Core.Query;
using Help.Core.Rendering.Text;
using Help.Core.Search;
using Help.Indexer.Pipeline;
using Help.Indexer.Sources.Sphinx;

namespace Help.Benchmarks;

/// <summary>
/// Parse, render, lookup and search over the real Python 3.11 docs and an index built from them
/// (bench/run.sh builds one in /tmp/pyhelp-bench/index; PYHELP_BENCH_INDEX names another).
/// </summary>
[MemoryDiagnoser]
public class HelpBenchmarks
{
    private const string Docs = "/usr/share/doc/python3.11/html";
    private const string Page = "library/asyncio-task.html";

    private readonly SphinxHtmlImporter _importer = new();
    private readonly DocSet _docSet = new("python-3.11", "Python", "3.11.2", Docs);
    private string _html = "";
    private HelpIndex _index = null!;
    private HelpQuery _query = null!;
    private Topic _bigTopic = null!;

    [GlobalSetup]
    public void Setup()
    {
        _html = File.ReadAllText(Path.Combine(Docs, Page));
        var folder = new IndexFolder(Environment.GetEnvironmentVariable("PYHELP_BENCH_INDEX") ?? "/tmp/pyhelp-bench/index");
        var generation = folder.CurrentGeneration()
            ?? throw new InvalidOperationException($"no index in {folder.Root}: run bench/run.sh first");
        _index = HelpIndex.Open(generation);
        _query = new HelpQuery(_index);
        // The module page of asyncio's tasks: one of the longest topics.
        _bigTopic = _query.Lookup("library/asyncio-task").Topic ?? _query.Lookup("asyncio").Topic
            ?? throw new InvalidOperationException("the index has no asyncio topic");
    }

    [GlobalCleanup]
    public void Cleanup() => _index.Dispose();

    /// <summary>One Sphinx page into topics (AngleSharp parse, chrome stripped, blocks, topics).</summary>
    [Benchmark]
    public int Parse() => _importer.ImportPage(Page, _html, _docSet, null, new Help.Indexer.Pipeline.Diagnostics()).Count;

    /// <summary>A long topic as pydoc-width text.</summary>
    [Benchmark]
    public int Render() => _query.RenderText(_bigTopic, new TextRenderOptions { Width = 80 }).Length;

    /// <summary>An exact key: binary search of the key index, then one record read and decoded.</summary>
    [Benchmark]
    public string Lookup() => _index.Table.ReadTopic(_index.Table.FindExact("asyncio.run")[0]).Title;

    /// <summary>A two-word full-text search, 20 hits with snippets.</summary>
    [Benchmark]
    public int Search() => _query.Search(new SearchQuery("thread pool", 20)).Count;
}
