using System.Collections.Concurrent;
using System.Net;
using System.Security;
using System.Text;
using System.Text.RegularExpressions;
using Help.Core.Index;
using Help.Core.Model;
using Microsoft.Data.Sqlite;

namespace Help.Indexer.Export;

/// <summary>What a docset export wrote.</summary>
public sealed record DocsetResult(string Bundle, int Pages, int Entries, int EntriesWithoutAnchor, int EntriesWithoutPage);

/// <summary>
/// Writes a Dash/Zeal docset (https://kapeli.com/docsets, "Docset generation guide") of one doc set:
/// <code>
/// NAME.docset/Contents/Info.plist                 bundle name and id, the index page, isDashDocset
/// NAME.docset/Contents/Resources/docSet.dsidx     SQLite: searchIndex(id, name, type, path)
/// NAME.docset/Contents/Resources/Documents/       one cleaned page per source page, _static/pyhelp.css, index.html
/// </code>
/// A page keeps its source path (<c>library/asyncio-task.html</c>) so the links between pages, which
/// the HTML renderer keeps relative to the source page, still resolve. Its content is the HTML of the
/// topics on it that no other topic of the page includes (usually the one page-level section);
/// the rest appear inside them, with their <c>id</c>s, which the entries' <c>#anchor</c>s point at.
/// Topics without a page of their own get one under <c>topics/</c>. No scripts.
/// </summary>
public static partial class DashDocsetExporter
{
    public const string IndexPage = "index.html";
    public const string StyleSheet = "_static/pyhelp.css";
    private const string TopicsFolder = "topics/";

    /// <summary>The bundle folder for <paramref name="outPath"/>: itself when it ends in <c>.docset</c>, else <c>outPath/DOCSET.docset</c>.</summary>
    public static string BundlePath(string outPath, string docSet) =>
        Path.GetFullPath(outPath.TrimEnd('/', '\\').EndsWith(".docset", StringComparison.OrdinalIgnoreCase)
            ? outPath
            : Path.Combine(outPath, ExportPaths.FileNameOf(docSet) + ".docset"));

    public static DocsetResult Write(ExportSource source, string docSet, string outPath)
    {
        var bundle = BundlePath(outPath, docSet);
        if (Directory.Exists(bundle))
        {
            // A stale page or entry from an earlier export must not survive into this one.
            Directory.Delete(bundle, recursive: true);
        }
        var resources = Path.Combine(bundle, "Contents", "Resources");
        var documents = Path.Combine(resources, "Documents");
        Directory.CreateDirectory(documents);

        var entries = source.Keys().Where(e => e.DocSet == docSet).ToList();
        var topics = ReadTopics(source, entries);
        var pages = PlanPages(topics);

        var byKey = topics.Values.GroupBy(t => (t.Key, t.Kind)).ToDictionary(g => g.Key, g => g.First());
        var onPage = topics.Values.ToLookup(PageOf);
        var ids = new ConcurrentDictionary<string, HashSet<string>>(StringComparer.Ordinal);
        Parallel.ForEach(pages, page =>
        {
            var html = new StringBuilder();
            var present = new HashSet<string>(StringComparer.Ordinal);
            foreach (var root in page.Value)
            {
                // A glossary term is stored apart from the glossary that also shows it: show what is shown already once.
                var part = source.Query.RenderHtml(root);
                var partIds = IdsIn(part);
                if (html.Length > 0 && partIds.IsSubsetOf(present))
                {
                    continue;
                }
                html.Append(part);
                present.UnionWith(partIds);
            }
            var body = html.ToString();
            body = AddLabelTargets(body, onPage[page.Key], present, byKey);
            ids[page.Key] = present;
            WriteFile(Path.Combine(documents, page.Key), Page(page.Key, page.Value[0].Title, body));
        });

        WriteFile(Path.Combine(documents, StyleSheet), Css);
        WriteFile(Path.Combine(documents, IndexPage), Contents(docSet, pages));
        WriteFile(Path.Combine(bundle, "Contents", "Info.plist"), InfoPlist(docSet));

        var (written, withoutAnchor, withoutPage) = WriteIndex(Path.Combine(resources, "docSet.dsidx"), entries, topics, pages, ids);
        return new DocsetResult(bundle, pages.Count, written, withoutAnchor, withoutPage);
    }

