using Help.Core.Model;
using Help.Indexer.Pipeline;
using Help.Indexer.Sources.Markdown;
using Help.Indexer.Sources.Rest;
using Help.Indexer.Sources.Sphinx;
using Help.Tests.Shared;
using Xunit;

namespace Help.Indexer.Tests.Specs;

/// <summary>
/// Each importer over the small inputs of its spec file (SphinxHtmlImporterSpecs.md, RestImporterSpecs.md,
/// MarkdownImporterSpecs.md, in this folder): the topics it makes, dumped by <see cref="ModelDump"/>, must be the
/// expected block under the input, exactly. To approve a deliberate change, run with <c>HELP_UPDATE_SPECS=1</c> and
/// review the diff of the spec files.
/// </summary>
public sealed class ImporterSpecTests
{
    private static readonly DocSet DocSet = new("spec-1.0", "Spec", "1.0");

    private static string Folder => Path.Combine(Corpus.RepoRoot, "tests", "Indexer.Tests", "Specs");

    private static readonly string[] Files = ["SphinxHtmlImporterSpecs.md", "RestImporterSpecs.md", "MarkdownImporterSpecs.md"];

    public static TheoryData<string, string> Cases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var file in Files)
            {
                foreach (var specCase in SpecFile.Read(Path.Combine(Folder, file)))
                {
                    data.Add(file, specCase.Name);
                }
            }
            return data;
        }
    }

    /// <summary>What the importer of the input's language makes of it: its topics, then any problem it reported.</summary>
    private static string Import(SpecCase specCase)
    {
        var diagnostics = new Diagnostics();
        IReadOnlyList<Topic> topics = specCase.InputLanguage switch
        {
            "html" => new SphinxHtmlImporter().ImportPage("library/spec.html", specCase.Input, DocSet, null, diagnostics),
            "rst" => new RestImporter().ImportFile("library/spec.rst", specCase.Input, DocSet, null, diagnostics),
            "markdown" => MarkdownImporter.Import("notes/spec.md", "notes/spec.md", specCase.Input, DocSet.Id, diagnostics),
            _ => throw new InvalidDataException($"{specCase.Name}: no importer reads '{specCase.InputLanguage}'"),
        };
        var problems = diagnostics.Items.Select(d => $"! {d}\n");
        return ModelDump.Topics(topics) + string.Concat(problems);
    }

    private static readonly Lazy<bool> Rewrite = new(() =>
    {
        foreach (var file in Files)
        {
            SpecFile.Rewrite(Path.Combine(Folder, file), Import);
        }
        return true;
    });

    [Theory]
    [MemberData(nameof(Cases))]
    public void Import_SpecCase_MakesTheExpectedTopics(string file, string name)
    {
        if (Environment.GetEnvironmentVariable("HELP_UPDATE_SPECS") == "1")
        {
            _ = Rewrite.Value;
        }
        var specCase = SpecFile.Read(Path.Combine(Folder, file)).Single(c => c.Name == name);
        Assert.Equal(specCase.Expected, Import(specCase));
    }

    /// <summary>
    /// The two importers share one page model and one topic builder: a page read as its reST source and as the HTML
    /// Sphinx builds from it (the cases both spec files hold, by name) gives the same topics, but for the file read.
    /// </summary>
    [Fact]
    public void Import_PageAsRestAndAsItsHtml_SameTopics()
    {
        var fromHtml = SpecFile.Read(Path.Combine(Folder, "SphinxHtmlImporterSpecs.md")).ToDictionary(c => c.Name);
        var pairs = SpecFile.Read(Path.Combine(Folder, "RestImporterSpecs.md"))
            .Where(c => fromHtml.ContainsKey(c.Name))
            .Select(rest => (Source: rest, Page: fromHtml[rest.Name]))
            .ToList();
        Assert.True(pairs.Count >= 5, $"only {pairs.Count} cases are in both spec files");
        foreach (var (rest, html) in pairs)
        {
            var expected = Import(html).Replace("origin=library/spec.html", "origin=(file)", StringComparison.Ordinal);
            var actual = Import(rest).Replace("origin=library/spec.rst", "origin=(file)", StringComparison.Ordinal);
            Assert.True(expected == actual, $"{rest.Name}: the reST import differs from the HTML's\n--- html\n{expected}--- rst\n{actual}");
        }
    }
}
