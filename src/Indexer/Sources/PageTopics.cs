using System.Text.RegularExpressions;
using Help.Core.Model;
using Help.Indexer.Sources.Inventory;

namespace Help.Indexer.Sources;

/// <summary>
/// How each kind of topic of a documentation page is made (its key, kind, title, parent, anchor and aliases), with
/// the page's inventory entries: what <see cref="PageTopicBuilder"/> asks for as it walks a page's outline, so that
/// the same page read as Sphinx HTML or as its reST source gives the same topics.
/// </summary>
internal sealed partial class PageTopics(string pagePath, string origin, DocSet docSet, SphinxInventory? inventory)
{
    public const string LabelRole = "std:label";
    public const string TermRole = "std:term";
    public const string ModuleRole = "py:module";

    /// <summary>The id Sphinx gives a <c>py:module</c> target: <c>module-asyncio</c>.</summary>
    public const string ModuleIdPrefix = "module-";

    public string PagePath { get; } = pagePath;

    /// <summary>The page path without <c>.html</c>: the page's own key and the prefix of its section keys.</summary>
    public string PageKey { get; } = pagePath.EndsWith(".html", StringComparison.OrdinalIgnoreCase) ? pagePath[..^5] : pagePath;

    /// <summary>Whether <paramref name="name"/> is a dotted Python name (<c>asyncio.Task.cancel</c>).</summary>
    public static bool IsDottedName(string name) => DottedName().IsMatch(name);

    /// <summary>
    /// The inventory's entry for a description's anchor: the same role first, then the same domain; among those, one
    /// shown in search (priority 0 or more) before a hidden one (-1: Sphinx's <c>:canonical:</c> names, see
    /// <see cref="CanonicalNames"/>).
    /// </summary>
    public InventoryEntry? InventoryEntryFor(string anchor, string role)
    {
        if (inventory is null)
        {
            return null;
        }
        var domain = role[..(role.IndexOf(':') + 1)];
        var entries = inventory.At(PagePath, anchor).OrderBy(e => e.Priority < 0).ToList();
        return entries.FirstOrDefault(e => e.Role == role)
            ?? entries.FirstOrDefault(e => e.Role.StartsWith(domain, StringComparison.Ordinal)
                && !e.Role.EndsWith("Param", StringComparison.Ordinal));
    }

    /// <summary>
    /// The other names the inventory gives the object at <paramref name="anchor"/> in the same domain: Sphinx's
    /// <c>:canonical:</c> option records where an object is defined (<c>requests.models.Response</c> for the
    /// <c>requests.Response</c> the docs show), which is the name Python prints for it, as priority -1 entries at the
    /// same place.
    /// </summary>
    public IEnumerable<string> CanonicalNames(string anchor, string role, string key)
    {
        if (inventory is null)
        {
            return [];
        }
        var domain = role[..(role.IndexOf(':') + 1)];
        return inventory.At(PagePath, anchor)
            .Where(e => e.Name != key && e.Role.StartsWith(domain, StringComparison.Ordinal) && !e.Role.EndsWith("Param", StringComparison.Ordinal))
            .Select(e => e.Name);
    }

    /// <summary>
    /// A documented object's topic, or null when it has no key a reader would type: named by the inventory
    /// where it names the anchor, else (Python objects only) by the anchor itself. C-domain and std anchors
    /// (<c>c.PyObject_Call</c>, <c>opcode-NOP</c>) are not keys: only the inventory's names for them are.
    /// </summary>
    /// <param name="enclosingKey">The key of the description this one is nested in, if any.</param>
    /// <param name="pageModules">The modules the page documents, for the parent of a top-level object.</param>
    public Topic? Description(string role, IReadOnlyList<Signature> signatures, Block body, string? enclosingKey,
        IEnumerable<string> pageModules)
    {
        var isPython = role.StartsWith("py:", StringComparison.Ordinal);
        // A Python anchor is a key when it is a dotted name, or when the inventory names it (Jinja's filters are
        // py:function entries called jinja-filters.tojson).
        var named = isPython
            ? signatures.FirstOrDefault(s => s.Anchor is not null && (IsDottedName(s.Anchor) || InventoryEntryFor(s.Anchor, role) is not null))
            : signatures.FirstOrDefault(s => s.Anchor is not null);
        if (named?.Anchor is not { } anchor)
        {
            return null;
        }
        var entry = InventoryEntryFor(anchor, role);
        if (!isPython && entry is null)
        {
            return null;
        }
        var key = entry?.Name ?? anchor;
        var topicRole = entry?.Role ?? role;
        var aliases = signatures
            .Where(s => s.Anchor is not null && s.Anchor != key && s.Anchor != anchor)
            .Select(s => s.Anchor!)
            .Concat(CanonicalNames(anchor, topicRole, key))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return Make(key, TopicKinds.FromSphinxRole(topicRole), key, topicRole, anchor, body, aliases) with
        {
            Signature = signatures.Count > 0 ? signatures[0].Text : null,
            Parent = isPython ? enclosingKey ?? ModuleOf(key, pageModules) : null,
        };
    }

