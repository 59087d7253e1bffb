using System.Globalization;
using System.Text;

namespace Help.Reliability.Tests;

/// <summary>
/// Seeded mutations of fixture inputs. <c>HELP_FUZZ_SEED</c> varies the seed (default fixed, so CI runs
/// are repeatable; a failure message names the seed and the case to replay), <c>HELP_FUZZ_COUNT</c> the
/// number of mutants per input; each run also stops at a time budget.
/// </summary>
internal static class Fuzz
{
    public const int DefaultSeed = 20260309;

    public static int Seed => int.TryParse(Environment.GetEnvironmentVariable("HELP_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) ? s : DefaultSeed;

    public static int Count => int.TryParse(Environment.GetEnvironmentVariable("HELP_FUZZ_COUNT"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var c) && c > 0 ? c : 60;

    public static readonly string[] Mutations =
        ["flip", "truncate", "duplicate", "delete", "tag-soup", "deep-nesting", "huge-attribute", "invalid-utf8", "splice-markup", "nul-bytes"];

    /// <summary>Mutant <paramref name="index"/> of <paramref name="input"/>: the same (seed, index) always gives the same bytes.</summary>
    public static (string Mutation, byte[] Bytes) Mutate(byte[] input, int seed, int index)
    {
        var random = new Random(HashCode.Combine(seed, index));
        var mutation = Mutations[index % Mutations.Length];
        var bytes = new List<byte>(input);
        var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
        switch (mutation)
        {
            case "flip":
                for (var i = 0; i < 1 + random.Next(16) && bytes.Count > 0; i++)
                {
                    var p = random.Next(bytes.Count);
                    bytes[p] ^= (byte)(1 << random.Next(8));
                }
                break;
            case "truncate":
                bytes.RemoveRange(at, bytes.Count - at);
                break;
            case "duplicate":
                var length = Math.Min(bytes.Count - at, 1 + random.Next(4096));
                var range = bytes.GetRange(at, length);
                for (var i = 0; i < 1 + random.Next(8); i++)
                {
                    bytes.InsertRange(random.Next(bytes.Count + 1), range);
                }
                break;
            case "delete":
                bytes.RemoveRange(at, Math.Min(bytes.Count - at, 1 + random.Next(2048)));
                break;
            case "tag-soup":
                bytes.InsertRange(at, Encoding.UTF8.GetBytes(Soup(random)));
                break;
            case "deep-nesting":
                var depth = 50 + random.Next(400);
                var (open, close) = Nest(random.Next(5));
                bytes.InsertRange(at, Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(open, depth)) + "deep" + string.Concat(Enumerable.Repeat(close, depth))));
                break;
            case "huge-attribute":
                bytes.InsertRange(at, Encoding.UTF8.GetBytes($"<span class=\"{new string('c', 50_000 + random.Next(150_000))}\" id=\"{new string('\u00e9', 5_000)}\">x</span>"));
                break;
            case "invalid-utf8":
                for (var i = 0; i < 1 + random.Next(20); i++)
                {
                    bytes.Insert(random.Next(bytes.Count + 1), (byte)(0x80 + random.Next(0x80)));
                }
                break;
            case "splice-markup":
                string[] pieces = ["\n.. py:function:: f(\n", "\n```python\n", "\n   :noindex:\n", "\n====\n", "\n---\nkey: [\n---\n", "\"\"\"", "'''", "\\", "\n.. ", "<!--", "]]>", "&#x110000;", "&#0;", "&nbsp", "\n| a | b\n|---\n"];
                for (var i = 0; i < 1 + random.Next(12); i++)
                {
                    bytes.InsertRange(random.Next(bytes.Count + 1), Encoding.UTF8.GetBytes(pieces[random.Next(pieces.Length)]));
                }
                break;
            case "nul-bytes":
                bytes.InsertRange(at, new byte[1 + random.Next(64)]);
                break;
        }
        return (mutation, bytes.ToArray());
    }

    private static (string Open, string Close) Nest(int kind) => kind switch
    {
        0 => ("<div>", "</div>"),
        1 => ("<dl class=\"py function\"><dd>", "</dd></dl>"),
        2 => ("> ", ""),
        3 => ("* ", ""),
        _ => ("[", "]"),
    };

    private static string Soup(Random random)
    {
        string[] tags = ["div", "section", "dl", "dt", "dd", "p", "pre", "table", "tr", "td", "ul", "li", "code", "span", "a", "h1", "h2", "em", "script", "style"];
        string[] classes = ["py function", "py class", "sig sig-object py", "highlight", "admonition note", "versionchanged", "body", "section", "toctree-wrapper"];
        var b = new StringBuilder();
        for (var i = 0; i < 5 + random.Next(60); i++)
        {
            var tag = tags[random.Next(tags.Length)];
            switch (random.Next(4))
            {
                case 0: b.Append($"<{tag} class=\"{classes[random.Next(classes.Length)]}\" id=\"x{i}\">"); break;
                case 1: b.Append($"</{tag}>"); break;
                case 2: b.Append($"<{tag}"); break;
                default: b.Append("text & <more> \"quoted\" ").Append((char)random.Next(0x20, 0x3000)); break;
            }
        }
        return b.ToString();
    }
}
