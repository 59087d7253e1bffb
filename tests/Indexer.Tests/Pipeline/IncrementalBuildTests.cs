using Xunit;
using Help.Core.Index;
using Help.Indexer.Pipeline;
using Help.Tests.Shared;

namespace Help.Indexer.Tests.Pipeline;

/// <summary>A build re-reads only the pages that changed since the current generation, and its index is the one a full build makes.</summary>
public sealed class IncrementalBuildTests : IDisposable
{
    private static readonly string Fixture = Path.Combine(Corpus.RepoRoot, "tests", "Indexer.Tests", "Export", "Fixtures", "docs");
    private readonly string _root = Directory.CreateTempSubdirectory("pyhelp-incremental-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Run_NothingChanged_ReadsNoPageAndWritesTheSameIndex()
    {
        var docs = CopyTree();
        var folder = new IndexFolder(Path.Combine(_root, "index"));
        var first = new IndexBuild().Run(folder, [docs], defaultSources: false);

        var second = new IndexBuild().Run(folder, [docs], defaultSources: false);

        Assert.True(first.PagesRead > 0);
        Assert.Equal(0, second.PagesRead);
        AssertSameIndex(first.Generation, second.Generation);
        Assert.Equal(first.Diagnostics, second.Diagnostics);
    }

    [Fact]
    public void Run_OnePageChanged_ReadsOnlyThatPageAndMatchesAFullBuild()
    {
        var docs = CopyTree();
        var folder = new IndexFolder(Path.Combine(_root, "index"));
        new IndexBuild().Run(folder, [docs], defaultSources: false);
        var page = Directory.EnumerateFiles(docs, "*.html", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        File.WriteAllText(page, File.ReadAllText(page).Replace("</p>", " Changed.</p>"));

        var incremental = new IndexBuild().Run(folder, [docs], defaultSources: false);
        var full = new IndexBuild().Run(new IndexFolder(Path.Combine(_root, "full")), [docs], defaultSources: false);

        Assert.Equal(1, incremental.PagesRead);
        // The search index is updated in place, equal search for search (IncrementalSearchTests), not byte for byte.
        AssertSameFile(full.Generation, incremental.Generation, TopicsTableFormat.FileName);
    }

    [Fact]
    public void Run_DamagedCache_ReadsEveryPageAgain()
    {
        var docs = CopyTree();
        var folder = new IndexFolder(Path.Combine(_root, "index"));
        var first = new IndexBuild().Run(folder, [docs], defaultSources: false);
        File.WriteAllBytes(Path.Combine(first.Generation, PageCache.FileName), [1, 2, 3]);

        var second = new IndexBuild().Run(folder, [docs], defaultSources: false);

        Assert.Equal(first.PagesRead, second.PagesRead);
        AssertSameIndex(first.Generation, second.Generation);
    }

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

    /// <summary>The same topics table, byte for byte, and a search index that finds the same (Lucene stamps its commits, so not the same bytes).</summary>
    private static void AssertSameIndex(string expectedGeneration, string actualGeneration)
    {
        AssertSameFile(expectedGeneration, actualGeneration, TopicsTableFormat.FileName);
        using var expected = Help.Core.Query.HelpIndex.Open(expectedGeneration);
        using var actual = Help.Core.Query.HelpIndex.Open(actualGeneration);
        foreach (var query in (string[])["eggs", "basket", "boil minutes", "assert", "glossary"])
        {
            Assert.Equal(expected.Search.Search(new Help.Core.Search.SearchQuery(query)).Select(h => (h.Key, h.Score, h.Snippet)),
                actual.Search.Search(new Help.Core.Search.SearchQuery(query)).Select(h => (h.Key, h.Score, h.Snippet)));
        }
    }

    private static void AssertSameFile(string expectedGeneration, string actualGeneration, string name) =>
        Assert.True(File.ReadAllBytes(Path.Combine(expectedGeneration, name)).AsSpan()
            .SequenceEqual(File.ReadAllBytes(Path.Combine(actualGeneration, name))), $"{name} differs");
}
