using System.Net;

namespace Help.Core.Rendering.Html;

/// <summary>Escaping for the HTML renderers: every text and attribute from the model goes through these.</summary>
internal static class HtmlText
{
    public static string Escape(string s) => WebUtility.HtmlEncode(s);

    public static string Attr(string s) => WebUtility.HtmlEncode(s);

    /// <summary><c> id="…"</c>, or nothing for no anchor.</summary>
    public static string Id(string? anchor) => anchor is null ? "" : $" id=\"{Attr(anchor)}\"";
}
