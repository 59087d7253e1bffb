using Help.Tests.Shared;
using Help.Core.Model;
using Help.Indexer.Pipeline;
using Xunit;
using static Help.Indexer.Tests.Sphinx.SphinxFixtures;

namespace Help.Indexer.Tests.Sphinx;

/// <summary>The handwritten spam page in Sphinx 3, 4 and 8 markup: topics, keys and the model.</summary>
public sealed class SphinxFixturePageTests
{
    public static TheoryData<string> Generations => new() { "sphinx3", "sphinx4", "sphinx8" };

    [Fact]
    public void ImportPage_OldAndNewSphinxMarkup_GiveTheSameModel()
    {
        var expected = ModelDump.Topics(ImportSpam("sphinx4"));

        Assert.Equal(expected, ModelDump.Topics(ImportSpam("sphinx3")));
        Assert.Equal(expected, ModelDump.Topics(ImportSpam("sphinx8")));
    }

    [Fact]
    public void ImportPage_OldAndNewSphinxMarkupWithoutInventory_GiveTheSameModel()
    {
        var expected = ModelDump.Topics(ImportSpam("sphinx4", withInventory: false));

        Assert.Equal(expected, ModelDump.Topics(ImportSpam("sphinx3", withInventory: false)));
        Assert.Equal(expected, ModelDump.Topics(ImportSpam("sphinx8", withInventory: false)));
    }

    [Theory]
    [MemberData(nameof(Generations))]
    public void ImportPage_SpamPage_GivesKeysKindsParentsAndAnchors(string generation)
    {
        var diagnostics = new Diagnostics();

        var topics = ImportSpam(generation, true, diagnostics);

        Assert.Empty(diagnostics.Items);
        Assert.Equal(
            [
                (TopicKind.Module, "spam", null, "module-spam"),
                (TopicKind.Class, "spam.Tin", "spam", "spam.Tin"),
                (TopicKind.Method, "spam.Tin.open", "spam.Tin", "spam.Tin.open"),
                (TopicKind.Method, "spam.Tin.fry", "spam.Tin", "spam.Tin.fry"),
                (TopicKind.Function, "spam.slice", "spam", "spam.slice"),
                (TopicKind.Exception, "spam.Dented", "spam", "spam.Dented"),
                (TopicKind.Data, "spam.LIMIT", "spam", "spam.LIMIT"),
                (TopicKind.Label, "spam-cooking", null, "spam-cooking"),
                (TopicKind.Section, "library/spam#leftovers", null, "leftovers"),
                (TopicKind.Section, "library/spam#terms", null, "terms"),
                (TopicKind.Term, "tin", null, "term-tin"),
                (TopicKind.Term, "slice", null, "term-slice"),
                (TopicKind.Label, "spam-intro", null, "spam-a-tin-of-spam"),
                (TopicKind.Label, "spam-serving", null, "spam-serving"),
            ],
            topics.Select(t => (t.Kind, t.Key, t.Parent, t.Anchor)));
        Assert.All(topics, t => Assert.Equal(("spamdocs-1.4", "library/spam.html", "library/spam.html"), (t.DocSet, t.SourcePage, t.Origin)));
    }

