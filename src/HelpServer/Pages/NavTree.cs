using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text;
using Help.Core.Index;
using Help.Core.Model;
using Help.Core.Query;
using static Help.Server.Pages.Layout;

namespace Help.Server.Pages;

/// <summary>
/// The sidebar of a doc set: its guides (pages by folder, with their titles) and its modules, each module with its
/// classes and functions, each class with its members, as nested <c>details</c> lists. Built once per generation and
/// doc set from the table's keys (only pages are decoded, for their titles) and fetched once by the browser, which
/// keeps it while the generation lasts (its address names the generation).
/// </summary>
internal static class NavTree
{
    private static readonly ConditionalWeakTable<IndexGenerations.Generation, ConcurrentDictionary<string, Lazy<string>>> Built = new();

    /// <summary>The sidebar's address for a doc set of a generation: immutable, so cached for good.</summary>
    public static string Address(IndexGenerations.Generation generation, string docSet) =>
        $"/nav/{Uri.EscapeDataString(docSet)}?g={Uri.EscapeDataString(generation.Name)}";

    public static string Html(IndexGenerations.Generation generation, string docSet) =>
        Built.GetOrCreateValue(generation).GetOrAdd(docSet, d => new Lazy<string>(() => Build(generation.Table, d))).Value;

    private static readonly TopicKind[] Members =
        [TopicKind.Class, TopicKind.Exception, TopicKind.Function, TopicKind.Decorator, TopicKind.Data, TopicKind.Method, TopicKind.Attribute];

    private static string Build(TopicsTable table, string docSet)
    {
        var entries = table.AllKeys().Where(e => e.DocSet == docSet && !e.IsAlias).ToList();
        var sb = new StringBuilder(64 * entries.Count);
        sb.Append("<div class=\"tree\">");
        Guides(sb, table, entries);
        Modules(sb, table, entries);
        sb.Append("</div>");
        return sb.ToString();
    }

    private static void Guides(StringBuilder sb, TopicsTable table, List<KeyEntry> entries)
    {
        var pages = entries.Where(e => e.Kind == TopicKind.Page)
            .Select(e => (Entry: e, Title: table.ReadTopic(e).Title))
            .GroupBy(p => p.Entry.Key.LastIndexOf('/') is var slash and > 0 ? p.Entry.Key[..slash] : "")
            .OrderBy(g => g.Key.Length == 0 ? 0 : 1).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToList();
        if (pages.Count == 0)
        {
            return;
        }
        sb.Append("<details class=\"group\" open><summary>Guides</summary><ul>");
        foreach (var folder in pages)
        {
            var items = folder.OrderBy(p => p.Entry.Key.EndsWith("/index", StringComparison.Ordinal) ? 0 : 1)
                .ThenBy(p => p.Entry.Key, StringComparer.Ordinal);
            if (folder.Key.Length > 0)
            {
                sb.Append("<li><details><summary>").Append(Encode(folder.Key)).Append("</summary><ul>");
            }
            foreach (var (entry, title) in items)
            {
                Item(sb, table, entry, title);
                sb.Append("</li>");
            }
            if (folder.Key.Length > 0)
            {
                sb.Append("</ul></details></li>");
            }
        }
        sb.Append("</ul></details>");
    }

    private static void Modules(StringBuilder sb, TopicsTable table, List<KeyEntry> entries)
    {
        var modules = entries.Where(e => e.Kind == TopicKind.Module).DistinctBy(e => e.Key).ToDictionary(e => e.Key);
        var members = new Dictionary<string, List<KeyEntry>>();
        foreach (var e in entries.Where(e => Members.Contains(e.Kind)).OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            var owner = "";
            for (var dot = e.Key.LastIndexOf('.'); dot > 0; dot = e.Key.LastIndexOf('.', dot - 1))
            {
                if (modules.ContainsKey(e.Key[..dot]))
                {
                    owner = e.Key[..dot];
                    break;
                }
            }
            (members.TryGetValue(owner, out var list) ? list : members[owner] = []).Add(e);
        }
        if (modules.Count == 0 && members.Count == 0)
        {
            return;
        }
        sb.Append("<details class=\"group\" open><summary>Reference</summary><ul>");
        if (members.TryGetValue("", out var loose))
        {
            // Objects no module of the doc set names (Python's built-in functions and types).
            sb.Append("<li><details><summary>Built-ins and others</summary>");
            MemberList(sb, table, loose);
            sb.Append("</details></li>");
        }
        foreach (var module in modules.Values.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            if (members.TryGetValue(module.Key, out var own))
            {
                sb.Append("<li><details><summary>");
                Link(sb, table, module, module.Key);
                sb.Append("</summary>");
                MemberList(sb, table, own);
                sb.Append("</details></li>");
            }
            else
            {
                Item(sb, table, module, module.Key);
                sb.Append("</li>");
            }
        }
        sb.Append("</ul></details>");
    }

    /// <summary>A module's objects: each class with its members under it, the rest in key order.</summary>
    private static void MemberList(StringBuilder sb, TopicsTable table, List<KeyEntry> members)
    {
        var classes = members.Where(e => e.Kind is TopicKind.Class or TopicKind.Exception).Select(e => e.Key).ToHashSet(StringComparer.Ordinal);
        var under = members.Where(e => ClassOf(e.Key, classes) is not null).GroupBy(e => ClassOf(e.Key, classes)!).ToDictionary(g => g.Key, g => g.ToList());
        sb.Append("<ul>");
        foreach (var e in members.Where(e => ClassOf(e.Key, classes) is null))
        {
            if (classes.Contains(e.Key) && under.TryGetValue(e.Key, out var own))
            {
                sb.Append("<li><details><summary>");
                Link(sb, table, e, e.Key);
                sb.Append("</summary><ul>");
                foreach (var m in own)
                {
                    Item(sb, table, m, m.Key);
                    sb.Append("</li>");
                }
                sb.Append("</ul></details></li>");
            }
            else
            {
                Item(sb, table, e, e.Key);
                sb.Append("</li>");
            }
        }
        sb.Append("</ul>");
    }

    private static string? ClassOf(string key, HashSet<string> classes)
    {
        for (var dot = key.LastIndexOf('.'); dot > 0; dot = key.LastIndexOf('.', dot - 1))
        {
            if (classes.Contains(key[..dot]))
            {
                return key[..dot];
            }
        }
        return null;
    }

    private static void Item(StringBuilder sb, TopicsTable table, KeyEntry e, string text)
    {
        sb.Append("<li>");
        Link(sb, table, e, text);
    }

    private static void Link(StringBuilder sb, TopicsTable table, KeyEntry e, string text) =>
        sb.Append("<a class=\"").Append(TopicKinds.Name(e.Kind)).Append("\" href=\"").Append(Encode(Addresses.Topic(table, e))).Append("\">")
            .Append(Encode(text)).Append("</a>");
}
