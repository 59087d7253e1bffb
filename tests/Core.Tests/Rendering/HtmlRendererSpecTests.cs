using Help.Core.Model;
using Help.Core.Rendering.Html;
using Help.Tests.Shared;
using Xunit;

namespace Help.Core.Tests.Rendering;

/// <summary>
/// The HTML renderer over the same hand-built models as the text specs (<see cref="TextRendererSpecCases"/>): the
/// expected fragment of each is the fenced block under its name in HtmlRendererSpecs.md, compared exactly. To approve
/// a deliberate change, run with <c>HELP_UPDATE_SPECS=1</c> and review the diff of that file.
/// </summary>
public class HtmlRendererSpecTests
{
    private static string SpecPath => Path.Combine(Corpus.RepoRoot, "tests", "Core.Tests", "Rendering", "HtmlRendererSpecs.md");

    public static TheoryData<string> CaseNames => [.. TextRendererSpecCases.All.Keys];

    private static string Render(string name)
    {
        var specCase = TextRendererSpecCases.All[name];
        var topic = new Topic { Key = "spec", Kind = TopicKind.Page, DocSet = "spec", Title = name, Body = specCase.Blocks };
        return HtmlRenderer.Default.Render(topic, specCase.Resolver) + "\n";
    }

    private static readonly Lazy<bool> Rewrite = new(() =>
    {
        TextRendererSpecTests.RewriteSpecs(SpecPath, "html", TextRendererSpecCases.All.Keys, Render);
        return true;
    });

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Render_SpecCase_MatchesExpectedHtml(string name)
    {
        if (Environment.GetEnvironmentVariable("HELP_UPDATE_SPECS") == "1")
        {
            _ = Rewrite.Value;
        }
        var specs = TextRendererSpecTests.ReadSpecs(File.ReadAllText(SpecPath));
        Assert.True(specs.TryGetValue(name, out var expected), $"HtmlRendererSpecs.md has no section '## {name}'");
        Assert.Equal(expected, Render(name));
    }
}
