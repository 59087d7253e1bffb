using Help.Core.Model;
using static Help.Core.Rendering.Html.HtmlText;

namespace Help.Core.Rendering.Html;

/// <summary>Inline content as HTML: emphasis, code, links (only web, mail and relative targets), footnote references.</summary>
internal static class HtmlInlines
{
    public static void Write(HtmlRenderContext c, IReadOnlyList<Inline> inlines)
    {
        var o = c.Out;
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case TextRun t:
                    o.Append(Escape(t.Text));
                    break;
                case Emphasis e:
                    o.Append("<em>");
                    Write(c, e.Content);
                    o.Append("</em>");
                    break;
                case Strong s:
                    o.Append("<strong>");
                    Write(c, s.Content);
                    o.Append("</strong>");
                    break;
                case Code code:
                    o.Append("<code>").Append(Escape(code.Text)).Append("</code>");
                    break;
                case Link l when SafeHref(l.Target) is { } href:
                    if (!l.External && c.Address?.Invoke(c.Owner, l.Target!) is { } address)
                    {
                        href = address;
                    }
                    o.Append("<a href=\"").Append(Attr(href)).Append(l.External ? "\" class=\"external\">" : "\" class=\"internal\">");
                    Write(c, l.Content);
                    o.Append("</a>");
                    break;
                case Link l:
                    Write(c, l.Content);
                    break;
                case FootnoteRef f:
                    o.Append("<a class=\"footnote-reference\" href=\"#footnote-").Append(Attr(f.Label)).Append("\">[").Append(Escape(f.Label)).Append("]</a>");
                    break;
                case Script sc:
                    o.Append(sc.Superscript ? "<sup>" : "<sub>");
                    Write(c, sc.Content);
                    o.Append(sc.Superscript ? "</sup>" : "</sub>");
                    break;
                case LineBreak:
                    o.Append("<br>");
                    break;
            }
        }
    }

    /// <summary>Only web and relative links: a <c>javascript:</c> or <c>data:</c> target from a hostile page is dropped.</summary>
    private static string? SafeHref(string? target)
    {
        if (string.IsNullOrWhiteSpace(target)) return null;
        var colon = target.IndexOf(':');
        var slash = target.IndexOfAny(['/', '#', '?']);
        var hasScheme = colon > 0 && (slash < 0 || colon < slash);
        if (!hasScheme) return target;
        return target.StartsWith("http:", StringComparison.OrdinalIgnoreCase) || target.StartsWith("https:", StringComparison.OrdinalIgnoreCase)
            || target.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)
            ? target
            : null;
    }
}
