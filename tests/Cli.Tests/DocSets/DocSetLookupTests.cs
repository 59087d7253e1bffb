using Help.Core.Index;
using Help.Tests.Shared;
using Xunit;

namespace Help.Cli.Tests.DocSets;

/// <summary>
/// Doc sets as a user meets them: found where the system installs them, noticed when a package comes or goes, kept
/// when the index was built from given sources, listed when two projects share a key, and a machine without any
/// HTML docs told what to install.
/// </summary>
public sealed class DocSetLookupTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("pyhelp-docset-lookup-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Index => Path.Combine(_root, "index");

    private string Tree(string folder, string project, string version, string key, string text, params string[] more) =>
        DocTree.Write(Path.Combine(_root, folder), project, version, new Dictionary<string, string>
        {
            ["api.html"] = DocTree.Description("function", key, $"{key}()", $"<p>{text}</p>")
                + string.Concat(more.Select(m => $"\n<section id=\"{m}\"><h2>{m}</h2><p>{project}'s {m} section.</p></section>")),
        }, [$"{key} py:function 1 api.html#$ -", .. more.Select(m => $"{m} std:label -1 api.html#{m} {m}")]);

    /// <summary>
    /// pyhelp as a process whose default sources are under <paramref name="docRoot"/> (<c>HELP_DOC_ROOT</c>), with no
    /// sources file and no Python on the path of its pydoc topics lookup: what a machine with only those packages has.
    /// </summary>
    private PyhelpProcess.Result Pyhelp(string docRoot, params string[] args) => PyhelpProcess.Run("pyhelp", ["--index", Index, .. args],
        new Dictionary<string, string>
        {
            ["HELP_DOC_ROOT"] = docRoot,
            ["XDG_CONFIG_HOME"] = Path.Combine(_root, "config"),
            ["HELP_SOURCES"] = "",
        });

    [Fact]
    public void Lookup_PackageInstalledOrRemovedAfterTheBuild_NoticedAtTheNextLookup()
    {
        var docRoot = Path.Combine(_root, "doc");
        Tree(Path.Combine("doc", "python-kettles-doc", "html"), "Kettles", "2.1", "kettles.boil", "Boils water.");
        Assert.Equal(0, Pyhelp(docRoot, "kettles.boil").ExitCode);
        var built = new IndexFolder(Index).CurrentGeneration();

        Tree(Path.Combine("doc", "python-teapots-doc", "html"), "Teapots", "1.0", "teapots.pour", "Pours tea.");
        // A package's folder appears in the doc root, as dpkg makes it; the root's time moves with it.
        Directory.SetLastWriteTimeUtc(docRoot, DateTime.UtcNow.AddSeconds(5));
        var installed = Pyhelp(docRoot, "teapots.pour");
        Assert.True(installed.ExitCode == 0, installed.Out + installed.Err);
        Assert.Contains("Pours tea.", installed.Out);
        Assert.NotEqual(built, new IndexFolder(Index).CurrentGeneration());

        Directory.Delete(Path.Combine(docRoot, "python-teapots-doc"), recursive: true);
        Directory.SetLastWriteTimeUtc(docRoot, DateTime.UtcNow.AddSeconds(10));
        Assert.Equal(1, Pyhelp(docRoot, "teapots.pour").ExitCode);
        Assert.Equal(0, Pyhelp(docRoot, "kettles.boil").ExitCode);
    }

    [Fact]
    public void Lookup_UnrelatedPackageInstalled_NoRebuild()
    {
        var docRoot = Path.Combine(_root, "doc");
        Tree(Path.Combine("doc", "python-kettles-doc", "html"), "Kettles", "2.1", "kettles.boil", "Boils water.");
        Assert.Equal(0, Pyhelp(docRoot, "kettles.boil").ExitCode);
        var built = new IndexFolder(Index).CurrentGeneration();

        Directory.CreateDirectory(Path.Combine(docRoot, "libfoo1"));
        Directory.SetLastWriteTimeUtc(docRoot, DateTime.UtcNow.AddSeconds(5));

        Assert.Equal(0, Pyhelp(docRoot, "kettles.boil").ExitCode);
        Assert.Equal(built, new IndexFolder(Index).CurrentGeneration());
    }

    [Fact]
    public void Lookup_NoHtmlDocsInstalled_SaysWhatToInstall()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_root, "empty-doc")).FullName;

        var run = Pyhelp(empty, "asyncio.gather");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("No Python documentation found for 'asyncio.gather'.\nNo HTML documentation is installed", run.Out);
        Assert.Contains("apt-get install python3-doc", run.Out);
        Assert.Contains("pyhelp (", run.Out);
    }

    [Fact]
    public void Lookup_IndexBuiltFromGivenSources_LaterLookupsKeepThem()
    {
        var kettles = Tree("kettles", "Kettles", "2.1", "kettles.boil", "Boils water.");
        Assert.Equal(0, CliRunner.Invoke("--index", Index, "--source", kettles, "kettles.boil").ExitCode);
        var built = new IndexFolder(Index).CurrentGeneration();

        // No --source: the index answers from its own, and does not go back to the defaults.
        var later = CliRunner.Invoke("--index", Index, "kettles.boil");
        Assert.Equal((0, ""), (later.ExitCode, later.Err));
        Assert.Equal(built, new IndexFolder(Index).CurrentGeneration());

        // A changed source is rebuilt from those same sources.
        File.AppendAllText(Path.Combine(kettles, "api.html"), "<!-- edited -->");
        Directory.SetLastWriteTimeUtc(kettles, DateTime.UtcNow.AddSeconds(5));
        Assert.Equal(0, CliRunner.Invoke("--index", Index, "kettles.boil").ExitCode);
        Assert.NotEqual(built, new IndexFolder(Index).CurrentGeneration());
        Assert.False(IndexManifest.TryRead(new IndexFolder(Index).CurrentGeneration()!)!.DefaultSources);
    }

    [Fact]
    public void Lookup_KeyTwoProjectsHave_ListsBoth_DocSetChoosesOne()
    {
        var kettles = Tree("kettles", "Kettles", "2.1", "kettles.boil", "Boils water.", "installation");
        var teapots = Tree("teapots", "Teapots", "1.0", "teapots.pour", "Pours tea.", "installation");
        string[] sources = ["--index", Index, "--source", kettles, "--source", teapots];

        var both = CliRunner.Invoke([.. sources, "installation"]);
        Assert.Equal(1, both.ExitCode);
        Assert.Contains("installation  (label, kettles-2.1)", both.Out);
        Assert.Contains("installation  (label, teapots-1.0)", both.Out);

        var one = CliRunner.Invoke([.. sources, "--docset", "teapots-1.0", "installation"]);
        Assert.Equal(0, one.ExitCode);
        Assert.Contains("Teapots's installation section.", one.Out);
    }

    [Fact]
    public void Lookup_TwoVersionsOfOneProject_NewestAnswers()
    {
        var older = Tree("kettles-2.9", "Kettles", "2.9", "kettles.boil", "Boils water slowly.");
        var newer = Tree("kettles-2.10", "Kettles", "2.10", "kettles.boil", "Boils water fast.");

        var run = CliRunner.Invoke("--index", Index, "--source", older, "--source", newer, "kettles.boil");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Boils water fast.", run.Out);
        Assert.Contains("(kettles-2.10)", run.Out);
    }
}