    [Theory]
    [MemberData(nameof(Generations))]
    public void ImportPage_SpamPage_TitlesSignaturesRolesAndAliases(string generation)
    {
        var topics = ImportSpam(generation).ToDictionary(t => (t.Key, t.Kind));

        var module = topics[("spam", TopicKind.Module)];
        Assert.Equal(("spam — A tin of spam", "py:module", (string?)null), (module.Title, module.Role, module.Signature));
        Assert.Equal(["library/spam", "spam-intro"], module.Aliases);

        Assert.Equal("class spam.Tin(size=3)", topics[("spam.Tin", TopicKind.Class)].Signature);
        Assert.Equal("open(key, /, *tools)", topics[("spam.Tin.open", TopicKind.Method)].Signature);
        var fry = topics[("spam.Tin.fry", TopicKind.Method)];
        Assert.Equal(("coroutine fry()", "py:coroutinemethod", "spam.Tin.fry"), (fry.Signature, fry.Role, fry.Title));
        Assert.Equal(["spam.Tin.sizzle"], fry.Aliases);
        Assert.Equal("spam.slice(tin, count=1)", topics[("spam.slice", TopicKind.Function)].Signature);
        Assert.Equal("exception spam.Dented", topics[("spam.Dented", TopicKind.Exception)].Signature);

        var cooking = topics[("spam-cooking", TopicKind.Label)];
        Assert.Equal(("Cooking spam", "std:label"), (cooking.Title, cooking.Role));
        Assert.Equal(["library/spam#cooking-spam"], cooking.Aliases);
        Assert.Equal("Cooking spam", topics[("spam-serving", TopicKind.Label)].Title);
        Assert.Equal("spam — A tin of spam", topics[("spam-intro", TopicKind.Label)].Title);
        Assert.Equal("Leftovers", topics[("library/spam#leftovers", TopicKind.Section)].Title);
        var tin = topics[("tin", TopicKind.Term)];
        Assert.Equal(("tin", "std:term"), (tin.Title, tin.Role));
    }

    [Theory]
    [MemberData(nameof(Generations))]
    public void ImportPage_SpamPage_ChildBodiesAreTheBlocksOfTheParent(string generation)
    {
        var topics = ImportSpam(generation).ToDictionary(t => (t.Key, t.Kind));
        var module = topics[("spam", TopicKind.Module)];
        var top = Assert.IsType<Section>(Assert.Single(module.Body));

        var tin = Assert.Single(topics[("spam.Tin", TopicKind.Class)].Body);
        Assert.Contains(tin, top.Body);
        var open = Assert.Single(topics[("spam.Tin.open", TopicKind.Method)].Body);
        Assert.Contains(open, ((Description)tin).Body);
        var cooking = Assert.Single(topics[("spam-cooking", TopicKind.Label)].Body);
        Assert.Contains(cooking, top.Body);
        Assert.Same(cooking, Assert.Single(topics[("spam-serving", TopicKind.Label)].Body));
        var leftovers = Assert.Single(topics[("library/spam#leftovers", TopicKind.Section)].Body);
        Assert.Contains(leftovers, ((Section)cooking).Body);
        Assert.Same(top, Assert.Single(topics[("spam-intro", TopicKind.Label)].Body));

        var terms = (Section)Assert.Single(topics[("library/spam#terms", TopicKind.Section)].Body);
        var glossary = Assert.IsType<DefinitionList>(terms.Body[0]);
        var tinTerm = Assert.IsType<DefinitionList>(Assert.Single(topics[("tin", TopicKind.Term)].Body));
        Assert.True(tinTerm.IsGlossary);
        Assert.Same(glossary.Items[0], Assert.Single(tinTerm.Items));
    }

    [Theory]
    [MemberData(nameof(Generations))]
    public void ImportPage_SpamPage_BodyHoldsEveryMarkupForm(string generation)
    {
        var dump = ModelDump.Topics(ImportSpam(generation).Take(1));

        Assert.Equal(ExpectedSpamModule, dump);
    }

