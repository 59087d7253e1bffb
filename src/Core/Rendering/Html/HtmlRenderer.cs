using System.Net;
using System.Text;
using Help.Core.Model;
using Help.Core.Rendering.Text;

namespace Help.Core.Rendering.Html;

/// <summary>
/// Renders the document model as an HTML fragment: the cleaned content of a topic, in the element
/// and class vocabulary of Sphinx's HTML writer (<c>dl.py.method</c>, <c>div.admonition.note</c>,
/// <c>div.highlight-python3</c>), so stylesheets written for Sphinx pages apply. Every text is
/// escaped; nothing from the source is passed through as markup. Code keeps its Pygments token classes
/// (<c>&lt;span class="k"&gt;</c>). Internal links keep their targets as the source page wrote them (relative to
/// <see cref="Topic.SourcePage"/>) unless a <see cref="LinkAddress"/> gives each the reader's own address.
/// Immutable and thread-safe.
/// </summary>
public sealed class HtmlRenderer
{
    public static readonly HtmlRenderer Default = new();

    private const int MaxIncludeDepth = 8;

    /// <summary>The topic's body as an HTML fragment; includes are expanded through <paramref name="resolver"/>.</summary>
    public string Render(Topic topic, ITopicResolver? resolver = null) => Render(topic, resolver, null, null);

    /// <summary>
    /// The topic's body as an HTML fragment, each internal link's address given by <paramref name="address"/> (from
    /// the topic that holds the link, an included one for its own links), and its headings and described objects
    /// added to <paramref name="contents"/> in document order.
    /// </summary>
    public string Render(Topic topic, ITopicResolver? resolver, LinkAddress? address, List<ContentsEntry>? contents)
    {
        var sb = new StringBuilder();
        var context = new Context(sb, resolver, HeadingLevel: 1, Depth: 0, topic, address, contents);
        Blocks(topic.Body, context);
        return sb.ToString();
    }

    /// <summary>Where an internal link of <paramref name="owner"/> points, or null to leave it as the source wrote it.</summary>
    public delegate string? LinkAddress(Topic owner, string href);

    /// <summary>A heading or a described object of a rendered topic: its id, its text, and its depth (1 for the top).</summary>
    public sealed record ContentsEntry(string Id, string Text, int Level, bool IsObject);

    private sealed record Context(StringBuilder Out, ITopicResolver? Resolver, int HeadingLevel, int Depth, Topic Owner,
        LinkAddress? Address, List<ContentsEntry>? Contents);

    private static void Blocks(IReadOnlyList<Block> blocks, Context c)
    {
        foreach (var block in blocks)
        {
            Block(block, c);
        }
    }

