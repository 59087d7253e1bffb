using System.Xml.Linq;
using Xunit;

namespace Help.Indexer.Tests.Export;

public sealed class DocsetExportTests(ExportFixture fixture) : IClassFixture<ExportFixture>
{
    private string Export()
    {
        var bundle = fixture.OutPath("Eggs.docset");
        var (code, stdout, stderr) = fixture.Export("--export", "docset", "--out", bundle);
        Assert.True(code == 0, stderr);
        Assert.Equal(bundle, stdout.Trim());
        return bundle;
    }

    [Fact]
    public void ExportDocset_InfoPlist_NamesTheBundleAndItsIndexPage()
    {
        var bundle = Export();

        var dict = XDocument.Load(Path.Combine(bundle, "Contents", "Info.plist")).Root!.Element("dict")!.Elements().ToList();
        string? Value(string key) => dict.SkipWhile(e => e.Value != key).Skip(1).FirstOrDefault() is { } v
            ? (v.Name.LocalName is "true" or "false" ? v.Name.LocalName : v.Value) : null;
        Assert.Equal(fixture.DocSet, Value("CFBundleIdentifier"));
        Assert.StartsWith("Python", Value("CFBundleName"));
        Assert.Equal("python", Value("DocSetPlatformFamily"));
        Assert.Equal("true", Value("isDashDocset"));
        Assert.Equal("index.html", Value("dashIndexFilePath"));
        Assert.True(File.Exists(Path.Combine(DocsetChecks.Resources(bundle), "Documents", "index.html")));
    }

    [Fact]
    public void ExportDocset_Index_HasDashsTableAndUniqueIndex()
    {
        var schema = DocsetChecks.Schema(Export());

        Assert.Equal("CREATE TABLE searchIndex(id INTEGER PRIMARY KEY, name TEXT, type TEXT, path TEXT)", schema["searchIndex"]);
        Assert.Equal("CREATE UNIQUE INDEX anchor ON searchIndex (name, type, path)", schema["anchor"]);
    }

    [Theory]
    [InlineData("eggs", "Module", "library/eggs.html#module-eggs")]
    [InlineData("eggs.Basket", "Class", "library/eggs.html#eggs.Basket")]
    [InlineData("eggs.Basket.boil", "Method", "library/eggs.html#eggs.Basket.boil")]
    [InlineData("eggs.scramble", "Function", "library/eggs.html#eggs.scramble")]
    [InlineData("eggs.ShellError", "Exception", "library/eggs.html#eggs.ShellError")]
    [InlineData("eggs.MAX_EGGS", "Constant", "library/eggs.html#eggs.MAX_EGGS")]
    [InlineData("assert", "Keyword", "reference/statements.html#assert")]
    [InlineData("ASSERTION", "Guide", "reference/statements.html#assert")]
    [InlineData("~~", "Operator", "reference/statements.html#assert")]
    [InlineData("The pass statement", "Section", "reference/statements.html#pass")]
    [InlineData("yolk", "Word", "glossary.html#term-yolk")]
    public void ExportDocset_Entries_TypedAsDashTypesWithTheirAnchors(string name, string type, string path)
    {
        var entries = DocsetChecks.Entries(Export());

        Assert.Contains(new DocsetChecks.Entry(name, type, path), entries);
    }

    [Fact]
    public void ExportDocset_EveryEntry_ResolvesToAPageAndAnAnchorOnIt()
    {
        var bundle = Export();
        var entries = DocsetChecks.Entries(bundle);
        var cache = new Dictionary<string, HashSet<string>>();

        Assert.True(entries.Count >= 12, $"only {entries.Count} entries");
        Assert.Empty(entries.Select(e => DocsetChecks.Problem(bundle, e, cache)).OfType<string>());
    }

    [Fact]
    public void ExportDocset_Pages_CleanedWithStylesheetAndNoScripts()
    {
        var documents = Path.Combine(DocsetChecks.Resources(Export()), "Documents");

        var page = File.ReadAllText(Path.Combine(documents, "library", "eggs.html"));
        Assert.Contains("<link rel=\"stylesheet\" href=\"../_static/pyhelp.css\">", page);
        Assert.True(File.Exists(Path.Combine(documents, "_static", "pyhelp.css")));
        Assert.Contains("Boil every egg", page);
        Assert.DoesNotContain("Navigation chrome", page);
        Assert.DoesNotContain("¶", page);
        Assert.DoesNotContain(Directory.EnumerateFiles(documents, "*.*", SearchOption.AllDirectories),
            f => File.ReadAllText(f).Contains("<script", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void ExportDocset_GlossaryTermsStoredApart_ShownOncePerPage()
    {
        var glossary = File.ReadAllText(Path.Combine(DocsetChecks.Resources(Export()), "Documents", "glossary.html"));

        Assert.Equal(1, glossary.Split("id=\"term-yolk\"").Length - 1);
    }
}
