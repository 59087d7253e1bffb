using System.Text.RegularExpressions;
using Help.Core.Model;
using Help.Core.Rendering.Text;
using Help.Indexer.Pipeline;
using Help.Indexer.Sources.Capture;
using Help.Indexer.Sources.Rest;
using Help.Tests.Shared;
using Xunit;

namespace Help.Indexer.Tests.Rest;

/// <summary>Seed 003: <c>Doc/library/concurrent.futures.rst</c> captured from a blame view.</summary>
public sealed partial class BlameSeedTests(ITestOutputHelper output)
{
    private const string SeedName = "003_400a808bd037b9d5.txt";

    private static (IReadOnlyList<Topic> Topics, RecoveredBlame Recovered, Diagnostics Diagnostics) Import()
    {
        var path = Path.Combine(Corpus.RequireSeeds(), SeedName);
        var recovered = BlameCapture.TryRecover(File.ReadAllText(path));
        Assert.NotNull(recovered);
        var name = Path.GetFileNameWithoutExtension(path);
        // The capture names no version: the doc set is named from the file.
        var docSet = new DocSet(name, "Python", "");
        var diagnostics = new Diagnostics();
        var topics = new RestImporter().ImportFile(name + ".rst", recovered.Text, docSet, null, diagnostics);
        return (topics, recovered, diagnostics);
    }

    [Fact]
    public void TryRecover_BlameSeed_ExecutorAndItsMethodsRecovered()
    {
        var (topics, recovered, diagnostics) = Import();
        output.WriteLine($"{topics.Count} topics");
        foreach (var group in topics.GroupBy(t => t.Kind))
        {
            output.WriteLine($"  {TopicKinds.Name(group.Key)}: {string.Join(", ", group.Select(t => t.Key))}");
        }
        foreach (var line in recovered.Removed.Concat(recovered.Doubts).Concat(diagnostics.Items.Select(d => d.ToString())))
        {
            output.WriteLine(line);
        }
        var executor = Assert.Single(topics, t => t.Key == "concurrent.futures.Executor");
        Assert.Equal(TopicKind.Class, executor.Kind);
        foreach (var method in new[] { "submit", "map", "shutdown" })
        {
            var topic = Assert.Single(topics, t => t.Key == "concurrent.futures.Executor." + method);
            Assert.Equal(TopicKind.Method, topic.Kind);
            Assert.Equal("concurrent.futures.Executor", topic.Parent);
        }
        Assert.Contains(topics, t => t.Key == "concurrent.futures.ThreadPoolExecutor" && t.Kind == TopicKind.Class);
        Assert.Contains(topics, t => t.Key == "concurrent.futures.Future.result" && t.Parent == "concurrent.futures.Future");
        Assert.Contains(topics, t => t.Key == "concurrent.futures.wait" && t.Kind == TopicKind.Function);
        Assert.NotEmpty(recovered.Doubts);
    }

    [Fact]
    public void TryRecover_BlameSeed_NoTopicHoldsBlameNoise()
    {
        var (topics, _, _) = Import();
        var renderer = new TextRenderer();
        foreach (var topic in topics)
        {
            var text = topic.Title + "\n" + topic.Signature + "\n" + renderer.Render(topic, new TextRenderOptions { Width = 70 });
            Assert.False(BlameDate().IsMatch(text), $"{topic.Key} holds a blame date:\n{text}");
            Assert.DoesNotContain("[blame]", text, StringComparison.Ordinal);
            Assert.False(NumberedLine().IsMatch(text), $"{topic.Key} holds a line number:\n{text}");
        }
    }

    [Fact]
    public void IsBlame_PlainRest_False()
    {
        Assert.False(BlameCapture.IsBlame("Title\n=====\n\nSome text.\n\n.. note::\n\n   A note.\n"));
    }

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} [+-]\d{4}")]
    private static partial Regex BlameDate();

    // A reST construct run into its line number: "12.. method::", "4.. module::".
    [GeneratedRegex(@"\d\.\. [a-z]+::")]
    private static partial Regex NumberedLine();
}
