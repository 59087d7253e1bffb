using System.Net;
using System.Text;

namespace Help.Server.Pages;

/// <summary>
/// The frame of every viewer page: a compact header (home, doc set switcher, search, theme, shortcuts), the doc set's
/// sidebar and the page's table of contents around the content, and one stylesheet and two scripts of our own.
/// </summary>
internal static class Layout
{
    public static string Encode(string? s) => WebUtility.HtmlEncode(s ?? "");

    /// <summary>What surrounds a page's content: the doc set it belongs to, its sidebar, its contents, its own address.</summary>
    public sealed record Frame(
        string? DocSet = null,
        IReadOnlyList<string>? DocSets = null,
        string? NavAddress = null,
        string? Contents = null,
        string? Address = null,
        string? PageAddress = null);

    /// <summary>A whole page around <paramref name="main"/>, which must already be HTML; <paramref name="title"/> and <paramref name="query"/> are text.</summary>
    public static string Page(string title, string main, string query = "", string? generation = null, Frame? frame = null)
    {
        frame ??= new Frame();
        var sb = new StringBuilder(main.Length + 4096);
        sb.Append("""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <title>
            """).Append(Encode(title)).Append("""
             — pyhelp</title>
            <link rel="icon" href="data:,">
            <link rel="stylesheet" href="/assets/app.css">
            <script src="/assets/theme.js"></script>
            <script src="/assets/app.js" defer></script>
            </head>
            <body>
            <a class="skip" href="#main">Skip to content</a>
            <header class="bar">
            """);
        if (frame.NavAddress is not null)
        {
            sb.Append("<button type=\"button\" class=\"icon nav-toggle\" aria-controls=\"sidebar\" aria-expanded=\"false\" title=\"Contents\">☰<span class=\"sr\">Show the contents</span></button>");
        }
        sb.Append("<a class=\"brand\" href=\"/\">pyhelp</a>");
        if (frame.DocSets is { Count: > 0 } docSets)
        {
            sb.Append("<select id=\"docset\" class=\"docset\" aria-label=\"Doc set\"><option value=\"\"")
                .Append(frame.DocSet is null ? " selected" : "").Append(">All doc sets</option>");
            foreach (var d in docSets)
            {
                sb.Append("<option value=\"").Append(Encode(d)).Append('"').Append(d == frame.DocSet ? " selected" : "").Append('>')
                    .Append(Encode(d)).Append("</option>");
            }
            sb.Append("</select>");
        }
        sb.Append("""
            <form class="search" action="/search" method="get" role="search">
            <input id="q" name="q" type="search" placeholder="Search (press /)" autocomplete="off" spellcheck="false" aria-label="Search the documentation" role="combobox" aria-expanded="false" aria-controls="live" aria-autocomplete="list" maxlength="256" value="
            """).Append(Encode(query)).Append("\">");
        sb.Append("""
            <ul id="live" class="live" role="listbox" aria-label="Suggestions" hidden></ul>
            </form>
            <button type="button" class="icon theme" title="Theme: system" aria-label="Theme: system">◐</button>
            <button type="button" class="icon keys" title="Keyboard shortcuts (?)" aria-label="Keyboard shortcuts">?</button>
            </header>
            <div class="frame
            """).Append(frame.NavAddress is null ? "" : " with-nav").Append(frame.Contents is null ? "" : " with-toc").Append("\">");
        if (frame.NavAddress is not null)
        {
            sb.Append("<nav id=\"sidebar\" class=\"sidebar\" aria-label=\"").Append(Encode(frame.DocSet)).Append("\" data-src=\"")
                .Append(Encode(frame.NavAddress)).Append("\"><input id=\"filter\" class=\"filter\" type=\"search\" placeholder=\"Filter\" aria-label=\"Filter the contents\" autocomplete=\"off\" spellcheck=\"false\">")
                .Append("<p class=\"docset-home\"><a href=\"").Append(Encode(Addresses.DocSet(frame.DocSet!))).Append("\">")
                .Append(Encode(frame.DocSet)).Append("</a></p><div class=\"tree-slot\"></div></nav>");
        }
        sb.Append("<main id=\"main\"");
        if (frame.Address is not null)
        {
            sb.Append(" data-address=\"").Append(Encode(frame.Address)).Append('"');
        }
        if (frame.PageAddress is not null)
        {
            sb.Append(" data-page=\"").Append(Encode(frame.PageAddress)).Append('"');
        }
        sb.Append('>').Append(main).Append("</main>");
        if (frame.Contents is not null)
        {
            sb.Append("<aside class=\"toc\" aria-label=\"On this page\"><h2>On this page</h2>").Append(frame.Contents).Append("</aside>");
        }
        sb.Append("""
            </div>
            <footer>Offline Python documentation
            """);
        if (generation is not null)
        {
            sb.Append(" · index ").Append(Encode(generation));
        }
        sb.Append(" · <a href=\"/openapi.json\">JSON API</a></footer>\n");
        sb.Append("""
            <dialog id="shortcuts" aria-labelledby="shortcuts-title">
            <h2 id="shortcuts-title">Keyboard shortcuts</h2>
            <dl>
            <dt><kbd>/</kbd></dt><dd>Search</dd>
            <dt><kbd>↑</kbd> <kbd>↓</kbd></dt><dd>Choose a suggestion</dd>
            <dt><kbd>Enter</kbd></dt><dd>Open the chosen suggestion, or the best one</dd>
            <dt><kbd>Esc</kbd></dt><dd>Leave the search box; close this panel</dd>
            <dt><kbd>f</kbd></dt><dd>Filter the contents</dd>
            <dt><kbd>t</kbd></dt><dd>Switch the theme</dd>
            <dt><kbd>?</kbd></dt><dd>This list</dd>
            </dl>
            <form method="dialog"><button>Close</button></form>
            </dialog>
            </body>
            </html>

            """);
        return sb.ToString();
    }

    public static IResult Html(int status, string html) => Results.Text(html, "text/html; charset=utf-8", Encoding.UTF8, status);
}