    /// <summary>The longest module name <paramref name="key"/> starts with, among the page's and the inventory's.</summary>
    private string? ModuleOf(string key, IEnumerable<string> pageModules)
    {
        for (var dot = key.LastIndexOf('.'); dot > 0; dot = key.LastIndexOf('.', dot - 1))
        {
            var prefix = key[..dot];
            if (pageModules.Contains(prefix) || (inventory?.ModuleNames.Contains(prefix) ?? false))
            {
                return prefix;
            }
        }
        return null;
    }

    /// <summary>A section no label names: keyed <c>page#anchor</c>.</summary>
    public Topic Section(string anchor, string title, Section block) =>
        Make(SectionKey(anchor), TopicKind.Section, title, role: null, anchor, block);

    public string SectionKey(string anchor) => $"{PageKey}#{anchor}";

    /// <summary>A label's topic: the section it names, titled as the inventory displays the label.</summary>
    public Topic Label(InventoryEntry label, string sectionTitle, string? sectionAnchor, Section block, IReadOnlyList<string> aliases) =>
        Make(label.Name, TopicKind.Label, label.DisplayName != label.Name || sectionTitle.Length == 0 ? label.DisplayName : sectionTitle,
            LabelRole, label.Anchor ?? sectionAnchor, block, aliases);

    /// <summary>The page's own topic, when it documents no module at its top: keyed by its path, titled by its title.</summary>
    public Topic Page(string title, Block body, IReadOnlyList<string> aliases) =>
        Make(PageKey, TopicKind.Page, title.Length > 0 ? title : PageKey, "std:doc", anchor: null, body, aliases);

    /// <summary>A module the page documents: the section that holds its target (the page's top, or one below).</summary>
    public Topic Module(string name, string? anchor, string title, Block body, IReadOnlyList<string> aliases) =>
        Make(name, TopicKind.Module, title.Length > 0 ? title : name, ModuleRole, anchor, body, aliases);

    /// <summary>
    /// A glossary term: keyed as the inventory names the term at its anchor, else by its text; null when neither
    /// gives a key.
    /// </summary>
    public Topic? Term(DefinitionItem item, string? anchor, string text)
    {
        var entry = anchor is null ? null : inventory?.At(PagePath, anchor).FirstOrDefault(e => e.Role == TermRole);
        var key = entry?.Name ?? text;
        return key.Length == 0 ? null
            : Make(key, TopicKind.Term, text.Length > 0 ? text : key, TermRole, anchor, new DefinitionList([item], IsGlossary: true));
    }

    /// <summary>A topic of this page, with what every kind shares: its doc set, page and origin.</summary>
    private Topic Make(string key, TopicKind kind, string title, string? role, string? anchor, Block body, IReadOnlyList<string>? aliases = null) => new()
    {
        Key = key,
        Kind = kind,
        DocSet = docSet.Id,
        Title = title,
        Role = role,
        SourcePage = PagePath,
        Anchor = anchor,
        Aliases = aliases ?? [],
        Body = [body],
        Origin = origin,
    };

    /// <summary>The inventory's modules on this page that <paramref name="known"/> lacks (added to it), in file order.</summary>
    public IEnumerable<(string Name, string? Anchor)> InventoryModules(HashSet<string> known)
    {
        if (inventory is null)
        {
            yield break;
        }
        foreach (var entry in inventory.OnPage(PagePath))
        {
            if (entry.Role == ModuleRole && known.Add(entry.Name))
            {
                yield return (entry.Name, entry.Anchor);
            }
        }
    }

    /// <summary>The inventory's labels at any of <paramref name="ids"/> on this page, each once, in the order of the ids.</summary>
    public List<InventoryEntry> InventoryLabelsAt(IEnumerable<string> ids)
    {
        var labels = new List<InventoryEntry>();
        foreach (var id in ids)
        {
            foreach (var entry in inventory?.At(PagePath, id) ?? [])
            {
                if (entry.Role == LabelRole && !labels.Any(l => l.Name == entry.Name))
                {
                    labels.Add(entry);
                }
            }
        }
        return labels;
    }

    [GeneratedRegex(@"^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex DottedName();
}