    private static string PageOf(Topic t) => ExportPaths.HtmlPage(t.SourcePage) ?? TopicsFolder + ExportPaths.FileNameOf(t.Key) + ".html";

    /// <summary>
    /// A label (<c>.. _assert:</c>) names a section by an id of its own, which Sphinx writes as
    /// <c>&lt;span id="assert"&gt;</c> at the start of the section and the model keeps only as the
    /// label's anchor. Put those spans back, so entries and the pages' own <c>#label</c> links land.
    /// </summary>
    private static string AddLabelTargets(string body, IEnumerable<Topic> topics, HashSet<string> present,
        Dictionary<(string, TopicKind), Topic> byKey)
    {
        var spans = new Dictionary<string, StringBuilder>(StringComparer.Ordinal);
        foreach (var t in topics.OrderBy(t => t.Anchor, StringComparer.Ordinal))
        {
            if (t.Anchor is not { } anchor || present.Contains(anchor) || SectionAnchor(t, byKey) is not { } section || !present.Contains(section))
            {
                continue;
            }
            if (!spans.TryGetValue(section, out var sb))
            {
                spans[section] = sb = new StringBuilder();
            }
            sb.Append("<span id=\"").Append(WebUtility.HtmlEncode(anchor)).Append("\"></span>");
            present.Add(anchor);
        }
        foreach (var (section, sb) in spans)
        {
            var open = $"<section id=\"{WebUtility.HtmlEncode(section)}\">";
            var at = body.IndexOf(open, StringComparison.Ordinal);
            if (at >= 0)
            {
                body = body.Insert(at + open.Length, sb.ToString());
            }
        }
        return body;
    }

    /// <summary>The id of the section a topic shows, following includes (a pydoc key shows its label, a label may show a page).</summary>
    private static string? SectionAnchor(Topic topic, Dictionary<(string, TopicKind), Topic> byKey)
    {
        var body = topic.Body;
        for (var depth = 0; depth < 4; depth++)
        {
            switch (body)
            {
                case [Section s]:
                    return s.Anchor;
                case [TopicInclude i] when byKey.TryGetValue((i.Key, i.Kind), out var target):
                    body = target.Body;
                    break;
                default:
                    return null;
            }
        }
        return null;
    }

    private static Dictionary<int, Topic> ReadTopics(ExportSource source, List<KeyEntry> entries)
    {
        var ordinals = entries.Select(e => e.TopicOrdinal).Distinct().ToArray();
        var read = new Topic[ordinals.Length];
        Parallel.For(0, ordinals.Length, i => read[i] = source.Table.ReadTopic(ordinals[i]));
        return ordinals.Select((o, i) => (o, read[i])).ToDictionary(p => p.o, p => p.Item2);
    }

    /// <summary>Page path to the topics rendered on it, in order: those not included by another topic of the page.</summary>
    private static SortedDictionary<string, List<Topic>> PlanPages(Dictionary<int, Topic> topics)
    {
        var pages = new SortedDictionary<string, List<Topic>>(StringComparer.Ordinal);
        var byPage = topics.Values
            .Where(t => t.Body is not [TopicInclude]) // pydoc's keys and other pointers: shown where their target is
            .GroupBy(PageOf);
        foreach (var group in byPage)
        {
            var included = new HashSet<(string, TopicKind)>();
            foreach (var t in group)
            {
                Includes(t.Body, included);
            }
            var roots = group.Where(t => !included.Contains((t.Key, t.Kind)))
                .OrderBy(t => TopicKinds.Priority(t.Kind)).ThenBy(t => t.Key, StringComparer.Ordinal)
                .ToList();
            if (roots.Count > 0)
            {
                pages[group.Key] = roots;
            }
        }
        return pages;
    }

