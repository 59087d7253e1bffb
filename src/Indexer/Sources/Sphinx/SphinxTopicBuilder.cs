using System.Text.RegularExpressions;
using AngleSharp.Dom;
using Help.Core.Model;
using Help.Indexer.Pipeline;
using Help.Indexer.Sources.Inventory;

namespace Help.Indexer.Sources.Sphinx;

/// <summary>
/// Turns one converted page into topics: the page (or its modules), its object descriptions, its
/// sections and labels, and its glossary terms. Every topic's body holds the very block instances
/// that sit in the page's tree, so the table writer can store each nested body once.
/// </summary>
internal sealed partial class SphinxTopicBuilder
{
    private const string LabelRole = PageTopics.LabelRole;
    private const string ModuleRole = PageTopics.ModuleRole;

    private readonly string _pagePath;
    private readonly SphinxInventory? _inventory;
    private readonly Diagnostics _diagnostics;
    private readonly PageTopics _page;
    private readonly List<Topic> _topics = [];
    private readonly HashSet<(string Key, TopicKind Kind)> _seen = [];
    // The first topic made of each section or description element: the one that holds the ids inside it.
    private readonly Dictionary<IElement, int> _topicOfElement = [];

    public SphinxTopicBuilder(string pagePath, DocSet docSet, SphinxInventory? inventory, Diagnostics diagnostics)
    {
        _pagePath = pagePath;
        _inventory = inventory;
        _diagnostics = diagnostics;
        _page = new PageTopics(pagePath, pagePath, docSet, inventory);
    }

    public IReadOnlyList<Topic> Build(IElement body, SectionRecord top, SphinxBlockConverter converter)
    {
        var withIds = body.QuerySelectorAll("[id]").ToList();
        var sectionOfId = SectionsById(withIds, body, top, converter.SectionsByElement);
        var modules = Modules(withIds, sectionOfId);
        var topLabels = LabelsAt(top);

        AddPage(top, modules, topLabels, sectionOfId);
        foreach (var record in converter.Records)
        {
            switch (record)
            {
                case SectionRecord section when !ReferenceEquals(section, top):
                    AddSection(section);
                    break;
                case DescriptionRecord description:
                    AddDescription(description, modules);
                    break;
                case TermRecord term:
                    AddTerm(term);
                    break;
            }
        }
        AddInventoryLabels(top, sectionOfId);
        AssignAnchors(withIds, body, top);
        return _topics;
    }

    /// <summary>
    /// Gives each topic the ids inside it that no topic nested in it holds (<see cref="Topic.Anchors"/>): where an
    /// index entry, a link to <c>page#id</c> or an in-text target lands.
    /// </summary>
    private void AssignAnchors(List<IElement> withIds, IElement body, SectionRecord top)
    {
        var held = new Dictionary<int, List<string>>();
        foreach (var element in withIds)
        {
            int? holder = null;
            for (var e = element; e is not null; e = ReferenceEquals(e, body) ? null : e.ParentElement)
            {
                if (_topicOfElement.TryGetValue(ReferenceEquals(e, body) ? top.Element : e, out var index))
                {
                    holder = index;
                    break;
                }
            }
            if (holder is { } h && element.Id is { Length: > 0 } id && id != _topics[h].Anchor)
            {
                (held.TryGetValue(h, out var ids) ? ids : held[h] = []).Add(id);
            }
        }
        foreach (var (index, ids) in held)
        {
            _topics[index] = _topics[index] with { Anchors = ids.Distinct(StringComparer.Ordinal).ToList() };
        }
    }

    // --- 1. The page, or its modules.

    /// <summary>
    /// The page's own topic: its module (or modules) when it documents one at its top, else the page. A module whose
    /// target sits in a section below the top (<c>distutils.dir_util</c> in <c>distutils/apiref</c>) is that section,
    /// not the whole page.
    /// </summary>
    private void AddPage(SectionRecord top, List<(string Name, string? Anchor)> modules, List<InventoryEntry> topLabels,
        Dictionary<string, SectionRecord> sectionOfId)
    {
        SectionRecord SectionOf((string Name, string? Anchor) module) =>
            module.Anchor is not null && sectionOfId.TryGetValue(module.Anchor, out var section) ? section : top;
        var atTop = modules.Where(m => ReferenceEquals(SectionOf(m), top)).ToList();
        var labelNames = topLabels.Select(l => l.Name).ToList();
        if (atTop.Count == 0)
        {
            Add(_page.Page(top.TitleText, top.Block, labelNames), top.Element);
        }
        for (var i = 0; i < atTop.Count; i++)
        {
            // The page path and the top labels name the page: they go to its first module only.
            Add(_page.Module(atTop[i].Name, atTop[i].Anchor, top.TitleText, top.Block, i == 0 ? [_page.PageKey, .. labelNames] : []), top.Element);
        }
        foreach (var module in modules.Except(atTop))
        {
            var section = SectionOf(module);
            Add(_page.Module(module.Name, module.Anchor, section.TitleText, section.Block, []), section.Element);
        }
    }