    private static void Block(Block block, Context c)
    {
        var o = c.Out;
        switch (block)
        {
            case Section s:
                o.Append("<section").Append(Id(s.Anchor)).Append('>');
                var level = Math.Min(c.HeadingLevel, 6);
                if (s.Anchor is not null)
                {
                    c.Contents?.Add(new ContentsEntry(s.Anchor, PlainText.Inline(s.Title), c.HeadingLevel, IsObject: false));
                }
                o.Append("<h").Append(level).Append('>');
                Inlines(s.Title, c);
                o.Append("</h").Append(level).Append('>');
                Blocks(s.Body, c with { HeadingLevel = c.HeadingLevel + 1 });
                o.Append("</section>");
                break;
            case Paragraph p:
                o.Append("<p>");
                Inlines(p.Content, c);
                o.Append("</p>");
                break;
            case LiteralBlock l:
                o.Append("<div class=\"highlight-").Append(Attr(l.Language ?? "default")).Append(l.IsDoctest ? " doctest" : "")
                    .Append("\"><pre>");
                Code(l, o);
                o.Append("</pre></div>");
                break;
            case Grammar g:
                o.Append("<pre class=\"productionlist\">");
                var width = g.Productions.Max(p => p.Name?.Length ?? 0);
                foreach (var p in g.Productions)
                {
                    o.Append(p.Name is null ? new string(' ', width + 4) : $"<strong>{Text(p.Name)}</strong>{new string(' ', width - p.Name.Length)} ::= ")
                        .Append(Text(p.Definition)).Append('\n');
                }
                o.Append("</pre>");
                break;
            case BulletList b:
                o.Append("<ul>");
                Items(b.Items, c);
                o.Append("</ul>");
                break;
            case EnumeratedList e:
                o.Append(e.Start == 1 ? "<ol>" : $"<ol start=\"{e.Start}\">");
                Items(e.Items, c);
                o.Append("</ol>");
                break;
            case DefinitionList d:
                o.Append(d.IsGlossary ? "<dl class=\"glossary\">" : "<dl>");
                foreach (var item in d.Items)
                {
                    o.Append("<dt").Append(Id(item.Anchor)).Append('>');
                    Inlines(item.Term, c);
                    o.Append("</dt><dd>");
                    Blocks(item.Definition, c);
                    o.Append("</dd>");
                }
                o.Append("</dl>");
                break;
            case FieldList f:
                o.Append("<dl class=\"field-list\">");
                foreach (var field in f.Fields)
                {
                    o.Append("<dt>");
                    Inlines(field.Name, c);
                    o.Append("</dt><dd>");
                    Blocks(field.Body, c);
                    o.Append("</dd>");
                }
                o.Append("</dl>");
                break;
            case Table t:
                o.Append("<table class=\"docutils\">");
                Rows(t.HeaderRows, "thead", "th", c);
                Rows(t.BodyRows, "tbody", "td", c);
                o.Append("</table>");
                break;
            case Admonition a:
                o.Append("<div class=\"admonition ").Append(Attr(a.Kind)).Append("\"><p class=\"admonition-title\">");
                if (a.Title is not null)
                {
                    Inlines(a.Title, c);
                }
                else
                {
                    o.Append(Text(AdmonitionTitle(a.Kind)));
                }
                o.Append("</p>");
                Blocks(a.Body, c);
                o.Append("</div>");
                break;
            case VersionNote v:
                o.Append("<div class=\"").Append(VersionClass(v.Change)).Append("\"><p><span class=\"versionmodified\">")
                    .Append(Text(VersionWords(v))).Append("</span></p>");
                Blocks(v.Body, c);
                o.Append("</div>");
                break;
            case BlockQuote q:
                o.Append("<blockquote>");
                Blocks(q.Content, c);
                o.Append("</blockquote>");
                break;
            case LineBlock lb:
                o.Append("<div class=\"line-block\">");
                foreach (var line in lb.Lines)
                {
                    o.Append("<div class=\"line\">");
                    Inlines(line, c);
                    o.Append("</div>");
                }
                o.Append("</div>");
                break;
            case Rubric r:
                o.Append("<p class=\"rubric\">");
                Inlines(r.Content, c);
                o.Append("</p>");
                break;
            case Transition:
                o.Append("<hr>");
                break;
            case Footnote fn:
                o.Append("<aside class=\"footnote\" id=\"footnote-").Append(Attr(fn.Label)).Append("\"><span class=\"label\">[")
                    .Append(Text(fn.Label)).Append("]</span>");
                Blocks(fn.Content, c);
                o.Append("</aside>");
                break;
            case Image im:
                // Images are not copied into the index: show the alternative text and the caption.
                o.Append("<figure><span class=\"image-alt\">").Append(Text(im.Alt ?? "[image]")).Append("</span>");
                if (im.Caption.Count > 0)
                {
                    o.Append("<figcaption>");
                    Blocks(im.Caption, c);
                    o.Append("</figcaption>");
                }
                o.Append("</figure>");
                break;
            case Description d:
                var classes = d.Role.Replace(':', ' ');
                o.Append("<dl class=\"").Append(Attr(classes)).Append("\">");
                foreach (var sig in d.Signatures)
                {
                    if (sig.Anchor is not null && ReferenceEquals(sig, d.Signatures[0]))
                    {
                        c.Contents?.Add(new ContentsEntry(sig.Anchor, sig.Anchor, c.HeadingLevel, IsObject: true));
                    }
                    o.Append("<dt class=\"sig\"").Append(Id(sig.Anchor)).Append("><code>").Append(Text(sig.Text)).Append("</code></dt>");
                }
                o.Append("<dd>");
                Blocks(d.Body, c);
                o.Append("</dd></dl>");
                break;
            case TopicInclude include:
                var target = c.Depth < MaxIncludeDepth ? c.Resolver?.Resolve(include.Key, include.Kind) : null;
                if (target is null)
                {
                    o.Append("<p class=\"unresolved\">See <code>").Append(Text(include.Key)).Append("</code>.</p>");
                }
                else
                {
                    Blocks(target.Body, c with { Depth = c.Depth + 1, Owner = target });
                }
                break;
            case Anchor a:
                // An empty target: where a link to an id inside a paragraph or list lands.
                o.Append("<span class=\"target\" id=\"").Append(Attr(a.Id)).Append("\"></span>");
                break;
            case Preformatted pf:
                o.Append("<pre class=\"preformatted\">").Append(Text(pf.Text)).Append("</pre>");
                break;
        }
    }

