using System.Text;

namespace Help.Tests.Shared;

/// <summary>One case of a spec file: its name, its input (the first fenced block under its heading) and what is expected (the second).</summary>
public sealed record SpecCase(string Name, string InputLanguage, string Input, string Expected);

/// <summary>
/// Spec files of inputs and what a reader makes of them: a Markdown file of <c>## Name</c> headings, each followed by
/// a fenced input block (<c>```html</c>, <c>```rst</c>, <c>```markdown</c>) and a fenced expected block
/// (<c>```model</c>). With <c>HELP_UPDATE_SPECS=1</c> a test rewrites the expected blocks from what the code does
/// now, for a reviewer to read in the diff.
/// </summary>
public static class SpecFile
{
    private const string Fence = "```";

    public static IReadOnlyList<SpecCase> Read(string path)
    {
        var lines = File.ReadAllText(path).ReplaceLineEndings("\n").Split('\n');
        var cases = new List<SpecCase>();
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("## ", StringComparison.Ordinal))
            {
                continue;
            }
            var (language, input, next) = Block(lines, i + 1);
            var (_, expected, _) = next < 0 ? ("", "", -1) : Block(lines, next);
            if (next >= 0)
            {
                cases.Add(new SpecCase(lines[i][3..].Trim(), language, input, expected));
            }
        }
        return cases;
    }

    /// <summary>Writes <paramref name="expected"/>'s answer for each case into its expected block, keeping everything else.</summary>
    public static void Rewrite(string path, Func<SpecCase, string> expected)
    {
        var cases = Read(path).ToDictionary(c => c.Name);
        var lines = File.ReadAllText(path).ReplaceLineEndings("\n").Split('\n').ToList();
        var output = new StringBuilder();
        for (var i = 0; i < lines.Count; i++)
        {
            output.Append(lines[i]).Append('\n');
            if (!lines[i].StartsWith("## ", StringComparison.Ordinal) || !cases.TryGetValue(lines[i][3..].Trim(), out var specCase))
            {
                continue;
            }
            var (_, _, next) = Block(lines.ToArray(), i + 1);
            var close = lines.FindIndex(next + 1, l => l == Fence);
            for (var j = i + 1; j <= next; j++)
            {
                output.Append(lines[j]).Append('\n');
            }
            output.Append(expected(specCase));
            i = close - 1;
        }
        File.WriteAllText(path, output.ToString().TrimEnd('\n') + "\n");
    }

    /// <summary>The fenced block from line <paramref name="from"/> on: its language, its text and the line where the next fence opens (or -1).</summary>
    private static (string Language, string Text, int Next) Block(string[] lines, int from)
    {
        var open = Array.FindIndex(lines, from, l => l.StartsWith(Fence, StringComparison.Ordinal));
        var close = open < 0 ? -1 : Array.FindIndex(lines, open + 1, l => l == Fence);
        if (close < 0)
        {
            return ("", "", -1);
        }
        var nextHeading = Array.FindIndex(lines, close + 1, l => l.StartsWith("## ", StringComparison.Ordinal));
        var next = Array.FindIndex(lines, close + 1, l => l.StartsWith(Fence, StringComparison.Ordinal));
        if (nextHeading >= 0 && next > nextHeading)
        {
            next = -1;
        }
        var text = string.Join("\n", lines[(open + 1)..close]);
        return (lines[open][Fence.Length..].Trim(), text.Length == 0 ? "" : text + "\n", next);
    }
}
