using AngleSharp.Dom;

namespace Help.Indexer.Sources.Sphinx;

/// <summary>
/// Puts a description's text where it belongs when the docs write it after the description rather than in it: Django's
/// reference pages write <c>.. attribute:: fid</c> and then the explanation unindented, so the HTML has an empty
/// <c>dd</c> and the paragraphs after the <c>dl</c>. Moved into the <c>dd</c> before conversion, they become the
/// object's own text (its first sentence, its lookup), as a reader of the page takes them.
/// </summary>
/// <remarks>
/// Only an empty description followed at once by a paragraph, and not itself one of a run of empty descriptions: in a
/// list of constants documented by name alone (<c>token.INDENT</c> among others), the paragraph after the last one
/// speaks of them all. The text taken ends at the next description, section, heading or rule.
/// </remarks>
public static class SphinxTrailingText
{
    public static void Adopt(IElement body)
    {
        foreach (var dl in body.QuerySelectorAll("dl").Where(IsEmptyDescription).ToList())
        {
            if (dl.NextElementSibling is not { LocalName: "p" } || (dl.PreviousElementSibling is { } previous && IsEmptyDescription(previous)))
            {
                continue;
            }
            var dd = dl.Children.Last(c => c.LocalName == "dd");
            while (dl.NextSibling is { } next && !EndsText(next))
            {
                next.RemoveFromParent();
                dd.AppendChild(next);
            }
        }
    }

    /// <summary>An object description (<c>dl.py</c>, <c>dl.class</c>, ...) whose last <c>dd</c> holds nothing.</summary>
    private static bool IsEmptyDescription(IElement element) =>
        element.LocalName == "dl" && SphinxBlockConverter.DescriptionRole(element.Classes()) is not null
        && element.Children.LastOrDefault(c => c.LocalName == "dd") is { } dd && dd.TextContent.Trim().Length == 0 && dd.Children.Length == 0;

    private static bool EndsText(INode node) => node is IElement element
        && (element.LocalName is "section" or "hr" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6"
            || (element.LocalName == "dl" && SphinxBlockConverter.DescriptionRole(element.Classes()) is not null)
            || element.ClassList.Contains(SphinxSelectors.SectionClass)
            || (element.LocalName == "span" && element.Id is not null && element.ChildNodes.Length == 0));
}
