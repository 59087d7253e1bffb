using System.IO.Compression;
using System.Text;
using Help.Indexer.Export;
using Help.Indexer.Sources.Inventory;
using Xunit;

namespace Help.Indexer.Tests.Export;

public sealed class InventoryExportTests(ExportFixture fixture) : IClassFixture<ExportFixture>
{
    private string Export()
    {
        var file = fixture.OutPath("objects.inv");
        var (code, _, stderr) = fixture.Export("--export", "inventory", "--out", file);
        Assert.True(code == 0, stderr);
        return file;
    }

    private static SphinxInventory Read(string file)
    {
        using var stream = File.OpenRead(file);
        return SphinxInventory.Read(stream, file);
    }

    [Fact]
    public void ExportInventory_ReadBack_HeaderNamesProjectAndVersion()
    {
        var inventory = Read(Export());

        Assert.Equal("Python", inventory.Project);
        Assert.Equal(fixture.DocSet["python-".Length..], inventory.Version);
    }

    [Theory]
    [InlineData("eggs", "py:module", 0, "library/eggs.html", "module-eggs")]
    [InlineData("eggs.Basket", "py:class", 1, "library/eggs.html", "eggs.Basket")]
    [InlineData("eggs.Basket.boil", "py:method", 1, "library/eggs.html", "eggs.Basket.boil")]
    [InlineData("eggs.ShellError", "py:exception", 1, "library/eggs.html", "eggs.ShellError")]
    [InlineData("eggs.MAX_EGGS", "py:data", 1, "library/eggs.html", "eggs.MAX_EGGS")]
    [InlineData("assert", "std:label", -1, "reference/statements.html", "assert")]
    [InlineData("yolk", "std:term", -1, "glossary.html", "term-yolk")]
    public void ExportInventory_ReadBack_ObjectsWhereTheIndexPutsThem(string name, string role, int priority, string page, string anchor)
    {
        var entry = Assert.Single(Read(Export()).Entries, e => e.Name == name && e.Role == role);

        Assert.Equal((priority, page, anchor), (entry.Priority, entry.Page, entry.Anchor));
    }

    [Fact]
    public void ExportInventory_Documents_NamedByPathWithoutSuffix()
    {
        var entries = Read(Export()).Entries.Where(e => e.Role == "std:doc").ToList();

        Assert.Contains(entries, e => e.Name == "library/eggs" && e.Page == "library/eggs.html" && e.Anchor is null);
    }

    [Fact]
    public void ExportInventory_Body_UsesSphinxsShorthandsAndNoPydocKeys()
    {
        var file = Export();
        using var stream = File.OpenRead(file);
        for (var i = 0; i < 4; i++)
        {
            while (stream.ReadByte() is not ('\n' or -1)) { }
        }
        using var body = new StreamReader(new ZLibStream(stream, CompressionMode.Decompress), Encoding.UTF8);
        var lines = body.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains("eggs.Basket.boil py:method 1 library/eggs.html#$ -", lines);
        Assert.Contains("eggs py:module 0 library/eggs.html#module-$ -", lines);
        Assert.DoesNotContain(lines, l => l.StartsWith("ASSERTION ", StringComparison.Ordinal) || l.StartsWith("~~ ", StringComparison.Ordinal));
    }

    [Fact]
    public void Format_NameWithSpacesAndTitle_ReadBackUnchanged()
    {
        var line = new InventoryLine("abstract base class", "std:term", -1, "glossary.html#term-abstract-base-class", "abstract base class");

        Assert.Equal("abstract base class std:term -1 glossary.html#term-abstract-base-class -\n", SphinxInventoryWriter.Format(line));
    }
}
