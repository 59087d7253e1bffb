using System.Text;
using System.Text.RegularExpressions;

namespace Help.Indexer.Sources.Rest;

/// <summary>
/// docutils' SmartQuotes transform, which Sphinx runs on every text element with the action "qDe":
/// straight quotes become curly ones, <c>--</c> an en dash, <c>---</c> an em dash, <c>...</c> an ellipsis.
/// The HTML a reST page becomes went through it, so the reST import must too, or its text would differ.
/// </summary>
/// <remarks>
/// A port of <c>docutils/utils/smartquotes.py</c> (<c>educate_tokens</c>, <c>educateQuotes</c>,
/// <c>educateDashesOldSchool</c>, <c>educateEllipses</c>) for English. Literal text is not educated,
/// but its last character is the context of the next plain token, as in <c>educate_tokens</c>.
/// </remarks>
internal static partial class SmartQuotes
{
    private const string Punct = """[!"#\$%'()*+,\-./:;<=>?@\[\\\]\^_`{|}~]""";

    /// <summary>Educates one plain token, given the last character of the token before it (or none).</summary>
    public static string Educate(string text, char? previous)
    {
        if (text.Length == 0 || text.AsSpan().IndexOfAny("'\".-") < 0)
        {
            return text;
        }
        var withContext = previous is { } p ? p + text : text;
        var educated = EducateQuotes(withContext);
        if (previous is not null)
        {
            educated = educated[1..];
        }
        educated = educated.Replace("---", "\u2014").Replace("--", "\u2013");
        return educated.Replace("...", "\u2026").Replace(". . .", "\u2026");
    }

    private static string EducateQuotes(string text)
    {
        text = FirstSingle().Replace(text, "\u2019");
        text = FirstDouble().Replace(text, "\u201D");
        text = DoubleSingle().Replace(text, "\u201C\u2018");
        text = SingleDouble().Replace(text, "\u2018\u201C");
        text = Decade().Replace(text, "\u2019");
        text = OpeningSingle().Replace(text, "$1\u2018");
        text = Apostrophe().Replace(text, "\u2019");
        text = ClosingSingle().Replace(text, "\u2019");
        text = text.Replace('\'', '\u2018');
        text = OpeningDouble().Replace(text, "$1\u201C");
        text = ClosingDouble().Replace(text, "\u201D");
        return text.Replace('"', '\u201C');
    }

    [GeneratedRegex("^'(?=" + Punct + @"\B)")]
    private static partial Regex FirstSingle();

    [GeneratedRegex("^\"(?=" + Punct + @"\B)")]
    private static partial Regex FirstDouble();

    [GeneratedRegex(@"""'(?=\w)")]
    private static partial Regex DoubleSingle();

    [GeneratedRegex(@"'""(?=\w)")]
    private static partial Regex SingleDouble();

    [GeneratedRegex(@"'(?=\d{2}s)")]
    private static partial Regex Decade();

    [GeneratedRegex(@"(\s|[(\[{]|[\u2013\u2014]|--)'(?=\w|" + Punct + ")")]
    private static partial Regex OpeningSingle();

    [GeneratedRegex(@"(?<=\w)'(?=\w)")]
    private static partial Regex Apostrophe();

    [GeneratedRegex(@"(?<!\s)'")]
    private static partial Regex ClosingSingle();

    [GeneratedRegex(@"(\s|[(\[{]|[\u2013\u2014]|--)""(?=\w|" + Punct + ")")]
    private static partial Regex OpeningDouble();

    [GeneratedRegex(@"(?<!\s)""|""(?=\s)")]
    private static partial Regex ClosingDouble();
}