    private static void Items(IReadOnlyList<ListItem> items, Context c)
    {
        foreach (var item in items)
        {
            c.Out.Append("<li>");
            Blocks(item.Content, c);
            c.Out.Append("</li>");
        }
    }

    private static void Rows(IReadOnlyList<TableRow> rows, string group, string cell, Context c)
    {
        if (rows.Count == 0) return;
        var o = c.Out;
        o.Append('<').Append(group).Append('>');
        foreach (var row in rows)
        {
            o.Append("<tr>");
            foreach (var td in row.Cells)
            {
                o.Append('<').Append(cell);
                if (td.ColumnSpan > 1) o.Append(" colspan=\"").Append(td.ColumnSpan).Append('"');
                if (td.RowSpan > 1) o.Append(" rowspan=\"").Append(td.RowSpan).Append('"');
                o.Append('>');
                Blocks(td.Content, c);
                o.Append("</").Append(cell).Append('>');
            }
            o.Append("</tr>");
        }
        o.Append("</").Append(group).Append('>');
    }

    /// <summary>The code with each token the source marked in a <c>span</c> of its Pygments class.</summary>
    private static void Code(LiteralBlock l, StringBuilder o)
    {
        var at = 0;
        foreach (var run in l.Highlight)
        {
            if (at + run.Length > l.Text.Length)
            {
                break;
            }
            var text = Text(l.Text.Substring(at, run.Length));
            if (run.Token.Length == 0)
            {
                o.Append(text);
            }
            else
            {
                o.Append("<span class=\"").Append(Attr(run.Token)).Append("\">").Append(text).Append("</span>");
            }
            at += run.Length;
        }
        o.Append(Text(l.Text[at..]));
    }

    private static void Inlines(IReadOnlyList<Inline> inlines, Context c)
    {
        var o = c.Out;
        foreach (var inline in inlines)
        {
            switch (inline)
            {
                case TextRun t:
                    o.Append(Text(t.Text));
                    break;
                case Emphasis e:
                    o.Append("<em>");
                    Inlines(e.Content, c);
                    o.Append("</em>");
                    break;
                case Strong s:
                    o.Append("<strong>");
                    Inlines(s.Content, c);
                    o.Append("</strong>");
                    break;
                case Code code:
                    o.Append("<code>").Append(Text(code.Text)).Append("</code>");
                    break;
                case Link l when SafeHref(l.Target) is { } href:
                    if (!l.External && c.Address?.Invoke(c.Owner, l.Target!) is { } address)
                    {
                        href = address;
                    }
                    o.Append("<a href=\"").Append(Attr(href)).Append(l.External ? "\" class=\"external\">" : "\" class=\"internal\">");
                    Inlines(l.Content, c);
                    o.Append("</a>");
                    break;
                case Link l:
                    Inlines(l.Content, c);
                    break;
                case FootnoteRef f:
                    o.Append("<a class=\"footnote-reference\" href=\"#footnote-").Append(Attr(f.Label)).Append("\">[").Append(Text(f.Label)).Append("]</a>");
                    break;
                case Script sc:
                    o.Append(sc.Superscript ? "<sup>" : "<sub>");
                    Inlines(sc.Content, c);
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

    private static string Text(string s) => WebUtility.HtmlEncode(s);

    private static string Attr(string s) => WebUtility.HtmlEncode(s);

    private static string Id(string? anchor) => anchor is null ? "" : $" id=\"{Attr(anchor)}\"";

    private static string AdmonitionTitle(string kind) => kind switch
    {
        "seealso" => "See also",
        "admonition" => "",
        _ => char.ToUpperInvariant(kind[0]) + kind[1..],
    };

    private static string VersionClass(VersionChange change) => change switch
    {
        VersionChange.Added => "versionadded",
        VersionChange.Changed => "versionchanged",
        VersionChange.Deprecated => "deprecated",
        _ => "versionremoved",
    };

    private static string VersionWords(VersionNote v) => v.Change switch
    {
        VersionChange.Added => $"New in version {v.Version}.",
        VersionChange.Changed => $"Changed in version {v.Version}:",
        VersionChange.Deprecated when v.RemovedIn is not null => $"Deprecated since version {v.Version}, will be removed in version {v.RemovedIn}:",
        VersionChange.Deprecated => $"Deprecated since version {v.Version}:",
        _ => $"Removed in version {v.Version}.",
    };
}
