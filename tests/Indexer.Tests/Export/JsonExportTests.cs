using System.Text.Json;
using Help.Core.Model;
using Help.Tests.Shared;
using Xunit;

namespace Help.Indexer.Tests.Export;

public sealed class JsonExportTests(ExportFixture fixture) : IClassFixture<ExportFixture>
{
    private static readonly string SchemaPath = Path.Combine(Corpus.RepoRoot, "docs", "export-json.schema.json");

    private List<JsonElement> ExportLines()
    {
        var file = fixture.OutPath("topics.jsonl");
        var (code, _, _) = fixture.Export("--export", "json", "--out", file);
        Assert.Equal(0, code);
        return File.ReadAllLines(file).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
    }

    [Fact]
    public void ExportJson_FixtureIndex_OneObjectPerTopicInKeyOrderIgnoringCase()
    {
        var lines = ExportLines();

        using var source = fixture.Open();
        Assert.Equal(source.Table.TopicCount, lines.Count);
        var keys = lines.Select(l => l.GetProperty("key").GetString()!).ToList();
        Assert.Equal(keys.OrderBy(k => k.ToLowerInvariant(), StringComparer.Ordinal), keys);
        Assert.Contains("eggs.Basket.boil", keys);
        Assert.Contains("assert", keys);
    }

    [Fact]
    public void ExportJson_EveryLine_HasExactlyTheSchemasFieldsInOrder()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(SchemaPath));
        var required = schema.RootElement.GetProperty("required").EnumerateArray().Select(e => e.GetString()!).ToList();

        foreach (var line in ExportLines())
        {
            Assert.Equal(required, line.EnumerateObject().Select(p => p.Name));
        }
    }

    [Fact]
    public void ExportJson_MethodLine_TextAndFieldsAsPyhelpShowsThem()
    {
        var boil = ExportLines().Single(l => l.GetProperty("key").GetString() == "eggs.Basket.boil");

        Assert.Equal("method", boil.GetProperty("kind").GetString());
        Assert.Equal("eggs.Basket", boil.GetProperty("parent").GetString());
        Assert.Equal("library/eggs.html#eggs.Basket.boil", boil.GetProperty("source").GetString());
        Assert.Equal(fixture.RenderText("eggs.Basket.boil", TopicKind.Method), boil.GetProperty("text").GetString());
        Assert.Contains("id=\"eggs.Basket.boil\"", boil.GetProperty("html").GetString());
    }

    [Fact]
    public void ExportJson_PydocKeyword_CarriesItsRelatedTopics()
    {
        var del = ExportLines().Single(l => l.GetProperty("key").GetString() == "del" && l.GetProperty("kind").GetString() == "keyword");

        Assert.Equal(["BASICMETHODS"], del.GetProperty("related").EnumerateArray().Select(e => e.GetString()));
        Assert.EndsWith("Related help topics: BASICMETHODS\n", del.GetProperty("text").GetString());
    }
}