    /// <summary>Every include in <paramref name="blocks"/>, at any depth: the containers the table stores includes in.</summary>
    private static void Includes(IReadOnlyList<Block> blocks, HashSet<(string, TopicKind)> found)
    {
        foreach (var block in blocks)
        {
            switch (block)
            {
                case TopicInclude i: found.Add((i.Key, i.Kind)); break;
                case Section s: Includes(s.Body, found); break;
                case Description d: Includes(d.Body, found); break;
                case BlockQuote q: Includes(q.Content, found); break;
                case Admonition a: Includes(a.Body, found); break;
                case VersionNote v: Includes(v.Body, found); break;
                case BulletList l: foreach (var item in l.Items) Includes(item.Content, found); break;
                case EnumeratedList l: foreach (var item in l.Items) Includes(item.Content, found); break;
                case DefinitionList l: foreach (var item in l.Items) Includes(item.Definition, found); break;
            }
        }
    }

    private static (int Written, int WithoutAnchor, int WithoutPage) WriteIndex(string path, List<KeyEntry> entries,
        Dictionary<int, Topic> topics, SortedDictionary<string, List<Topic>> pages, ConcurrentDictionary<string, HashSet<string>> ids)
    {
        // Where each topic shows: its page, or (for a topic only included elsewhere) wherever its anchor is.
        var pageOfAnchor = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (page, set) in ids.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            foreach (var id in set)
            {
                pageOfAnchor.TryAdd(id, page);
            }
        }
        int written = 0, withoutAnchor = 0, withoutPage = 0;
        var connection = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString();
        using var db = new SqliteConnection(connection);
        db.Open();
        using (var create = db.CreateCommand())
        {
            create.CommandText = """
                CREATE TABLE searchIndex(id INTEGER PRIMARY KEY, name TEXT, type TEXT, path TEXT);
                CREATE UNIQUE INDEX anchor ON searchIndex (name, type, path);
                """;
            create.ExecuteNonQuery();
        }
        using var transaction = db.BeginTransaction();
        using var insert = db.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT OR IGNORE INTO searchIndex(name, type, path) VALUES ($name, $type, $path)";
        var name = insert.Parameters.Add("$name", SqliteType.Text);
        var type = insert.Parameters.Add("$type", SqliteType.Text);
        var target = insert.Parameters.Add("$path", SqliteType.Text);
        foreach (var entry in entries)
        {
            var topic = topics[entry.TopicOrdinal];
            if (DashEntryTypes.Of(topic) is not { } entryType)
            {
                continue;
            }
            var page = PageOf(topic);
            string? location;
            if (topic.Anchor is { } anchor && ids.TryGetValue(page, out var onPage) && onPage.Contains(anchor))
            {
                location = $"{page}#{anchor}";
            }
            else if (topic.Anchor is { } moved && pageOfAnchor.TryGetValue(moved, out var elsewhere))
            {
                location = $"{elsewhere}#{moved}";
            }
            else if (pages.ContainsKey(page))
            {
                location = page;
                withoutAnchor += topic.Anchor is null ? 0 : 1;
            }
            else
            {
                withoutPage++;
                continue;
            }
            name.Value = entry.IsAlias || topic.Kind is not (TopicKind.Label or TopicKind.Page) ? entry.Key : topic.Title;
            type.Value = entryType;
            target.Value = EscapePath(location);
            written += insert.ExecuteNonQuery();
        }
        transaction.Commit();
        return (written, withoutAnchor, withoutPage);
    }

    /// <summary>Dash reads the path as a URL relative to Documents/: escape what a URL cannot hold, keep <c>/</c> and <c>#</c>.</summary>
    private static string EscapePath(string location)
    {
        var hash = location.IndexOf('#');
        var page = hash < 0 ? location : location[..hash];
        var escaped = string.Join('/', page.Split('/').Select(Uri.EscapeDataString));
        return hash < 0 ? escaped : escaped + "#" + Uri.EscapeDataString(location[(hash + 1)..]);
    }

    private static HashSet<string> IdsIn(string html) =>
        IdAttribute().Matches(html).Select(m => WebUtility.HtmlDecode(m.Groups[1].Value)).ToHashSet(StringComparer.Ordinal);

    [GeneratedRegex("\\sid=\"([^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex IdAttribute();

    private static string Page(string path, string title, string body)
    {
        var up = string.Concat(Enumerable.Repeat("../", path.Count(c => c == '/')));
        return $"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <title>{WebUtility.HtmlEncode(title)}</title>
            <link rel="stylesheet" href="{up}{StyleSheet}">
            </head>
            <body>
            <div class="body" role="main">
            {body}
            </div>
            </body>
            </html>

            """;
    }

    private static string Contents(string docSet, SortedDictionary<string, List<Topic>> pages)
    {
        var list = new StringBuilder();
        foreach (var (path, roots) in pages)
        {
            list.Append("<li><a href=\"").Append(WebUtility.HtmlEncode(EscapePath(path))).Append("\">")
                .Append(WebUtility.HtmlEncode(roots[0].Title)).Append("</a></li>\n");
        }
        return Page(IndexPage, docSet, $"<section><h1>{WebUtility.HtmlEncode(DisplayName(docSet))}</h1>\n<ul>\n{list}</ul></section>");
    }

    /// <summary><c>Python 3.11</c> from <c>python-3.11</c>.</summary>
    public static string DisplayName(string docSet)
    {
        var dash = docSet.LastIndexOf('-');
        var (name, version) = dash > 0 && dash + 1 < docSet.Length && char.IsAsciiDigit(docSet[dash + 1])
            ? (docSet[..dash], docSet[(dash + 1)..])
            : (docSet, "");
        name = name.Length == 0 ? name : char.ToUpperInvariant(name[0]) + name[1..];
        return version.Length == 0 ? name : $"{name} {version}";
    }

    private static string InfoPlist(string docSet)
    {
        var family = docSet.Split('-')[0];
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
            <plist version="1.0">
            <dict>
            	<key>CFBundleIdentifier</key>
            	<string>{SecurityElement.Escape(docSet)}</string>
            	<key>CFBundleName</key>
            	<string>{SecurityElement.Escape(DisplayName(docSet))}</string>
            	<key>DocSetPlatformFamily</key>
            	<string>{SecurityElement.Escape(family)}</string>
            	<key>isDashDocset</key>
            	<true/>
            	<key>isJavaScriptEnabled</key>
            	<false/>
            	<key>dashIndexFilePath</key>
            	<string>{IndexPage}</string>
            </dict>
            </plist>

            """;
    }

    private static void WriteFile(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text, new UTF8Encoding(false));
    }

    // Enough to read: the class names are those of Sphinx's HTML writer, which the HTML renderer keeps.
    private const string Css = """
        body { font-family: sans-serif; line-height: 1.5; margin: 1em 2em; max-width: 60em; color: #222; }
        code, pre { font-family: monospace; font-size: 0.95em; }
        pre { background: #f6f6f6; padding: 0.6em; overflow-x: auto; }
        dl.py > dt, dt.sig { background: #eef3f8; border-top: 2px solid #7a9cbf; padding: 0.2em 0.4em; font-family: monospace; }
        dd { margin-left: 2em; }
        div.admonition { border-left: 4px solid #c9a227; background: #fbf7e6; padding: 0.4em 0.8em; margin: 1em 0; }
        div.admonition.warning, div.admonition.danger { border-color: #c0392b; background: #fbeaea; }
        p.admonition-title { font-weight: bold; margin: 0; }
        table { border-collapse: collapse; }
        th, td { border: 1px solid #ccc; padding: 0.2em 0.5em; vertical-align: top; }
        div.versionadded, div.versionchanged, div.deprecated { font-style: italic; }

        """;
}
