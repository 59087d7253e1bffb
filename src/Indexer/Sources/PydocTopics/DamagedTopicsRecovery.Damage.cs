using System.Text;

namespace Help.Indexer.Sources.PydocTopics;

/// <summary>
/// The captured text as the bytes it was made from, with holes where bad UTF-8 was replaced, and the anchors (each
/// text's title over its line of stars) the readings are cut between.
/// </summary>
internal sealed partial class DamagedTopicsRecovery
{
    /// <summary>What the capture made of some bytes: decoded with U+FFFD for bad UTF-8, line ends normalized, controls dropped.</summary>
    internal static int[] Damage(ReadOnlySpan<byte> bytes) => Items(Utf8Replacing.GetString(bytes), captureNewlines: true);

    /// <summary>The captured text as bytes again: each character's UTF-8, and <see cref="Hole"/> for U+FFFD.</summary>
    private static int[] Items(string text, bool captureNewlines = false)
    {
        if (captureNewlines)
        {
            text = text.Replace("\r\n", "\n").Replace('\r', '\n');
            var sb = new StringBuilder(text.Length);
            foreach (var c in text)
            {
                if (!Vanishes(c))
                {
                    sb.Append(c);
                }
            }
            text = sb.ToString();
        }
        var items = new List<int>(text.Length);
        Span<byte> buffer = stackalloc byte[4];
        foreach (var rune in text.EnumerateRunes())
        {
            if (rune == Rune.ReplacementChar)
            {
                items.Add(Hole);
                continue;
            }
            var n = rune.EncodeToUtf8(buffer);
            for (var k = 0; k < n; k++)
            {
                items.Add(buffer[k]);
            }
        }
        return items.ToArray();
    }

    /// <summary>
    /// Where texts start: a title line, then a line of '*' exactly as long as the title (in
    /// characters), which is how Sphinx's text writer marks each topic's own title.
    /// </summary>
    private static List<int> FindAnchors(int[] o)
    {
        var anchors = new List<int>();
        for (var i = 0; i + 1 < o.Length; i++)
        {
            if (o[i] != '\n' || o[i + 1] != '*')
            {
                continue;
            }
            var j = i + 1;
            while (j < o.Length && o[j] == '*')
            {
                j++;
            }
            if (j >= o.Length || o[j] != '\n')
            {
                continue;
            }
            var width = j - i - 1;
            var s = i;
            var chars = 0;
            while (chars < width && s > 0 && o[s - 1] != Hole && o[s - 1] >= 0x20)
            {
                s--;
                if ((o[s] & 0xC0) != 0x80)
                {
                    chars++;
                }
            }
            if (chars == width && o[s] is > 0x20 and < 0x7F)
            {
                anchors.Add(s);
            }
            i = j - 1;
        }
        return anchors;
    }
}
