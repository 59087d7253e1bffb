using System.Runtime.CompilerServices;
using Help.Core.Model;
using Help.Indexer.Pipeline;
using Help.Indexer.Tests.Seeds;
using Xunit;

namespace Help.Indexer.Tests.Config;

public sealed class SourcesConfigTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pyhelp-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Fixtures([CallerFilePath] string thisFile = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "Fixtures"));

    private string Config(string json)
    {
        var path = Path.Combine(_dir, "sources.json");
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void Load_PathsGlobsAndDocSets_ExpandedInOrderWithTheirDocSet()
    {
        var fixtures = Fixtures();
        var path = Config($$"""
            {
              // Comments and trailing commas are allowed.
              "sources": [
                { "path": "{{fixtures}}/Sphinx/sphinx*/library/spam.html", "docset": "Spam", "version": "2.7.18" },
                "{{fixtures}}/Markdown/**/*.md",
              ],
            }
            """);

        var config = SourcesConfig.Load(path);
        var specs = config.Expand();

        Assert.False(config.IncludeDefaults);
        Assert.Equal(
            ["Sphinx/sphinx3/library/spam.html", "Sphinx/sphinx4/library/spam.html", "Sphinx/sphinx8/library/spam.html",
             "Markdown/notes/kettle.md", "Markdown/notes/stove.md"],
            specs.Select(s => Path.GetRelativePath(fixtures, s.Path)).ToList());
        Assert.All(specs.Take(3), s => Assert.Equal(("spam-2.7", SourceFormat.SphinxHtmlPage), (s.DocSet!.Id, s.Format)));
        Assert.All(specs.Skip(3), s => Assert.Equal((null, SourceFormat.MarkdownTopic), (s.DocSet, s.Format)));
    }

    [Fact]
    public void Build_ConfiguredDocSet_TopicsGoIntoIt()
    {
        var path = Config($$"""{ "sources": [ { "path": "{{Fixtures()}}/Sphinx/sphinx4/library/spam.html", "docset": "Spam", "version": "2.7" } ] }""");

        using var index = BuiltIndex.Build(SourcesConfig.Load(path).Expand());

        Assert.Equal("spam-2.7", index.Find("spam", TopicKind.Module)!.DocSet);
    }

    [Fact]
    public void Build_PatternMatchingNothing_SkippedWithReason()
    {
        var path = Config($$"""{ "sources": [ "{{_dir}}/nowhere/*.html", "{{Fixtures()}}/Markdown/notes/stove.md" ] }""");

        using var index = BuiltIndex.Build(SourcesConfig.Load(path).Expand());

        Assert.True(index.Result.AnySkipped);
        Assert.Contains("matches nothing", Assert.Single(index.Diagnostics).Message);
        Assert.NotNull(index.Find("stove", TopicKind.Page));
    }

    [Theory]
    [InlineData("{ \"sources\": [\n  { \"path\": \"a\" },\n  { \"pth\": \"b\" }\n] }", "line 3: sources[1].pth: unknown field")]
    [InlineData("{ \"sources\": [\n  { \"path\": \"a\", \"version\": \"3.13\" }\n] }", "line 2: sources[0].version: a version needs a \"docset\" name")]
    [InlineData("{ \"sources\": [\n  { \"path\": \"\" }\n] }", "line 2: sources[0].path: missing or empty")]
    [InlineData("{ \"sources\": [\n  { \"path\": \"a\", \"docset\": \"x\", \"version\": \"three\" }\n] }", "line 2: sources[0].version: 'three' is not a version")]
    [InlineData("{ \"defaults\": \"yes\" }", "line 1: defaults: expected true or false")]
    [InlineData("{ \"sources\": [\n  { \"path\": \"a\" \n] }", "line 3: not valid JSON")]
    [InlineData("{ }", "sources: missing")]
    [InlineData("", "the file is empty")]
    public void Load_BadConfig_MessageNamesFileLineAndField(string json, string expected)
    {
        var path = Config(json);

        var e = Assert.Throws<SourcesConfigException>(() => SourcesConfig.Load(path));

        Assert.StartsWith($"{path}: ", e.Message);
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Locate_GivenFileMissing_ErrorNamesIt()
    {
        var missing = Path.Combine(_dir, "none.json");

        var e = Assert.Throws<SourcesConfigException>(() => SourcesConfig.Locate(missing));

        Assert.Equal($"{missing}: no such sources file (given by --config)", e.Message);
    }
}
