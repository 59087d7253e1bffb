using AngleSharp.Dom;
using Help.Core.Model;

namespace Help.Indexer.Sources.Sphinx;

/// <summary>
/// Reads Sphinx <c>productionlist</c> output. Sphinx's HTML writer (<c>visit_productionlist</c>) writes
/// one <c>pre</c>: each rule as <c>&lt;strong id="grammar-token-…"&gt;name&lt;/strong&gt; ::= definition</c>,
/// each continuation line indented under the definition. Python's newer <c>grammar-snippet</c>
/// writes <c>name: definition</c> in the same way. Other versions used <c>dl.productionlist</c> with
/// the name in <c>dt</c> and the definition in <c>dd</c>.
/// </summary>
internal static class SphinxGrammar
{
    public static bool IsGrammar(IElement pre) =>
        pre.HasClass(SphinxSelectors.ProductionList)
        || pre.QuerySelector($"strong[id^='{SphinxSelectors.GrammarTokenIdPrefix}']") is not null;

    public static Grammar FromPre(IElement pre)
    {
        var names = pre.QuerySelectorAll($"strong[id^='{SphinxSelectors.GrammarTokenIdPrefix}']")
            .Select(s => s.TextContent.Trim())
            .ToHashSet(StringComparer.Ordinal);
        var productions = new List<Production>();
        var text = pre.TextContent;
        // Sphinx's productionlist pads every name to the longest, then " ::= " and the production's text
        // (which starts with the space after the source's colon); a continuation line gets the padded
        // name's width in spaces and five more. What a continuation has beyond that, past its own first
        // space, is the source's own indentation, which the text writer keeps.
        var continuationIndent = text.Contains("::=", StringComparison.Ordinal) && names.Count > 0
            ? names.Max(n => n.Length) + 6
            : int.MaxValue;
        foreach (var rawLine in text.Split('\n'))
        {
            var line = rawLine.TrimEnd();
            if (line.Trim().Length == 0)
            {
                continue;
            }
            var trimmed = line.TrimStart();
            var extra = Math.Max(0, line.Length - trimmed.Length - continuationIndent);
            productions.Add(Named(line, names) ?? new Production(null, new string(' ', extra) + trimmed));
        }
        return new Grammar(productions);
    }

    /// <summary>A line that starts with a production's name followed by <c>::=</c> or <c>:</c>.</summary>
    private static Production? Named(string line, HashSet<string> names)
    {
        var trimmed = line.TrimStart();
        foreach (var separator in (ReadOnlySpan<string>)["::=", ":"])
        {
            var at = trimmed.IndexOf(separator, StringComparison.Ordinal);
            if (at <= 0)
            {
                continue;
            }
            var name = trimmed[..at].TrimEnd();
            if (names.Contains(name))
            {
                return new Production(name, trimmed[(at + separator.Length)..].Trim());
            }
        }
        return null;
    }

    public static Grammar FromDl(IElement dl)
    {
        var productions = new List<Production>();
        string? name = null;
        foreach (var child in dl.Children)
        {
            if (child.LocalName == "dt")
            {
                name = SphinxInlines.CollapseWhiteSpace(child.TextContent).Trim();
            }
            else if (child.LocalName == "dd")
            {
                var definition = SphinxInlines.CollapseWhiteSpace(child.TextContent).Trim();
                if (definition.StartsWith("::=", StringComparison.Ordinal))
                {
                    definition = definition[3..].TrimStart();
                }
                productions.Add(new Production(string.IsNullOrEmpty(name) ? null : name, definition));
                name = null;
            }
        }
        return new Grammar(productions);
    }
}
