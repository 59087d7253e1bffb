using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Help.Core.Model;

namespace Help.Cli.Tests.Relevance;

/// <summary>
/// A query set nobody here wrote: the Python FAQ (<c>faq/*.html</c>). Each question heading is a query; the objects
/// and sections its answer links to, outside the FAQ, are the answers judged right (by the FAQ's authors). The FAQ
/// pages themselves are left out of the results scored, since they would answer their own questions.
/// </summary>
public static class FaqQueries
{
    public const string Kind = "faq";

    /// <summary>Whether a page is one of the FAQ's (left out of the results scored).</summary>
    public static bool IsFaqPage(string page) => page.StartsWith("faq/", StringComparison.Ordinal);

    public static IReadOnlyList<JudgedQuery> From(string htmlRoot)
    {
        var queries = new List<JudgedQuery>();
        foreach (var path in Directory.GetFiles(Path.Combine(htmlRoot, "faq"), "*.html").Order(StringComparer.Ordinal))
        {
            var page = "faq/" + Path.GetFileName(path);
            using var document = new HtmlParser().ParseDocument(File.ReadAllText(path));
            foreach (var section in document.QuerySelectorAll("section"))
            {
                var heading = section.Children.FirstOrDefault(c => c.LocalName is "h2" or "h3" or "h4" or "h5");
                var question = heading is null ? "" : Text(heading);
                if (!question.EndsWith('?'))
                {
                    continue;
                }
                var answers = OwnLinks(section)
                    .Select(a => LinkTarget.Resolve(a.GetAttribute("href") ?? "", page))
                    .OfType<LinkTarget>()
                    .Where(t => !IsFaqPage(t.Page))
                    .Select(t => new Answer(t.Page, t.Anchor ?? ""))
                    .Distinct()
                    .ToList();
                if (answers.Count > 0)
                {
                    queries.Add(new JudgedQuery(Kind, question, answers));
                }
            }
        }
        return queries;
    }

    /// <summary>The heading's words, without its permalink sign.</summary>
    private static string Text(IElement heading) =>
        string.Join(' ', heading.ChildNodes.Where(n => n is not IElement { LocalName: "a" } a || !a.ClassList.Contains("headerlink"))
            .Select(n => n.TextContent).Where(t => t.Length > 0)).Replace('\u00b6', ' ').Trim().Replace("  ", " ");

    /// <summary>The internal links of a section's answer, not of the sections nested in it.</summary>
    private static IEnumerable<IElement> OwnLinks(IElement section) =>
        section.QuerySelectorAll("a.reference.internal").Where(a => a.Closest("section") == section);
}
