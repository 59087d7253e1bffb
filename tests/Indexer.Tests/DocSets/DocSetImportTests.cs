using Help.Core.Index;
using Help.Core.Query;
using Help.Core.Rendering.Text;
using Help.Indexer.Pipeline;
using Help.Tests.Shared;
using Xunit;

namespace Help.Indexer.Tests.DocSets;

/// <summary>
/// What libraries' Sphinx trees do that the standard library's does not, each answered as a reader expects: names an
/// inventory gives that the markup does not, modules documented in a section of a larger page, moved pages' stubs,
/// Django's text after an empty description.
/// </summary>
public sealed class DocSetImportTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("pyhelp-docsets-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private (HelpQuery Query, BuildResult Build, HelpIndex Index) Built(string tree)
    {
        var build = new IndexBuild().Run(new IndexFolder(Path.Combine(_root, "index")), [tree], defaultSources: false);
        var index = HelpIndex.Open(build.Generation);
        return (new HelpQuery(index), build, index);
    }

    private static string Text(HelpQuery query, string key) =>
        query.Lookup(key) is { Topic: { } topic } ? query.RenderText(topic, new TextRenderOptions()) : $"(not found: {key})";

    [Fact]
    public void Lookup_CanonicalInventoryName_AnswersWithTheDocumentedObject()
    {
        // Sphinx's :canonical: records where an object is defined as a hidden (-1) entry at the same place.
        var tree = DocTree.Write(Path.Combine(_root, "docs"), "Kettles", "2.1", new Dictionary<string, string>
        {
            ["api.html"] = DocTree.Description("class", "kettles.Kettle", "class kettles.Kettle", "<p>Boils water quickly.</p>"),
        }, "kettles.Kettle py:class 1 api.html#$ -", "kettles.models.Kettle py:class -1 api.html#kettles.Kettle -");

        var (query, _, index) = Built(tree);
        using (index)
        {
            var found = query.Lookup("kettles.models.Kettle");
            Assert.Equal("kettles.Kettle", found.Topic?.Key);
            Assert.Contains("Boils water quickly.", Text(query, "kettles.models.Kettle"));
        }
    }

    [Fact]
    public void Lookup_ModuleInASectionOfALargerPage_PrintsThatSectionOnly()
    {
        var tree = DocTree.Write(Path.Combine(_root, "docs"), "Kettles", "2.1", new Dictionary<string, string>
        {
            ["api.html"] = """
                <section id="api-reference"><h1>API Reference</h1><p>Everything about kettles.</p>
                <section id="module-kettles.boil"><h2>kettles.boil — Boiling</h2><p>Boils water in the kettle.</p></section>
                <section id="module-kettles.pour"><h2>kettles.pour — Pouring</h2><p>Pours water out of the spout.</p></section>
                </section>
                """,
        }, "kettles.boil py:module 0 api.html#module-$ -", "kettles.pour py:module 0 api.html#module-$ -");

        var (query, _, index) = Built(tree);
        using (index)
        {
            var text = Text(query, "kettles.boil");
            Assert.Contains("Boils water in the kettle.", text);
            Assert.DoesNotContain("Pours water", text);
            Assert.DoesNotContain("Everything about kettles", text);
        }
    }

    [Fact]
    public void Build_MovedPageStub_IsAnotherNameOfItsTarget_NoWarning()
    {
        var tree = DocTree.Write(Path.Combine(_root, "docs"), "Kettles", "2.1", new Dictionary<string, string>
        {
            ["guide/descaling.html"] = "<section id=\"descaling\"><h1>Descaling</h1><p>Vinegar removes lime.</p></section>",
            // As pandas ships them: no doctype, an unclosed html element.
            ["descaling.html"] = """<html><head><meta http-equiv="refresh" content="0;URL=guide/descaling.html"/></head><body><p>Moved to <a href="guide/descaling.html">Descaling</a></p></body><html>""",
        });

        var (query, build, index) = Built(tree);
        using (index)
        {
            Assert.Equal("guide/descaling", query.Lookup("descaling").Topic?.Key);
            Assert.DoesNotContain(build.Diagnostics, d => d.Path == Path.Combine(tree, "descaling.html"));
        }
    }

    [Fact]
    public void Lookup_InventoryNameThatIsNoDottedName_IsAKey()
    {
        // Jinja documents its filters as py:function entries named jinja-filters.NAME.
        var tree = DocTree.Write(Path.Combine(_root, "docs"), "Kettles", "2.1", new Dictionary<string, string>
        {
            ["templates.html"] = DocTree.Description("function", "kettle-filters.warm", "warm(value)", "<p>Warms a value up.</p>"),
        }, "kettle-filters.warm py:function 1 templates.html#$ -");

        var (query, _, index) = Built(tree);
        using (index)
        {
            Assert.Contains("Warms a value up.", Text(query, "kettle-filters.warm"));
        }
    }

    [Fact]
    public void Lookup_InventoryEntryWithoutATopicOfItsOwn_LandsInTheTopicHoldingItsAnchor()
    {
        // SQLAlchemy names each parameter (py:parameter) at a target inside its function's description.
        var tree = DocTree.Write(Path.Combine(_root, "docs"), "Kettles", "2.1", new Dictionary<string, string>
        {
            ["api.html"] = DocTree.Description("function", "kettles.boil", "kettles.boil(water)",
                "<p>Boils the water.</p><dl class=\"field-list\"><dt>Parameters</dt><dd><p><span class=\"target\" id=\"kettles.boil.params.water\"></span><strong>water</strong> – how much.</p></dd></dl>"),
        }, "kettles.boil py:function 1 api.html#$ -", "kettles.boil.params.water py:parameter 0 api.html#$ -");

        var (query, _, index) = Built(tree);
        using (index)
        {
            Assert.Equal("kettles.boil", query.Lookup("kettles.boil.params.water").Topic?.Key);
        }
    }

    [Fact]
    public void Lookup_EmptyDescriptionFollowedByItsText_TheTextIsTheObjects()
    {
        // Django writes ".. attribute:: fid" and the explanation unindented after it.
        var tree = DocTree.Write(Path.Combine(_root, "docs"), "Kettles", "2.1", new Dictionary<string, string>
        {
            ["api.html"] = """
                <section id="api"><h1>API</h1>
                <dl class="py attribute"><dt class="sig sig-object py" id="kettles.Kettle.volume"><span class="sig-name descname"><span class="pre">volume</span></span></dt><dd></dd></dl>
                <p>How much water the kettle holds, in litres.</p>
                <dl class="py attribute"><dt class="sig sig-object py" id="kettles.Kettle.colour"><span class="sig-name descname"><span class="pre">colour</span></span></dt><dd><p>Its colour.</p></dd></dl>
                </section>
                """,
        }, "kettles.Kettle.volume py:attribute 1 api.html#$ -", "kettles.Kettle.colour py:attribute 1 api.html#$ -");

        var (query, _, index) = Built(tree);
        using (index)
        {
            var volume = query.Lookup("kettles.Kettle.volume").Topic!;
            Assert.Equal("How much water the kettle holds, in litres.", query.Summary(volume));
            Assert.DoesNotContain("Its colour", Text(query, "kettles.Kettle.volume"));
        }
    }

    [Fact]
    public void DocSet_InventoryWithoutVersionInADebianPackage_NamedAfterThePackage()
    {
        // python-setuptools-doc's build says "Project: Python" and no version anywhere.
        var tree = DocTree.Write(Path.Combine(_root, "python-kettles-doc", "html"), "Python", "", new Dictionary<string, string>
        {
            ["index.html"] = "<section id=\"kettles\"><h1>Kettles</h1><p>About kettles.</p></section>",
        });

        var (query, _, index) = Built(tree);
        using (index)
        {
            Assert.Equal("kettles", query.Lookup("index").Topic?.DocSet);
        }
    }
}
