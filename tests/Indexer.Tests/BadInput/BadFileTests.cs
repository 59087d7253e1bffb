using System.Runtime.CompilerServices;
using System.Text;
using Help.Core.Model;
using Help.Indexer.Pipeline;
using Help.Indexer.Tests.Seeds;
using Xunit;

namespace Help.Indexer.Tests.BadInput;

/// <summary>
/// Files that are no use, next to a good one, all in one build: each bad file is reported once with
/// its path and reason, the good one is indexed, and the build says that something was skipped.
/// The bad files are made here at run time (a 100 MB file is not something to commit).
/// </summary>
public sealed class BadFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pyhelp-bad-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Fixtures([CallerFilePath] string thisFile = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "Fixtures"));

    private static string GoodPage => Path.Combine(Fixtures(), "Sphinx", "sphinx4", "library", "spam.html");

    private static string MiniTopics(string name, [CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "PydocTopics", "Fixtures", name));

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    [Fact]
    public void Build_EachKindOfBadFile_SkippedOnceWithReasonAndTheGoodPageIndexed()
    {
        var random = new Random(5);
        var binary = new byte[4096];
        random.NextBytes(binary);
        binary[10] = 0;
        var pyc = File.ReadAllBytes(MiniTopics("mini_topics.cpython-312.pyc"));
        var expected = new Dictionary<string, string>
        {
            [Write("empty.html", "")] = "empty file",
            [Write("noise.bin", binary)] = "binary file",
            [Write("truncated.cpython-312.pyc", pyc[..(pyc.Length / 2)])] = "",
            [HugeFile("huge.html")] = "over the 32 MiB limit",
            [Write("deep.html", DeepPage(100_000))] = "nested more than 512 elements deep",
        };
        var sources = expected.Keys.Append(GoodPage).ToArray();

        using var index = BuiltIndex.Build(sources);

        Assert.True(index.Result.AnySkipped);
        Assert.NotNull(index.Find("spam", TopicKind.Module));
        foreach (var (path, reason) in expected)
        {
            var reports = index.Diagnostics.Where(d => d.Path == path).ToList();
            var report = Assert.Single(reports);
            Assert.Equal(DiagnosticLevel.Skipped, report.Level);
            Assert.Contains(reason, report.Message);
        }
        Assert.DoesNotContain(index.Diagnostics, d => d.Path == GoodPage);
    }

    [Fact]
    public void Build_InvalidUtf8Page_IndexedWithOneWarningNamingTheOffset()
    {
        var html = File.ReadAllBytes(GoodPage);
        var at = Encoding.UTF8.GetString(html).IndexOf("<p>", StringComparison.Ordinal) + 3;
        html[at] = 0xE9; // A Latin-1 "é" inside a paragraph.
        var path = Write("latin1.html", html);

        using var index = BuiltIndex.Build(path);

        Assert.False(index.Result.AnySkipped);
        Assert.NotNull(index.Find("spam", TopicKind.Module));
        var warning = Assert.Single(index.Diagnostics);
        Assert.Equal($"warning: {path}: not valid UTF-8 (first bad byte at offset {at}); bad bytes read as U+FFFD", warning.ToString());
    }

    [Fact]
    public void Build_TruncatedPage_IndexesWhatIsThereAndWarnsOnce()
    {
        var html = File.ReadAllText(GoodPage);
        var path = Write("cut.html", html[..(html.IndexOf("</section>", StringComparison.Ordinal) + 10)]);

        using var index = BuiltIndex.Build(path);

        Assert.NotNull(index.Find("spam", TopicKind.Module));
        var warning = Assert.Single(index.Diagnostics, d => d.Path == path);
        Assert.Contains("ends before </html>", warning.Message);
    }

    [Fact]
    public void Build_TruncatedTopicsSource_ReportedOnce()
    {
        var source = File.ReadAllText(MiniTopics("mini_topics.py"));
        var path = Write("topics.py", source[..(source.Length / 2)]);

        using var index = BuiltIndex.Build(path, GoodPage);

        Assert.Single(index.Diagnostics, d => d.Path == path);
        Assert.NotNull(index.Find("spam", TopicKind.Module));
    }

    [Fact]
    public void Exceeds_DeepAndOrdinaryPages_OnlyTheDeepOne()
    {
        Assert.True(HtmlNesting.Exceeds(DeepPage(100_000), SourceLimits.MaxHtmlNesting));
        Assert.False(HtmlNesting.Exceeds(File.ReadAllText(GoodPage), SourceLimits.MaxHtmlNesting));
        // Paragraphs and list items whose end tags are left out do not nest.
        Assert.False(HtmlNesting.Exceeds("<html><body>" + string.Concat(Enumerable.Repeat("<p>x<li>y", 5000)), SourceLimits.MaxHtmlNesting));
        Assert.False(HtmlNesting.Exceeds("<script>" + string.Concat(Enumerable.Repeat("<div>", 5000)) + "</script>", SourceLimits.MaxHtmlNesting));
    }

    private static string DeepPage(int depth) =>
        "<!DOCTYPE html>\n<html><body><div role=\"main\">" + string.Concat(Enumerable.Repeat("<div>", depth)) + "deep"
        + string.Concat(Enumerable.Repeat("</div>", depth)) + "</div></body></html>\n";

    /// <summary>100 MB of an HTML page that keeps going, written in chunks so the test itself stays small.</summary>
    private string HugeFile(string name)
    {
        var path = Path.Combine(_dir, name);
        using var f = new StreamWriter(path, false, new UTF8Encoding(false));
        f.Write("<!DOCTYPE html>\n<html><body><div role=\"main\"><section id=\"big\"><h1>Big</h1>\n");
        var paragraph = "<p>" + new string('x', 1000) + "</p>\n";
        for (long written = 0; written < 100L * 1024 * 1024; written += paragraph.Length)
        {
            f.Write(paragraph);
        }
        f.Write("</section></div></body></html>\n");
        return path;
    }
}
