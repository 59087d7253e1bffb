using Xunit;
using Help.Core.Index;
using Help.Core.Query;
using Help.Core.Search;
using Help.Indexer.Pipeline;
using Help.Tests.Shared;

namespace Help.Indexer.Tests.Pipeline;

/// <summary>
/// A build after a page changed updates the previous search index (replacing and deleting documents by key), and
/// that index finds what the index of a full build of the changed tree finds.
/// </summary>
public sealed class IncrementalSearchTests : IDisposable
{
    private static readonly string Fixture = Path.Combine(Corpus.RepoRoot, "tests", "Indexer.Tests", "Export", "Fixtures", "docs");
    private static readonly string[] Queries =
        ["eggs", "basket", "boil minutes", "shell", "poach", "poached water", "assert", "scramble pan", "twice", "break", "MAX_EGGS", "glossary"];

    private readonly string _root = Directory.CreateTempSubdirectory("pyhelp-incremental-search-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Run_ObjectsChangedRemovedAndAdded_UpdatesTheIndexAndSearchesAsAFullBuild()
    {
        var docs = CopyTree();
        var folder = new IndexFolder(Path.Combine(_root, "index"));
        new IndexBuild().Run(folder, [docs], defaultSources: false);
        var page = Path.Combine(docs, "library", "eggs.html");
        var html = File.ReadAllText(page);
        // Changed: MAX_EGGS's text. Removed: the ShellError exception. Added: a poach function between others.
        html = html.Replace("How many eggs fit in one basket.", "How many eggs fit in one basket, counted twice.");
        var shell = html.IndexOf("<dl class=\"py exception\">", StringComparison.Ordinal);
        html = html.Remove(shell, html.IndexOf("</dd></dl>", shell, StringComparison.Ordinal) + "</dd></dl>".Length - shell);
        html = html.Replace("<dl class=\"py function\">", """
            <dl class="py function">
            <dt class="sig sig-object py" id="eggs.poach">
            <span class="sig-prename descclassname"><span class="pre">eggs.</span></span><span class="sig-name descname"><span class="pre">poach</span></span><span class="sig-paren">(</span><em class="sig-param"><span class="n"><span class="pre">egg</span></span></em><span class="sig-paren">)</span></dt>
            <dd><p>Poach one egg in simmering water until the white sets.</p>
            </dd></dl>
            <dl class="py function">
            """);
        File.WriteAllText(page, html);

        var progress = new List<string>();
        var incremental = new IndexBuild(progress.Add).Run(folder, [docs], defaultSources: false);
        var full = new IndexBuild().Run(new IndexFolder(Path.Combine(_root, "full")), [docs], defaultSources: false);

        Assert.Equal(1, incremental.PagesRead);
        Assert.Contains(progress, p => p.StartsWith("Updated the search index", StringComparison.Ordinal));
        Assert.True(File.ReadAllBytes(Path.Combine(full.Generation, TopicsTableFormat.FileName)).AsSpan()
            .SequenceEqual(File.ReadAllBytes(Path.Combine(incremental.Generation, TopicsTableFormat.FileName))), "topics.tbl differs");
        using var expected = HelpIndex.Open(full.Generation);
        using var actual = HelpIndex.Open(incremental.Generation);
        Assert.NotEmpty(actual.Search.Search(new SearchQuery("poach")));
        Assert.Empty(actual.Search.Search(new SearchQuery("ShellError")));
        foreach (var query in Queries)
        {
            // BM25 counts a deleted document until its segment is merged, so scores may differ a little: the same hits.
            Assert.Equal(Keys(expected.Search.Search(new SearchQuery(query, Limit: 50))),
                Keys(actual.Search.Search(new SearchQuery(query, Limit: 50))));
        }
    }

    [Fact]
    public void Run_PreviousIndexUnusable_BuildsTheSearchIndexAnewAndSaysWhy()
    {
        var docs = CopyTree();
        var folder = new IndexFolder(Path.Combine(_root, "index"));
        var first = new IndexBuild().Run(folder, [docs], defaultSources: false);
        foreach (var segments in Directory.GetFiles(Path.Combine(first.Generation, SearchIndex.FolderName), "segments_*"))
        {
            // Garbage of the same length: the seal's lengths still match, Lucene's own checks do not.
            File.WriteAllBytes(segments, new byte[new FileInfo(segments).Length]);
        }
        var page = Path.Combine(docs, "library", "eggs.html");
        File.WriteAllText(page, File.ReadAllText(page).Replace("in one pan.", "in one wide pan."));

        var progress = new List<string>();
        var second = new IndexBuild(progress.Add).Run(folder, [docs], defaultSources: false);

        Assert.Contains(progress, p => p.StartsWith("Built the search index anew (the previous search index could not be read", StringComparison.Ordinal));
        using var index = HelpIndex.Open(second.Generation);
        Assert.Contains(index.Search.Search(new SearchQuery("wide pan")), h => h.Key == "eggs.scramble");
    }

    private static List<string> Keys(IReadOnlyList<SearchHit> hits) =>
        hits.Select(h => $"{h.DocSet} {h.Key} {h.Kind} | {h.Summary} | {h.Source}").Order(StringComparer.Ordinal).ToList();

    private string CopyTree()
    {
        var target = Path.Combine(_root, "docs");
        foreach (var file in Directory.EnumerateFiles(Fixture, "*", SearchOption.AllDirectories))
        {
            var to = Path.Combine(target, Path.GetRelativePath(Fixture, file));
            Directory.CreateDirectory(Path.GetDirectoryName(to)!);
            File.Copy(file, to);
        }
        return target;
    }
}
