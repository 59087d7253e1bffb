using Xunit;
using System.Text.Json;
using Help.Indexer.Export;
using Help.Tests.Shared;

namespace Help.Indexer.Tests.Export;

public sealed class PythonStringLiteralTests
{
    [Theory]
    [InlineData("plain", "'plain'")]
    [InlineData("it's", @"'it\'s'")]
    [InlineData(@"C:\eggs", @"'C:\\eggs'")]
    [InlineData("a\nb\tc\r", @"'a\nb\tc\r'")]
    [InlineData("nul\0bell\a", @"'nul\x00bell\x07'")]
    [InlineData("café — “x”", "'café — “x”'")]
    [InlineData("line\u2028sep\ufeff", @"'line\u2028sep\ufeff'")]
    public void Quote_SpecialCharacters_EscapedAsPythonReprWould(string text, string expected) =>
        Assert.Equal(expected, PythonStringLiteral.Quote(text));

    [Fact]
    public void QuoteLines_MultilineText_OneLiteralPerLineWithIndent() =>
        Assert.Equal("'one\\n'\n    'two\\n'\n    'three'", PythonStringLiteral.QuoteLines("one\ntwo\nthree", "    "));

    [Fact]
    public void Quote_HostileTexts_PythonEvaluatesToTheSameText()
    {
        string[] texts =
        [
            "", "'''", "\"\"\"", "\\", "\\'", "end\\", "tab\tnew\nreturn\r", "\0\u0001\u001f\u007f\u0080\u009f",
            "\u2028\u2029\u0085\ufeff", "emoji \U0001F95A egg", "lone \ud800 surrogate", "{'a': 1}", "# not a comment",
        ];
        var source = "import json, sys\nvalues = [" + string.Join(", ", texts.Select(t => PythonStringLiteral.QuoteLines(t, "  "))) + "]\n"
            + "sys.stdout.write(json.dumps([[ord(c) for c in v] for v in values]))\n";
        // Compared as code points: a lone surrogate is a valid Python str, but not valid UTF-16 JSON for .NET.
        var evaluated = JsonSerializer.Deserialize<int[][]>(Python.Run(source))!;
        Assert.Equal(texts.Select(CodePoints), evaluated);
    }

    private static int[] CodePoints(string s)
    {
        var points = new List<int>();
        for (var i = 0; i < s.Length; i++)
        {
            points.Add(char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]) ? char.ConvertToUtf32(s[i], s[++i]) : s[i]);
        }
        return [.. points];
    }
}
