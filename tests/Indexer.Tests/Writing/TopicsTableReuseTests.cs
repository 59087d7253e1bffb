using Help.Core.Index;
using Help.Core.Model;
using Help.Indexer.Writing;
using Xunit;

namespace Help.Indexer.Tests.Writing;

/// <summary>A table written after a previous one copies the records that did not change and is still the file a fresh write gives.</summary>
public sealed class TopicsTableReuseTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pyhelp-table-reuse-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Write_OneTopicChangedSinceThePreviousTable_CompressesOnlyItAndWritesTheSameBytesAsAFreshWrite()
    {
        var previous = Write("previous", TopicsTableTests.SampleTopics(), null, out _);
        var changed = TopicsTableTests.SampleTopics()
            .Select(t => t.Kind == TopicKind.Term ? t with { Body = [new Paragraph([new TextRun("A glossary entry, reworded.")])] } : t)
            .ToList();

        var reused = Write("reused", changed, previous, out var compressed);
        var fresh = Write("fresh", changed, null, out _);

        Assert.Equal(1, compressed);
        Assert.Equal(File.ReadAllBytes(fresh), File.ReadAllBytes(reused));
    }

    [Fact]
    public void Write_PreviousDigestsDamaged_CompressesEveryRecord()
    {
        var previous = Write("previous", TopicsTableTests.SampleTopics(), null, out _);
        File.WriteAllBytes(Path.Combine(Path.GetDirectoryName(previous)!, TopicsTableWriter.DigestsFileName), [1, 2, 3]);

        var reused = Write("reused", TopicsTableTests.SampleTopics(), previous, out var compressed);

        Assert.Equal(TopicsTableTests.SampleTopics().Count, compressed);
        Assert.Equal(File.ReadAllBytes(previous), File.ReadAllBytes(reused));
    }

    private string Write(string folder, IReadOnlyList<Topic> topics, string? previous, out int compressed)
    {
        var path = Path.Combine(_dir, folder, TopicsTableFormat.FileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var stored = NestedTopics.Apply(topics);
        compressed = TopicsTableWriter.Write(path, stored, stored.Select(TopicsTableWriter.EncodedTopic.Of).ToList(), previous);
        return path;
    }
}
