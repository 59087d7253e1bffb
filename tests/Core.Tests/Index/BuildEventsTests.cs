using Help.Core.Index;
using Xunit;

namespace Help.Core.Tests.Index;

public sealed class BuildEventsTests
{
    [Fact]
    public void Parse_EachEventWritten_ReadsBackTheSameEvent()
    {
        Assert.Equal(new BuildEvent.Step("Reading pages in /docs"), BuildEvents.Parse(BuildEvents.Step("Reading pages\tin\n/docs")));
        Assert.Equal(new BuildEvent.Pages(3, 498), BuildEvents.Parse(BuildEvents.Pages(3, 498)));
        Assert.Equal(new BuildEvent.Skipped("skipped: /a b.html: not HTML"), BuildEvents.Parse(BuildEvents.Skipped("skipped: /a b.html: not HTML")));
        Assert.Equal(new BuildEvent.Built(15615, TimeSpan.FromMilliseconds(6912), "/idx/gen 2"), BuildEvents.Parse(BuildEvents.Built(15615, TimeSpan.FromSeconds(6.9125), "/idx/gen 2")));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Reading 498 pages")]
    [InlineData("pages\tmany\t498")]
    [InlineData("pages\t-1\t498")]
    [InlineData("built\t12\t\t/g")]
    [InlineData("finished\tnow")]
    public void Parse_NotAnEvent_GivesNull(string line) => Assert.Null(BuildEvents.Parse(line));
}
