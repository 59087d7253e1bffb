using System.Text;
using Help.Core.Model;
using Help.Core.Search;

namespace Help.Cli.Commands;

/// <summary>
/// <c>pyhelp -k QUERY</c>: ranked results. Piped, one <c>key - summary</c> line each, as <c>pydoc -k</c>
/// prints them; on a terminal also the kind and a snippet with the matched words in bold.
/// </summary>
public static class SearchCommand
{
    private const string BoldOn = "\u001b[1m", BoldOff = "\u001b[0m";

    public static int Run(Help.Core.Query.HelpQuery query, CliOptions options, string text, Terminal terminal)
    {
        var kinds = options.Kind is { } k ? new[] { k } : null;
        // Piped, only keys and summaries are printed: no snippets, so no hit's body is rendered for one.
        var hits = query.Search(new SearchQuery(text, options.Limit, kinds, options.DocSet, Snippets: options.Json || terminal.OutIsTty));
        if (options.Json)
        {
            JsonOutput.Results(terminal.Out, text, hits);
        }
        else if (terminal.OutIsTty)
        {
            var output = new StringBuilder();
            foreach (var h in hits)
            {
                output.Append(terminal.Bold ? BoldOn + h.Key + BoldOff : h.Key)
                    .Append($" ({TopicKinds.Name(h.Kind)}, {h.DocSet})");
                // The snippet shows the words matched; the summary only when the snippet is not the summary itself.
                var snippet = string.IsNullOrEmpty(h.Snippet) ? null : Highlight(h, terminal.Bold);
                if (!string.IsNullOrEmpty(h.Summary) && h.Snippet != h.Summary)
                {
                    output.Append(" - ").Append(h.Summary);
                }
                output.Append('\n');
                if (snippet is not null)
                {
                    output.Append("    ").Append(snippet).Append('\n');
                }
            }
            terminal.Page(output.ToString(), options.NoPager);
        }
        else
        {
            foreach (var h in hits)
            {
                terminal.Out.WriteLine(Line(h));
            }
        }
        return hits.Count > 0 ? ExitCodes.Found : ExitCodes.NotFound;
    }

    /// <summary>A result as pydoc -k prints a module: <c>key - summary</c>.</summary>
    public static string Line(SearchHit hit) => string.IsNullOrEmpty(hit.Summary) ? hit.Key : $"{hit.Key} - {hit.Summary}";

    /// <summary>The snippet with its matched words in bold (or as they are, without bold).</summary>
    public static string Highlight(SearchHit hit, bool bold)
    {
        var snippet = hit.Snippet.ReplaceLineEndings(" ");
        if (!bold)
        {
            return snippet;
        }
        var text = new StringBuilder();
        var at = 0;
        foreach (var (start, length) in hit.Highlights.Where(h => h.Start >= 0 && h.Start + h.Length <= snippet.Length).OrderBy(h => h.Start))
        {
            if (start < at)
            {
                continue;
            }
            text.Append(snippet, at, start - at).Append(BoldOn).Append(snippet, start, length).Append(BoldOff);
            at = start + length;
        }
        return text.Append(snippet, at, snippet.Length - at).ToString();
    }
}
