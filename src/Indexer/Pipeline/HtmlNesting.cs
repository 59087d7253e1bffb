namespace Help.Indexer.Pipeline;

/// <summary>
/// A cheap estimate of how deep an HTML page nests, made before parsing. It counts start and end
/// tags in one pass, as the tokenizer sees them (HTML Living Standard 13.2.5, "Tokenization"),
/// without building anything. Void elements (13.1.2) and the elements whose end tags may be omitted
/// and which the tree builder closes by itself (<c>p</c>, <c>li</c>, <c>dt</c>, <c>dd</c>, table
/// rows and cells, 13.1.2.4 "Optional tags") are not counted, so the estimate stays below the real
/// depth of a well-formed page and catches pages built to be deep.
/// </summary>
public static class HtmlNesting
{
    private static readonly HashSet<string> NotNesting = new(StringComparer.OrdinalIgnoreCase)
    {
        // Void elements.
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
        // Closed by the tree builder when their end tag is left out.
        "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "colgroup", "rb", "rt", "rp",
    };

    /// <summary>True when the page's nesting reaches <paramref name="limit"/>.</summary>
    public static bool Exceeds(string html, int limit)
    {
        var depth = 0;
        var i = 0;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            var c = html[i + 1];
            if (c == '!')
            {
                // A comment or doctype: skip to its end.
                var end = html.AsSpan(i).StartsWith("<!--", StringComparison.Ordinal) ? html.IndexOf("-->", i + 4, StringComparison.Ordinal) : html.IndexOf('>', i);
                if (end < 0) break;
                i = end + 1;
                continue;
            }
            var closing = c == '/';
            var nameStart = closing ? i + 2 : i + 1;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && char.IsAsciiLetterOrDigit(html[nameEnd])) nameEnd++;
            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
            {
                i++;
                continue;
            }
            var name = html.AsSpan(nameStart, nameEnd - nameStart);
            var tagEnd = html.IndexOf('>', nameEnd);
            if (tagEnd < 0) break;
            if (closing)
            {
                if (!IsNotNesting(name) && depth > 0) depth--;
            }
            else if (IsRawText(name))
            {
                // script and style hold text, not tags (13.2.5.2 RAWTEXT, 13.2.5.4 script data).
                var close = html.IndexOf("</" + name.ToString(), tagEnd, StringComparison.OrdinalIgnoreCase);
                if (close < 0) break;
                i = close + 2;
                continue;
            }
            else if (!IsNotNesting(name) && html[tagEnd - 1] != '/' && ++depth >= limit)
            {
                return true;
            }
            i = tagEnd + 1;
        }
        return false;
    }

    private static bool IsNotNesting(ReadOnlySpan<char> name) =>
        NotNesting.GetAlternateLookup<ReadOnlySpan<char>>().Contains(name);

    private static bool IsRawText(ReadOnlySpan<char> name) =>
        name.Equals("script", StringComparison.OrdinalIgnoreCase) || name.Equals("style", StringComparison.OrdinalIgnoreCase);
}