    /// <summary>
    /// The modules a page documents: its <c>module-</c> targets, then inventory modules on the page. A
    /// section titled "Module functions" also gets the id <c>module-functions</c>: with an inventory only
    /// the modules it places at this page and anchor count, without one an id that is its section's
    /// title made an id does not.
    /// </summary>
    private List<(string Name, string? Anchor)> Modules(List<IElement> withIds, Dictionary<string, SectionRecord> sectionOfId)
    {
        var modules = new List<(string, string?)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var element in withIds)
        {
            if (element.Id is not { } id || !id.StartsWith(SphinxSelectors.ModuleIdPrefix, StringComparison.Ordinal))
            {
                continue;
            }
            var name = id[SphinxSelectors.ModuleIdPrefix.Length..];
            if (name.Length == 0 || !PageTopics.IsDottedName(name))
            {
                continue;
            }
            var isModule = _inventory is not null
                ? _inventory.At(_pagePath, id).Any(e => e.Role == ModuleRole && e.Name == name)
                : !(sectionOfId.TryGetValue(id, out var section) && Rest.RestIds.Make(section.TitleText) == id);
            if (isModule && names.Add(name))
            {
                modules.Add((name, id));
            }
        }
        modules.AddRange(_page.InventoryModules(names));
        return modules;
    }

    // --- 2. Object descriptions.

    private void AddDescription(DescriptionRecord record, List<(string Name, string? Anchor)> modules)
    {
        var enclosing = record.Parent;
        while (enclosing is not null && enclosing.Key is null)
        {
            enclosing = enclosing.Parent;
        }
        if (_page.Description(record.Role, record.Signatures, record.Block, enclosing?.Key, modules.Select(m => m.Name)) is { } topic)
        {
            record.Key = topic.Key;
            Add(topic, record.Element);
        }
    }

    // --- 3. Sections and labels.

    private void AddSection(SectionRecord section)
    {
        if (section.Anchor is null)
        {
            return;
        }
        var sectionKey = _page.SectionKey(section.Anchor);
        var labels = LabelsAt(section);
        if (labels.Count == 0)
        {
            Add(_page.Section(section.Anchor, section.TitleText, section.Block), section.Element);
            return;
        }
        // Each label is a topic of its own (pydoc looks labels up by name); the first also answers
        // to the section's page#anchor key.
        for (var i = 0; i < labels.Count; i++)
        {
            AddLabel(labels[i], section, i == 0 ? [sectionKey] : []);
        }
    }

    private void AddLabel(InventoryEntry label, SectionRecord section, IReadOnlyList<string> aliases) =>
        Add(_page.Label(label, section.TitleText, section.Anchor, section.Block, aliases), section.Element);

    /// <summary>
    /// The labels that name a section: inventory labels at its id or at the targets before its heading.
    /// Without an inventory, those targets' ids, less the ones docutils makes up.
    /// </summary>
    private List<InventoryEntry> LabelsAt(SectionRecord section)
    {
        if (_inventory is not null)
        {
            return _page.InventoryLabelsAt(section.StartIds);
        }
        var labels = new List<InventoryEntry>();
        var titleId = Rest.RestIds.Make(section.TitleText);
        foreach (var id in section.StartIds)
        {
            if (id != section.Anchor && id != titleId && !GeneratedId().IsMatch(id)
                && !id.StartsWith(SphinxSelectors.ModuleIdPrefix, StringComparison.Ordinal))
            {
                labels.Add(new InventoryEntry(id, LabelRole, -1, _pagePath, id, id));
            }
        }
        return labels;
    }

    /// <summary>Label topics for every inventory label into this page not yet made: the section each one falls in.</summary>
    private void AddInventoryLabels(SectionRecord top, Dictionary<string, SectionRecord> sectionOfId)
    {
        if (_inventory is null)
        {
            foreach (var label in LabelsAt(top))
            {
                AddLabel(label, top, []);
            }
            return;
        }
        foreach (var entry in _inventory.OnPage(_pagePath))
        {
            if (entry.Role != LabelRole || _seen.Contains((entry.Name, TopicKind.Label)))
            {
                continue;
            }
            SectionRecord? section;
            if (string.IsNullOrEmpty(entry.Anchor))
            {
                section = top;
            }
            else if (!sectionOfId.TryGetValue(entry.Anchor, out section))
            {
                _diagnostics.Warn(_pagePath, $"label '{entry.Name}' points at #{entry.Anchor}, which the page lacks");
                continue;
            }
            AddLabel(entry, section, []);
        }
    }

    /// <summary>For each id in the body, the innermost section around it (the top section for ids outside all).</summary>
    private static Dictionary<string, SectionRecord> SectionsById(
        List<IElement> withIds, IElement body, SectionRecord top, Dictionary<IElement, SectionRecord> sections)
    {
        var result = new Dictionary<string, SectionRecord>(StringComparer.Ordinal);
        foreach (var element in withIds)
        {
            var id = element.Id;
            if (string.IsNullOrEmpty(id) || result.ContainsKey(id))
            {
                continue;
            }
            var section = top;
            for (var e = element; e is not null && !ReferenceEquals(e, body); e = e.ParentElement)
            {
                if (sections.TryGetValue(e, out var found))
                {
                    section = found;
                    break;
                }
            }
            result[id] = section;
        }
        return result;
    }

    // --- 4. Glossary terms.

    private void AddTerm(TermRecord term)
    {
        if (_page.Term(term.Item, term.Anchor, term.Text) is { } topic)
        {
            Add(topic);
        }
    }

    private void Add(Topic topic, IElement? element = null)
    {
        if (_seen.Add((topic.Key, topic.Kind)))
        {
            if (element is not null)
            {
                _topicOfElement.TryAdd(element, _topics.Count);
            }
            _topics.Add(topic);
        }
    }


    /// <summary>Ids docutils and Sphinx generate: <c>id3</c>, <c>index-0</c>.</summary>
    [GeneratedRegex(@"^(id\d+|index-\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex GeneratedId();
}
