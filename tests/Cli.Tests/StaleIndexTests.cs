using Help.Tests.Shared;
using Xunit;

namespace Help.Cli.Tests;

/// <summary>
/// A source changed since the build (a page replaced, as installs replace them) or a damaged index means a
/// rebuild before the answer, and an answer from the new index only.
/// </summary>
public sealed class StaleIndexTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("pyhelp-stale-").FullName;
    private string Docs => Path.Combine(_root, "docs");
    private string Index => Path.Combine(_root, "index");
    private string Page => Path.Combine(Docs, "library", "spam.html");

    public StaleIndexTests()
    {
        var fixture = Path.Combine(Corpus.RepoRoot, "tests", "Cli.Tests", "Fixtures", "docs");
        foreach (var file in Directory.EnumerateFiles(fixture, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(Docs, Path.GetRelativePath(fixture, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private CliRunner.Run Pyhelp(params string[] args) => CliRunner.Invoke(["--index", Index, "--source", Docs, .. args]);

    /// <summary>As dpkg and Sphinx replace a page: written aside, renamed over it; the folder's time moves.</summary>
    private void ReplacePage(string from, string to)
    {
        var aside = Page + ".new";
        File.WriteAllText(aside, File.ReadAllText(Page).Replace(from, to, StringComparison.Ordinal));
        File.Move(aside, Page, overwrite: true);
        var folder = Path.GetDirectoryName(Page)!;
        Directory.SetLastWriteTimeUtc(folder, Directory.GetLastWriteTimeUtc(folder).AddSeconds(5));
    }

    [Fact]
    public void Lookup_PageReplacedSinceTheBuild_AnswersFromTheRebuiltIndexOnly()
    {
        Assert.Contains("Open the tin with", Pyhelp("spam.Tin.open").Out);
        ReplacePage("Open the tin with", "Pry the tin open with");

        var run = Pyhelp("spam.Tin.open");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Pry the tin open with", run.Out);
        Assert.DoesNotContain("Open the tin with", run.Out);
        Assert.Equal("", Pyhelp("spam.Tin.open").Err);
    }

    [Fact]
    public void Search_PageReplacedSinceTheBuild_FindsTheNewWords()
    {
        Pyhelp("spam");
        ReplacePage("Open the tin with", "Pry the tin open with a crowbar");

        var run = Pyhelp("-k", "crowbar");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("spam.Tin.open", run.Out);
    }

    [Fact]
    public void Lookup_SealRemovedSinceTheBuild_SaysSoRebuildsAndAnswers()
    {
        Pyhelp("spam");
        var generation = File.ReadAllText(Path.Combine(Index, "CURRENT")).Trim();
        File.Delete(Path.Combine(Index, generation, "seal.json"));

        var run = Pyhelp("spam.Tin.open");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Open the tin with", run.Out);
        Assert.Contains("rebuilding the index", run.Err);
        Assert.NotEqual(generation, File.ReadAllText(Path.Combine(Index, "CURRENT")).Trim());
    }
}
