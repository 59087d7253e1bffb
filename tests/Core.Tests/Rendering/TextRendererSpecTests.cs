using System.Text;
using Help.Core.Rendering.Text;
using Help.Tests.Shared;
using Xunit;

namespace Help.Core.Tests.Rendering;

/// <summary>
/// Examples as data, in the manner of Markdig's spec files: each case's model is built in
/// <see cref="TextRendererSpecCases"/>, its expected text is the fenced block under the heading of
/// the same name in TextRendererSpecs.md. Compared exactly. To approve a deliberate change, run with
/// <c>HELP_UPDATE_SPECS=1</c>, which rewrites the expected blocks, and review the diff.
/// </summary>
public class TextRendererSpecTests
{
    private const string Fence = "```";

    private static string SpecPath => Path.Combine(Corpus.RepoRoot, "tests", "Core.Tests", "Rendering", "TextRendererSpecs.md");

    private static bool Updating => Environment.GetEnvironmentVariable("HELP_UPDATE_SPECS") == "1";

    public static TheoryData<string> CaseNames => [.. TextRendererSpecCases.All.Keys];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public void Render_SpecCase_MatchesExpectedText(string name)
    {
        var specCase = TextRendererSpecCases.All[name];
        var actual = TextRenderer.Default.RenderBlocks(specCase.Blocks, specCase.Options, specCase.Resolver);
        if (Updating)
        {
            _ = Rewrite.Value;
        }

        var specs = ReadSpecs(File.ReadAllText(SpecPath));
        Assert.True(specs.TryGetValue(name, out var expected), $"TextRendererSpecs.md has no section '## {name}'");
        Assert.True(expected == actual,
            $"Spec {name}\n--- Source ---\n{string.Join("\n", specCase.Blocks)}\n--- Result ---\n{Show(actual)}\n--- Expected ---\n{Show(expected)}");
    }

    [Fact]
    public void Specs_EverySection_HasACase()
    {
        var specs = ReadSpecs(File.ReadAllText(SpecPath));
        var orphans = specs.Keys.Where(k => !TextRendererSpecCases.All.ContainsKey(k)).ToList();
        Assert.True(orphans.Count == 0, "Sections without a case: " + string.Join(", ", orphans));
    }

    /// <summary>Makes line ends and trailing spaces visible in a failure message.</summary>
    private static string Show(string text) => text.Replace(" \n", "·\n", StringComparison.Ordinal).Replace("\n", "⏎\n", StringComparison.Ordinal);

    /// <summary>Each <c>## name</c> heading and the <c>```text</c> block after it; the block's text ends with one line end.</summary>
    internal static Dictionary<string, string> ReadSpecs(string markdown)
    {
        var specs = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = markdown.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("## ", StringComparison.Ordinal))
            {
                continue;
            }
            var name = lines[i][3..].Trim();
            var open = Array.FindIndex(lines, i + 1, l => l.StartsWith(Fence, StringComparison.Ordinal));
            var close = open < 0 ? -1 : Array.FindIndex(lines, open + 1, l => l == Fence);
            if (close < 0)
            {
                continue;
            }
            var body = string.Join("\n", lines[(open + 1)..close]);
            specs[name] = body.Length == 0 ? "" : body + "\n";
        }
        return specs;
    }

    /// <summary>
    /// Rewrites every expected block, in the order of the cases, keeping the introduction above the
    /// first heading; done once per test run however many cases ask for it.
    /// </summary>
    private static readonly Lazy<bool> Rewrite = new(() =>
    {
        RewriteSpecs(SpecPath, "text", TextRendererSpecCases.All.Keys,
            name => TextRenderer.Default.RenderBlocks(TextRendererSpecCases.All[name].Blocks, TextRendererSpecCases.All[name].Options,
                TextRendererSpecCases.All[name].Resolver));
        return true;
    });

    /// <summary>Rewrites the expected block of every case in <paramref name="path"/>, keeping its introduction.</summary>
    internal static void RewriteSpecs(string path, string language, IEnumerable<string> names, Func<string, string> render)
    {
        var text = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
        var headings = text.IndexOf("\n## ", StringComparison.Ordinal);
        var output = new StringBuilder((headings < 0 ? text : text[..headings]).TrimEnd('\n'));
        output.Append('\n');
        foreach (var name in names)
        {
            output.Append($"\n## {name}\n\n{Fence}{language}\n{render(name)}{Fence}\n");
        }
        File.WriteAllText(path, output.ToString());
    }
}
