using System.Net;
using System.Text;

namespace Help.Server.Pages;

/// <summary>The frame of every viewer page: the search bar, the indexes, and one stylesheet and one script of our own.</summary>
internal static class Layout
{
    public static string Encode(string? s) => WebUtility.HtmlEncode(s ?? "");

    /// <summary>A whole page around <paramref name="main"/>, which must already be HTML; <paramref name="title"/> and <paramref name="query"/> are text.</summary>
    public static string Page(string title, string main, string query = "", string? generation = null)
    {
        var sb = new StringBuilder(main.Length + 2048);
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
            <script src="/assets/app.js" defer></script>
            </head>
            <body>
            <header class="bar">
            <a class="brand" href="/">pyhelp</a>
            <form class="search" action="/search" method="get" role="search">
            <input id="q" name="q" type="search" placeholder="Search the docs (press /)" autocomplete="off" spellcheck="false" aria-label="Search" aria-controls="live" aria-autocomplete="list" maxlength="256" value="
            """).Append(Encode(query)).Append("""
            ">
            <ul id="live" class="live" role="listbox" hidden></ul>
            </form>
            <nav class="indexes"><a href="/modules">Modules</a><a href="/keywords">Keywords</a><a href="/topics">Topics</a><a href="/symbols">Symbols</a></nav>
            </header>
            <main id="main">
            """).Append(main).Append("""
            </main>
            <footer>Offline Python documentation
            """);
        if (generation is not null)
        {
            sb.Append(" · index ").Append(Encode(generation));
        }
        sb.Append(" · <a href=\"/openapi.json\">JSON API</a></footer>\n</body>\n</html>\n");
        return sb.ToString();
    }

    public static IResult Html(int status, string html) => Results.Text(html, "text/html; charset=utf-8", Encoding.UTF8, status);
}
