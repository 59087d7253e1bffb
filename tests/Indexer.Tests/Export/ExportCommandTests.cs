using Help.Core.Index;
using Help.Indexer.Export;
using Help.Indexer.Pipeline;
using Help.Tests.Shared;
using Xunit;

namespace Help.Indexer.Tests.Export;

public sealed class ExportCommandTests(ExportFixture fixture) : IClassFixture<ExportFixture>
{
    private static (int Code, string Err) Run(params string[] args)
    {
        var stderr = new StringWriter();
        var code = ExportCommand.Run(args, new StringWriter(), stderr);
        return (code, stderr.ToString());
    }

    [Theory]
    [InlineData("--export", "epub", "--out", "x")]
    [InlineData("--out", "x")]
    [InlineData("--export", "json")]
    [InlineData("--export", "json", "--out", "x", "--bogus")]
    [InlineData("--export", "json", "--out")]
    public void Run_BadArguments_UsageExit2(params string[] args)
    {
        var (code, err) = Run(args);

        Assert.Equal(2, code);
        Assert.Contains(ExportCommand.Usage, err);
    }

    [Fact]
    public void Run_NoIndex_MessageExit3()
    {
        var empty = Directory.CreateTempSubdirectory("pyhelp-noindex-").FullName;
        try
        {
            var (code, err) = Run("--export", "json", "--out", Path.Combine(empty, "x.jsonl"), "--index", empty);

            Assert.Equal(3, code);
            Assert.Contains($"no index in {empty}", err);
        }
        finally
        {
            Directory.Delete(empty, recursive: true);
        }
    }

    [Fact]
    public void Run_UnknownDocSet_NamesTheOnesThereExit2()
    {
        var (code, _, err) = fixture.Export("--export", "inventory", "--out", fixture.OutPath("objects.inv"), "--docset", "python-0.1");

        Assert.Equal(2, code);
        Assert.Contains($"no doc set 'python-0.1' in the index (it holds: {fixture.DocSet})", err);
    }
    [Fact]
    public void Run_IndexWithManualBesidePython_ExportsPythonAndSaysSo()
    {
        var root = Directory.CreateTempSubdirectory("pyhelp-two-docsets-").FullName;
        try
        {
            // The tool's own content/ adds its manual as a doc set of its own, as the default index does.
            var indexDir = Path.Combine(root, "index");
            new IndexBuild().Run(new IndexFolder(indexDir), [Path.Combine(ExportFixture.Fixtures, "docs"), Path.Combine(Corpus.RepoRoot, "content")], defaultSources: false);
            using (var source = ExportSource.Open(new IndexFolder(indexDir), null, single: false))
            {
                Assert.True(source.DocSets.Count > 1, string.Join(", ", source.DocSets));
            }
            var stderr = new StringWriter();

            var code = ExportCommand.Run(["--index", indexDir, "--export", "inventory", "--out", Path.Combine(root, "objects.inv")], new StringWriter(), stderr);

            Assert.Equal(0, code);
            Assert.Contains($"exporting {fixture.DocSet}; the index also holds", stderr.ToString());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
