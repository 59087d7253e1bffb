using Help.Core.Index;
using Help.Tests.Shared;
using Xunit;

namespace Help.Cli.Tests;

/// <summary>
/// The native pyhelp's own part (QuickLookup): a lookup it answers must read exactly as the full tool's answer,
/// and everything else must be left untouched and unsaid for the full tool (null, nothing printed, nothing built).
/// </summary>
public sealed class QuickLookupTests(FixtureIndex index) : IClassFixture<FixtureIndex>
{
    private sealed record Quick(int? Code, string Out, string Err);

    private static Quick TryAnswer(string[] args, Func<Terminal, Terminal>? fake = null)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var terminal = new Terminal(stdout, stderr);
        var code = QuickLookup.TryAnswer(args, fake is null ? terminal : fake(terminal));
        return new Quick(code, stdout.ToString(), stderr.ToString());
    }

    private static Func<Terminal, Terminal> Tty(Dictionary<string, string> env) => t => t with
    {
        OutIsTty = true,
        InIsTty = true,
        ErrIsTty = true,
        Columns = 90,
        Env = name => env.TryGetValue(name, out var v) ? v : null,
    };

    [Theory]
    [InlineData("spam")]
    [InlineData("spam.Tin.open")]
    [InlineData("Tin.open")]
    [InlineData("SPAM.TIN.OPEN")]
    [InlineData("--width", "40", "spam.Tin.open")]
    [InlineData("spam.Tin")]
    public void FoundKey_AnswersAsTheFullTool(params string[] args)
    {
        var full = CliRunner.Invoke(index.Args(args));
        var quick = TryAnswer(index.Args(args));
        Assert.Equal(0, full.ExitCode);
        Assert.Equal(full.ExitCode, quick.Code);
        Assert.Equal(full.Out, quick.Out);
        Assert.Equal("", quick.Err);
    }

    [Fact]
    public void FoundKey_TerminalWithoutPager_AnswersAsTheFullTool()
    {
        var env = new Dictionary<string, string> { ["PAGER"] = "cat" };
        var full = CliRunner.Invoke(Tty(env), index.Args("spam"));
        var quick = TryAnswer(index.Args("spam"), Tty(env));
        Assert.Equal(0, quick.Code);
        Assert.Equal(full.Out, quick.Out);
        // A terminal's answer: the title in bold.
        Assert.Contains("\u001b[1m", quick.Out);
    }

    [Theory]
    [InlineData("-k", "worker pool")]
    [InlineData("keywords")]
    [InlineData("modules")]
    [InlineData("--json", "spam")]
    [InlineData("--rebuild", "spam")]
    [InlineData("--help")]
    [InlineData("--no-such-option")]
    [InlineData("spam.Tin.opne")]
    [InlineData("no.such.thing.anywhere")]
    public void NotAPlainFoundLookup_LeftToTheFullTool(params string[] args)
    {
        var quick = TryAnswer(index.Args(args));
        Assert.Null(quick.Code);
        Assert.Equal("", quick.Out);
        Assert.Equal("", quick.Err);
    }

    [Fact]
    public void NoKey_ThePrompt_LeftToTheFullTool() => Assert.Null(TryAnswer(index.Args()).Code);

    [Fact]
    public void AnswerTheTerminalWouldPage_LeftToTheFullTool()
    {
        var quick = TryAnswer(index.Args("spam"), Tty(new Dictionary<string, string> { ["PAGER"] = "less" }));
        Assert.Null(quick.Code);
        Assert.Equal("", quick.Out);
        // --no-pager: nothing to page, so it answers.
        Assert.Equal(0, TryAnswer(index.Args("--no-pager", "spam"), Tty(new Dictionary<string, string> { ["PAGER"] = "less" })).Code);
    }

    [Fact]
    public void NoIndexYet_LeftToTheFullTool_WithoutBuilding()
    {
        var dir = Directory.CreateTempSubdirectory("pyhelp-quick-").FullName;
        try
        {
            var quick = TryAnswer(["--index", dir, "--source", index.Docs, "spam"]);
            Assert.Null(quick.Code);
            Assert.Equal("", quick.Err);
            Assert.Null(new IndexFolder(dir).CurrentGeneration());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void OtherSources_LeftToTheFullTool_WithoutBuilding()
    {
        var before = new IndexFolder(index.Dir).CurrentGeneration();
        var quick = TryAnswer(["--index", index.Dir, "--source", index.Docs, "spam"]);
        Assert.Null(quick.Code);
        Assert.Equal(before, new IndexFolder(index.Dir).CurrentGeneration());
    }

    [Fact]
    public void DamagedTable_LeftToTheFullTool_AsItIs()
    {
        var root = Directory.CreateTempSubdirectory("pyhelp-quick-").FullName;
        try
        {
            var copy = Path.Combine(root, "index");
            CopyTree(index.Dir, copy);
            var generation = new IndexFolder(copy).CurrentGeneration()!;
            var table = Path.Combine(generation, TopicsTableFormat.FileName);
            var bytes = File.ReadAllBytes(table);
            File.WriteAllBytes(table, bytes[..(bytes.Length / 2)]);

            var quick = TryAnswer(["--index", copy, "--source", index.Docs, "--source", index.Content, "spam"]);
            Assert.Null(quick.Code);
            Assert.Equal("", quick.Out + quick.Err);
            Assert.Equal(bytes.Length / 2, new FileInfo(table).Length);
            Assert.Equal(generation, new IndexFolder(copy).CurrentGeneration());
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var copy = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    [Fact]
    public void HandOver_FullToolMissing_SaysWhatIsMissingAndWhere()
    {
        // Tests run from source, where nothing is published beside the test host: the hand-over cannot find it.
        Assert.False(File.Exists(QuickLookup.FullTool));
        var stderr = new StringWriter();
        var code = QuickLookup.HandOver(["-k", "tin"], new Terminal(TextWriter.Null, stderr));
        Assert.Equal(ExitCodes.IndexUnavailable, code);
        Assert.Contains(QuickLookup.FullTool, stderr.ToString());
        Assert.Contains("is missing", stderr.ToString());
    }
}
