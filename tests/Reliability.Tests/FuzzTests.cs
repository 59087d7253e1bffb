using System.Diagnostics;
using System.Text;
using Help.Core.Model;
using Help.Core.Rendering.Text;
using Help.Indexer.Pipeline;
using Help.Indexer.Sources.Capture;
using Help.Indexer.Sources.Markdown;
using Help.Indexer.Sources.PydocTopics;
using Help.Indexer.Sources.Rest;
using Help.Indexer.Sources.Sphinx;
using Help.Tests.Shared;
using Xunit;

namespace Help.Reliability.Tests;

/// <summary>
/// Mutated fixtures (see <see cref="Fuzz"/>) through each importer as the build calls it: nothing is
/// thrown out of the importer, problems go to <see cref="Diagnostics"/>, and every topic the build would
/// keep has a key, a kind and text the text renderer can render.
/// </summary>
[Trait("Category", "stress")]
public sealed class FuzzTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(10);
    private static readonly DocSet DocSet = new("python-3.99", "Python", "3.99");

    private static IEnumerable<string> Inputs(string format)
    {
        var tests = Path.Combine(Corpus.RepoRoot, "tests");
        IEnumerable<string> Files(string dir, string pattern) =>
            Directory.Exists(dir) ? Directory.EnumerateFiles(dir, pattern, SearchOption.AllDirectories).Order(StringComparer.Ordinal) : [];
        return format switch
        {
            "html" => Files(Path.Combine(tests, "Cli.Tests", "Fixtures", "docs"), "*.html")
                .Concat(Files(Path.Combine(tests, "Server.Tests", "Fixtures", "docs"), "*.html"))
                .Concat(Files(Path.Combine(tests, "Indexer.Tests", "Fixtures", "Sphinx"), "*.html")),
            "rest" => Files(Path.Combine(tests, "Indexer.Tests", "Fixtures", "Rest"), "*.rst"),
            "markdown" => Files(Path.Combine(tests, "Indexer.Tests", "Fixtures", "Markdown"), "*.md")
                .Concat(Files(Path.Combine(Corpus.RepoRoot, "content", "manual"), "*.md")),
            "pydoc-source" => Files(Path.Combine(tests, "Indexer.Tests", "PydocTopics", "Fixtures"), "*.py"),
            "pydoc-compiled" => Files(Path.Combine(tests, "Indexer.Tests", "PydocTopics", "Fixtures"), "*.pyc"),
            _ => throw new ArgumentException(format),
        };
    }

    [Theory]
    [InlineData("html")]
    [InlineData("rest")]
    [InlineData("markdown")]
    [InlineData("pydoc-source")]
    [InlineData("pydoc-compiled")]
    public void Import_MutatedFixtures_NeverThrowsAndKeepsOnlyWholeTopics(string format)
    {
        var inputs = Inputs(format).ToList();
        Assert.NotEmpty(inputs);
        var seed = Fuzz.Seed;
        var scratch = Directory.CreateTempSubdirectory("pyhelp-fuzz-").FullName;
        var failures = new List<string>();
        int tried = 0, topics = 0, skipped = 0, converterFailures = 0;
        var clock = Stopwatch.StartNew();
        try
        {
            for (var i = 0; i < Fuzz.Count && clock.Elapsed < Budget; i++)
            {
                foreach (var input in inputs.TakeWhile(_ => clock.Elapsed < Budget))
                {
                    var (mutation, bytes) = Fuzz.Mutate(File.ReadAllBytes(input), seed, i);
                    var replay = $"seed {seed}, mutant {i} ({mutation}) of {Path.GetFileName(input)}";
                    var diagnostics = new Diagnostics();
                    tried++;
                    try
                    {
                        foreach (var topic in Import(format, input, bytes, scratch, diagnostics))
                        {
                            if (TopicValidation.Problem(topic) is not null)
                            {
                                continue; // the build drops it, with a warning
                            }
                            topics++;
                            if (string.IsNullOrWhiteSpace(topic.Key) || !Enum.IsDefined(topic.Kind))
                            {
                                failures.Add($"{replay}: kept a topic without a key or kind: '{topic.Key}' {(int)topic.Kind}");
                            }
                            else if (TextRenderer.Default.Render(topic, new TextRenderOptions()) is null)
                            {
                                failures.Add($"{replay}: {topic.Key} renders as null");
                            }
                        }
                    }
                    catch (Exception e)
                    {
                        failures.Add($"{replay}: {e.GetType().Name}: {e.Message}");
                    }
                    skipped += diagnostics.Items.Count(d => d.Level == DiagnosticLevel.Skipped);
                    converterFailures += diagnostics.Items.Count(d => d.Message.Contains("could not be converted", StringComparison.Ordinal));
                }
            }
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{format}: seed {seed}, {tried} mutants of {inputs.Count} inputs in {clock.Elapsed.TotalSeconds:0.0} s; " +
            $"{topics} topics kept, {skipped} files skipped with a reason, {converterFailures} converter failures reported as diagnostics");
        Assert.True(failures.Count == 0, $"{failures.Count} failures of {tried}:\n" + string.Join("\n", failures.Take(10)));
    }

    /// <summary>One mutant through the importer, with the steps the build runs before it (decoding, capture cleaning, the nesting guard).</summary>
    private static IReadOnlyList<Topic> Import(string format, string input, byte[] bytes, string scratch, Diagnostics diagnostics)
    {
        var path = Path.Combine(scratch, Path.GetFileName(input));
        File.WriteAllBytes(path, bytes);
        switch (format)
        {
            case "html":
            {
                var html = CaptureNoise.Clean(SourceText.Read(path, diagnostics)).Text;
                // The build's guard: the converters recurse per element (see IndexBuild.ImportHtml).
                if (HtmlNesting.Exceeds(html, SourceLimits.MaxHtmlNesting))
                {
                    diagnostics.Skip(path, "nested too deep");
                    return [];
                }
                return new SphinxHtmlImporter().ImportPage("library/" + Path.GetFileName(input), html, DocSet, null, diagnostics);
            }
            case "rest":
                return new RestImporter().ImportFile("library/" + Path.GetFileName(input), SourceText.Read(path, diagnostics), DocSet, null, diagnostics);
            case "markdown":
                return MarkdownImporter.ImportFile(path, scratch, null, diagnostics);
            default:
                try
                {
                    var table = PydocTopicsReader.Read(path, diagnostics);
                    return PydocTopicsReader.ToTopics(table, DocSet, path);
                }
                catch (InvalidDataException e)
                {
                    // The reader's contract: an unreadable table is an InvalidDataException, which the build reports as skipped.
                    diagnostics.Skip(path, e.Message);
                    return [];
                }
        }
    }
}
