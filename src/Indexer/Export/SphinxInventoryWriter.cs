using System.IO.Compression;
using System.Text;
using Help.Core.Model;

namespace Help.Indexer.Export;

/// <summary>One line of an inventory: <c>name domain:role priority uri dispname</c>, before the <c>$</c> and <c>-</c> shorthands.</summary>
public sealed record InventoryLine(string Name, string Role, int Priority, string Uri, string DisplayName);

/// <summary>
/// Writes a Sphinx inventory, version 2 (<c>objects.inv</c>), so Sphinx projects can link to a doc
/// set through <c>intersphinx</c>: <c>:py:func:`spam.open_all`</c>, <c>:ref:`label`</c>, <c>:term:`word`</c>.
/// </summary>
/// <remarks>
/// Format as Sphinx's <c>sphinx/util/inventory.py</c> (<c>InventoryFile.dump</c>) writes it, and as
/// <see cref="Sources.Inventory.SphinxInventory.Read"/> reads it: four header lines, then a zlib
/// stream of lines sorted by domain and name. An anchor that ends with the name is written with
/// <c>$</c> in place of the name; a display name equal to the name as <c>-</c>. A name or title
/// cannot hold a line break, so white space runs become one space. Pages given as source files
/// (<c>.rst</c>, <c>.md</c>, <c>.txt</c>) are linked as the <c>.html</c> pages Sphinx builds from them.
/// </remarks>
public static class SphinxInventoryWriter
{
    /// <summary>
    /// The line for a topic, or null for what an inventory does not hold: pydoc's own keys (they
    /// point at labels, which are listed), unnamed sections, topics without a page.
    /// </summary>
    public static InventoryLine? LineOf(Topic topic)
    {
        if (topic.Kind is TopicKind.Keyword or TopicKind.Topic or TopicKind.Symbol or TopicKind.Section)
        {
            return null;
        }
        var role = topic.Role is { } r && r.Contains(':') && !r.Any(char.IsWhiteSpace) ? r : RoleOf(topic.Kind);
        if (role is null)
        {
            return null;
        }
        if (ExportPaths.HtmlPage(topic.SourcePage) is not { } page)
        {
            return null;
        }
        var name = OneLine(topic.Key);
        if (role == "std:doc")
        {
            // Sphinx names a document by its path without the suffix: library/asyncio.
            name = page.EndsWith(".html", StringComparison.Ordinal) ? page[..^5] : page;
        }
        var uri = topic.Anchor is null || role == "std:doc" ? page : $"{page}#{topic.Anchor}";
        // Sphinx's Python domain gives its objects their own name as display name; the standard domain a title.
        var display = role.StartsWith("py:", StringComparison.Ordinal) ? name : OneLine(topic.Title);
        return new InventoryLine(name, role, PriorityOf(role), uri.Replace(" ", "%20", StringComparison.Ordinal), display.Length == 0 ? name : display);
    }

    /// <summary>Writes the inventory of <paramref name="topics"/> to <paramref name="output"/>; returns the number of entries.</summary>
    public static int Write(string project, string version, IEnumerable<Topic> topics, Stream output)
    {
        var all = topics.ToList();
        var lines = all.Select(LineOf).OfType<InventoryLine>().Concat(DocumentsWithoutPageTopic(all))
            // Sphinx keeps one object per (role, name); so does the reader: keep the first, like the table's ranking.
            .DistinctBy(l => (l.Role, l.Name))
            .OrderBy(l => l.Role[..l.Role.IndexOf(':')], StringComparer.Ordinal)
            .ThenBy(l => l.Name, StringComparer.Ordinal)
            .ThenBy(l => l.Role, StringComparer.Ordinal)
            .ToList();
        var header = $"# Sphinx inventory version 2\n# Project: {OneLine(project)}\n# Version: {OneLine(version)}\n# The remainder of this file is compressed using zlib.\n";
        output.Write(Encoding.UTF8.GetBytes(header));
        using (var zlib = new ZLibStream(output, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            foreach (var l in lines)
            {
                zlib.Write(Encoding.UTF8.GetBytes(Format(l)));
            }
        }
        return lines.Count;
    }

    /// <summary>
    /// Every page is a document to Sphinx (<c>:doc:`library/asyncio`</c>), but a module's page is stored
    /// as the module's topic, not as a page: give such pages their <c>std:doc</c> line, titled by the
    /// module (or the first topic) on them.
    /// </summary>
    private static IEnumerable<InventoryLine> DocumentsWithoutPageTopic(List<Topic> topics)
    {
        var withPage = topics.Where(t => t.Kind == TopicKind.Page).Select(t => ExportPaths.HtmlPage(t.SourcePage)).ToHashSet(StringComparer.Ordinal);
        foreach (var group in topics.GroupBy(t => ExportPaths.HtmlPage(t.SourcePage)).Where(g => g.Key is not null && !withPage.Contains(g.Key)))
        {
            var page = group.Key!;
            var title = group.OrderBy(t => t.Kind == TopicKind.Module ? 0 : 1).ThenBy(t => t.Key, StringComparer.Ordinal).First().Title;
            var name = page.EndsWith(".html", StringComparison.Ordinal) ? page[..^5] : page;
            yield return new InventoryLine(name, "std:doc", PriorityOf("std:doc"), page.Replace(" ", "%20", StringComparison.Ordinal), OneLine(title));
        }
    }

    /// <summary>The text of one line, shorthands applied, with its newline.</summary>
    public static string Format(InventoryLine line)
    {
        var uri = line.Uri;
        var hash = uri.IndexOf('#');
        if (hash >= 0 && uri.EndsWith(line.Name, StringComparison.Ordinal) && uri.Length - line.Name.Length > hash)
        {
            uri = uri[..^line.Name.Length] + "$";
        }
        var display = line.DisplayName == line.Name ? "-" : line.DisplayName;
        return $"{line.Name} {line.Role} {line.Priority} {uri} {display}\n";
    }

    /// <summary>The role Sphinx gives what a kind stands for; null for kinds with no role of their own.</summary>
    public static string? RoleOf(TopicKind kind) => kind switch
    {
        TopicKind.Module => "py:module",
        TopicKind.Class => "py:class",
        TopicKind.Exception => "py:exception",
        TopicKind.Function => "py:function",
        TopicKind.Method => "py:method",
        TopicKind.Attribute => "py:attribute",
        TopicKind.Data => "py:data",
        TopicKind.Decorator => "py:decorator",
        TopicKind.Label => "std:label",
        TopicKind.Term => "std:term",
        TopicKind.Page => "std:doc",
        _ => null,
    };

    /// <summary>Sphinx's search priorities: objects 1, modules 0, documents, labels and terms -1 (hidden from search).</summary>
    private static int PriorityOf(string role) => role switch
    {
        "py:module" => 0,
        "std:doc" or "std:label" or "std:term" => -1,
        _ => 1,
    };

    private static string OneLine(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
