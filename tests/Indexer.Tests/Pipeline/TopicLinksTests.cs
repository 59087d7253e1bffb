using Help.Core.Model;
using Help.Indexer.Pipeline;
using Help.Indexer.Writing;
using Help.Indexer.Tests.Sphinx;
using Xunit;

namespace Help.Indexer.Tests.Pipeline;

public sealed class TopicLinksTests
{
    private static IReadOnlyList<Topic> Stored() => TopicLinks.Apply(NestedTopics.Apply(SphinxFixtures.ImportSpam("sphinx8")));

    [Fact]
    public void Apply_LinkToAnObjectOnThePage_LandsOnThatObjectsTopic()
    {
        var holders = Stored().Where(t => t.Links.ContainsKey("#spam.Tin.open")).ToList();
        Assert.NotEmpty(holders);
        Assert.All(holders, t => Assert.Equal(new LinkTo("spam.Tin.open", TopicKind.Method, null), t.Links["#spam.Tin.open"]));
    }

    [Fact]
    public void Apply_EachLink_BelongsToTheTopicWhoseOwnBodyHoldsIt()
    {
        // A module's body holds its classes as includes: their links are theirs, not the module's.
        var stored = Stored();
        Assert.Contains(stored, t => t.Links.Count > 0);
        Assert.All(stored, t => Assert.All(t.Links.Keys, href => Assert.Contains(ModelWalk.Links(t.Body), l => l.Target == href)));
    }

    [Fact]
    public void Apply_LinkToNothingIndexed_IsLeftOut()
    {
        // ../genindex.html is a page of the tree, but no topic of it: the reader decides (the viewer serves the file).
        Assert.DoesNotContain(Stored(), t => t.Links.ContainsKey("../genindex.html"));
    }
}
