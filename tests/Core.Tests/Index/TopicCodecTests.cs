using Help.Core.Index;
using Help.Core.Model;
using Help.Core.Rendering.Text;
using Help.Tests.Shared;
using Xunit;

namespace Help.Core.Tests.Index;

public class TopicCodecTests
{
    private static Topic EveryKind()
    {
        IReadOnlyList<Inline> words = [new TextRun("Plain "), new Emphasis([new TextRun("em")]), new Strong([new TextRun(" strong")]),
            new Code(" code"), new Link([new TextRun(" link")], "other.html#x", false), new FootnoteRef("1"),
            new Script([new TextRun("2")], true), LineBreak.Instance, new TextRun("after.")];
        Block[] body =
        [
            new Section([new TextRun("Title")], [
                new Paragraph(words),
                new LiteralBlock(">>> 1 + 1\n2", "pycon") { IsDoctest = true, Highlight = [new("gp", 4), new("mi", 1), new("", 1), new("o", 1)] },
                new Anchor("dir-fd"),
                new Grammar([new Production("rule", "\"a\" | other"), new Production(null, "| more")]),
                new BulletList([new ListItem([new Paragraph([new TextRun("one")])])]),
                new EnumeratedList([new ListItem([new Paragraph([new TextRun("two")])])], 3),
                new DefinitionList([new DefinitionItem([new TextRun("term")], [new Paragraph([new TextRun("meaning")])], "term-term")], IsGlossary: true),
                new FieldList([new Field([new TextRun("Parameters")], [new Paragraph([new TextRun("x")])])]),
                new Table([new TableRow([new TableCell([new Paragraph([new TextRun("h")])], 2)])],
                    [new TableRow([new TableCell([new Paragraph([new TextRun("a")])]), new TableCell([new Paragraph([new TextRun("b")])], 1, 1)])]),
                new Admonition("admonition", [new TextRun("Custom")], [new Paragraph([new TextRun("careful")])]),
                new VersionNote(VersionChange.Deprecated, "3.4", [new Paragraph([new TextRun("use the other one")])]) { RemovedIn = "3.12" },
                new BlockQuote([new Paragraph([new TextRun("quoted")])]),
                new LineBlock([[new TextRun("line one")], [new TextRun("line  two")]]),
                new Rubric([new TextRun("Footnotes")]),
                Transition.Instance,
                new Footnote("1", [new Paragraph([new TextRun("a note")])]),
                new Image("pic.png", "a picture", [new Paragraph([new TextRun("caption")])]),
                new Description("py:function", [new Signature("spam.f(x)", "spam.f")], [new Paragraph([new TextRun("Does f.")])]),
                new TopicInclude("spam.g", TopicKind.Function),
                new Preformatted("Already\n   laid out\n"),
            ], "title"),
        ];
        return new Topic
        {
            Key = "spam", Kind = TopicKind.Module, DocSet = "fixture-1", Title = "spam", Role = "py:module",
            Signature = null, Parent = null, SourcePage = "library/spam.html", Anchor = "module-spam",
            Aliases = ["library/spam"], Related = ["eggs"], Anchors = ["index-3", "dir-fd"], Body = body, Origin = "fixture",
            Links = new Dictionary<string, LinkTo> { ["other.html#x"] = new("other.x", TopicKind.Label, null), ["#dir-fd"] = new("spam", TopicKind.Module, "dir-fd") },
        };
    }

    [Fact]
    public void EncodeDecode_EveryBlockAndInlineKind_SameModel()
    {
        var topic = EveryKind();
        var back = TopicCodec.Decode(TopicCodec.Encode(topic, topic.Body));

        // Every field of every node, link targets, code tokens, anchors and resolved links included (records holding
        // lists compare them by reference).
        var dump = ModelDump.Topics([topic]);
        Assert.Contains("tokens gp:4 mi:1 :1 o:1", dump);
        Assert.Contains("anchor #dir-fd", dump);
        Assert.Contains("link #dir-fd -> module 'spam' #dir-fd", dump);
        Assert.Equal(dump, ModelDump.Topics([back]));
        var renderer = new TextRenderer();
        Assert.Equal(renderer.Render(topic, new TextRenderOptions()), renderer.Render(back, new TextRenderOptions()));
    }

    [Fact]
    public void EncodeDecode_LinkTargetChanged_ModelDiffers()
    {
        // The comparison above can fail: a lost link target shows in the dump.
        var topic = EveryKind();
        var other = topic with { Body = [new Paragraph([new Link([new TextRun("link")], "elsewhere.html", false)])] };
        var same = topic with { Body = [new Paragraph([new Link([new TextRun("link")], "other.html#x", false)])] };
        Assert.NotEqual(ModelDump.Topics([same]), ModelDump.Topics([TopicCodec.Decode(TopicCodec.Encode(other, other.Body))]));
    }

    [Fact]
    public void EncodeDecode_InitOnlyModelFields_Survive()
    {
        var topic = EveryKind();
        var section = (Section)TopicCodec.Decode(TopicCodec.Encode(topic, topic.Body)).Body[0];
        Assert.True(section.Body.OfType<LiteralBlock>().Single().IsDoctest);
        Assert.Equal("3.12", section.Body.OfType<VersionNote>().Single().RemovedIn);
    }

    [Fact]
    public void Encode_SmallTopic_GivesThePinnedBytes()
    {
        // The stored format, byte for byte: a change here is a format change (bump TopicsTableFormat.Version).
        var topic = new Topic
        {
            Key = "spam.eggs", Kind = TopicKind.Function, DocSet = "spam-1.0", Title = "spam.eggs", Signature = "spam.eggs(n)",
            Parent = "spam", SourcePage = "spam.html", Anchor = "spam.eggs",
            Links = new Dictionary<string, LinkTo> { ["#spam"] = new("spam", TopicKind.Module, null) },
            Body = [new Paragraph([new TextRun("Eggs "), new Link([new Code("spam")], "#spam", false)]), new Anchor("x"),
                    new LiteralBlock("eggs(1)", "python3") { Highlight = [new("n", 4), new("p", 1), new("mi", 1), new("p", 1)] }],
        };

        Assert.Equal(
            "097370616D2E6567677306087370616D2D312E30097370616D2E6567677300010C7370616D2E65676773286E2901047370616D01097370616D2E" +
            "68746D6C01097370616D2E65676773000000000105237370616D047370616D030003020201054567677320050104047370616D0105237370616D" +
            "001501780307656767732831290107707974686F6E330004016E04017001026D6901017001",
            Convert.ToHexString(TopicCodec.Encode(topic, topic.Body)));
    }
}