    [Theory]
    [MemberData(nameof(Generations))]
    public void ImportPage_SpamPage_LeavesNoChromeInAnyTopic(string generation)
    {
        var dump = ModelDump.Topics(ImportSpam(generation));

        Assert.DoesNotContain("¶", dump);
        Assert.DoesNotContain("chrome", dump, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SCRIPT_TEXT", dump);
        Assert.DoesNotContain("color: black", dump);
        Assert.DoesNotContain("3.1.", dump);
        Assert.DoesNotContain("Navigation", dump);
    }

    [Theory]
    [MemberData(nameof(Generations))]
    public void ImportPage_SpamPageWithoutInventory_KeysFromAnchorsAndRolesFromMarkup(string generation)
    {
        var topics = ImportSpam(generation, withInventory: false);

        Assert.Equal(
            [
                (TopicKind.Module, "spam", null),
                (TopicKind.Class, "spam.Tin", "spam"),
                (TopicKind.Method, "spam.Tin.open", "spam.Tin"),
                (TopicKind.Method, "spam.Tin.fry", "spam.Tin"),
                (TopicKind.Function, "spam.slice", "spam"),
                (TopicKind.Exception, "spam.Dented", "spam"),
                (TopicKind.Data, "spam.LIMIT", "spam"),
                (TopicKind.Label, "spam-cooking", null),
                (TopicKind.Section, "library/spam#leftovers", null),
                (TopicKind.Section, "library/spam#terms", null),
                (TopicKind.Term, "tin", null),
                (TopicKind.Term, "slice", null),
            ],
            topics.Select(t => (t.Kind, t.Key, t.Parent)));
        Assert.Equal("py:method", topics[3].Role);
        Assert.Equal(["library/spam"], topics[0].Aliases);
    }

    private const string ExpectedSpamModule = """
        topic module 'spam' docset=spamdocs-1.4 title='spam — A tin of spam' role=py:module sig= parent= source=library/spam.html#module-spam origin=library/spam.html aliases=[library/spam, spam-intro] related=[] anchors=[spam-a-tin-of-spam, id1]
          section #module-spam [`spam`](#module-spam) — A tin of spam
            version Added 1.2 removed=
            p The `spam` module opens, *slices* and **fries** tins. See [the spam site](https://example.org/spam ext) and [`Tin`](#spam.Tin). Water is H_(2)O and a square is x^(2).[^1]
            admonition note title=-
              p Keep tins away from open flames.
            admonition seealso title=-
              p The [`eggs`](eggs.html#module-eggs) module.
            admonition admonition title=Serving hint
              p Serve warm.
            transition
            description py:class
              signature #spam.Tin class spam.Tin(size=3)
              p A tin that holds *size* slices.
              description py:method
                signature #spam.Tin.open open(key, /, *tools)
                p Open the tin with *key*.
                fields
                  field Parameters
                    p **key** – the key to turn.
                  field Returns
                    p the lid.
                version Changed 1.3 removed=
                  p The *tools* argument was added.
              description py:method
                signature #spam.Tin.fry coroutine fry()
                signature #spam.Tin.sizzle coroutine sizzle(heat)
                p Fry the slices.
                version Deprecated 1.5 removed=2.0
                  p Use [`open()`](#spam.Tin.open) first.
            description py:function
              signature #spam.slice spam.slice(tin, count=1)
              p Cut *count* slices:
              literal[python3] doctest=False import spam\nspam.slice(tin)
                tokens kn:6 :1 nn:4 :1 n:4 o:1 n:5 p:1 n:3 p:1
            description py:exception
              signature #spam.Dented exception spam.Dented
              p Raised when a tin is dented.
            description py:data
              signature #spam.LIMIT spam.LIMIT
              p The most tins.
            section #cooking-spam Cooking spam
              p A statement cooks spam:
              grammar
                production cook_stmt ::= "cook" dish
                production (cont) ::= | "boil" dish
                production dish ::= "spam" | "eggs"
              table widths=
                head
                  cell 1x1
                    p Heat
                  cell 1x1
                    p Minutes
                row
                  cell 1x1
                    p low
                  cell 1x1
                    p 9
                row
                  cell 2x1
                    p never high
              bullets
                item
                  p open the tin
                item
                  p fry the slices
              enumerated start=3
                item
                  p third step
                item
                  p fourth step
              definitions glossary=False
                term # crisp
                  p fried long.
              lines
                line first line
                line second line
              quote
                p A quoted saying.
              anchor #spam-serving
              rubric Serving
              literal[] doctest=False plate  spam\n  then  serve
              section #leftovers Leftovers
                p Keep them cold. Press `Ctrl-C` to stop.
                image ../_images/tin.png alt=a tin
                  p The tin.
            section #terms Terms
              definitions glossary=True
                term #term-tin tin
                  p A closed can of spam.
                term #term-slice slice
                  p A cut of spam.
              rubric Footnotes
              footnote 1
                p Spam is not a vegetable.

        """;
}
