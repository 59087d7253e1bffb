using AngleSharp.Dom;
using Help.Core.Model;

namespace Help.Indexer.Sources.Sphinx;

/// <summary>
/// The tokens Pygments marked in a highlighted block of Sphinx's HTML (<c>&lt;span class="k"&gt;def&lt;/span&gt;</c>),
/// kept as <see cref="CodeRun"/>s so the viewer colours the code as the docs' authors saw it.
/// </summary>
internal static class SphinxHighlight
{
    /// <summary>
    /// The runs of <paramref name="pre"/>'s text up to <paramref name="length"/> characters (its text without the
    /// final line ends), each with the class of the innermost token span around it; empty when nothing is marked.
    /// </summary>
    public static IReadOnlyList<CodeRun> Runs(IElement pre, int length)
    {
        var runs = new List<CodeRun>();
        var marked = false;
        var at = 0;
        foreach (var text in pre.Descendants<IText>())
        {
            var piece = Math.Min(text.Data.Length, length - at);
            if (piece <= 0)
            {
                break;
            }
            var token = TokenOf(text, pre);
            marked |= token.Length > 0;
            if (runs.Count > 0 && runs[^1].Token == token)
            {
                runs[^1] = runs[^1] with { Length = runs[^1].Length + piece };
            }
            else
            {
                runs.Add(new CodeRun(token, piece));
            }
            at += piece;
        }
        return marked ? runs : [];
    }

    /// <summary>The token class of the span nearest around <paramref name="text"/> inside <paramref name="pre"/>, or "".</summary>
    private static string TokenOf(IText text, IElement pre)
    {
        for (var e = text.ParentElement; e is not null && !ReferenceEquals(e, pre); e = e.ParentElement)
        {
            if (e.LocalName == "span" && e.ClassList.Length == 1 && IsTokenClass(e.ClassList[0]))
            {
                return e.ClassList[0];
            }
        }
        return "";
    }

    /// <summary>Pygments' short classes: <c>k</c>, <c>nf</c>, <c>s2</c>, <c>gp</c> (at most three letters and digits).</summary>
    private static bool IsTokenClass(string name) =>
        name.Length is >= 1 and <= 3 && name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c));
}
