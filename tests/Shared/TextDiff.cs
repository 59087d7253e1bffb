using System.Text;

namespace Help.Tests.Shared;

/// <summary>Line-based comparison of two texts, as the parity tests report it.</summary>
internal static class TextDiff
{
    /// <summary>The text with trailing spaces cut from every line and surrounding blank lines dropped, ending in one newline.</summary>
    public static string Normalize(string text) =>
        string.Join("\n", text.Replace("\r\n", "\n").Trim('\n').Split('\n').Select(l => l.TrimEnd())).Trim('\n') + "\n";

    /// <summary>difflib's <c>SequenceMatcher.ratio</c> over lines, with the longest common subsequence as the matcher.</summary>
    public static double LineSimilarity(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        return 2.0 * Lcs(a, b) / (a.Length + b.Length);
    }

    private static int Lcs(string[] a, string[] b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }

    /// <summary>A plain line diff (LCS backtrace): <c>-</c> only in <paramref name="expected"/>, <c>+</c> only in <paramref name="actual"/>; equal lines are left out.</summary>
    public static string Diff(string expected, string actual)
    {
        var a = expected.Split('\n');
        var b = actual.Split('\n');
        var table = new int[a.Length + 1, b.Length + 1];
        for (var i = a.Length - 1; i >= 0; i--)
        {
            for (var j = b.Length - 1; j >= 0; j--)
            {
                table[i, j] = a[i] == b[j] ? table[i + 1, j + 1] + 1 : Math.Max(table[i + 1, j], table[i, j + 1]);
            }
        }
        var diff = new StringBuilder();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                x++;
                y++;
            }
            else if (y >= b.Length || (x < a.Length && table[x + 1, y] >= table[x, y + 1]))
            {
                diff.Append("- ").AppendLine(a[x++]);
            }
            else
            {
                diff.Append("+ ").AppendLine(b[y++]);
            }
        }
        return diff.ToString();
    }
}
