using System.Text.RegularExpressions;
using Help.Core.Model;
using Help.Indexer.Pipeline;
using Help.Indexer.Sources.Inventory;

namespace Help.Indexer.Sources;

/// <summary>
/// Turns one page's outline into topics, the same for a page read as Sphinx HTML and as its reST source: the page
/// (or its modules), its object descriptions, its sections and labels, its glossary terms, then the ids each topic
/// holds. Every topic's body holds the very block instances that sit in the page's tree, so the table writer can
/// store each nested body once. One instance per page.
/// </summary>
internal sealed partial class PageTopicBuilder
{
    private readonly string _origin;
    private readonly SphinxInventory? _inventory;
    private readonly Diagnostics _diagnostics;
    private readonly PageTopics _page;
    private readonly List<Topic> _topics = [];
    private readonly HashSet<(string Key, TopicKind Kind)> _seen = [];
    // The first topic made of each section or description: the one that holds the ids inside it.
    private readonly Dictionary<PageRecord, int> _topicOfRecord = [];

    /// <param name="pagePath">The HTML page, relative to the doc root: <c>library/json.html</c>.</param>
    /// <param name="origin">The file read, for diagnostics and <see cref="Topic.Origin"/>.</param>
    public PageTopicBuilder(string pagePath, string origin, DocSet docSet, SphinxInventory? inventory, Diagnostics diagnostics)
    {
        _origin = origin;
        _inventory = inventory;
        _diagnostics = diagnostics;
        _page = new PageTopics(pagePath, origin, docSet, inventory);
    }

    public IReadOnlyList<Topic> Build(PageOutline outline)
    {
        var top = outline.Top;
        var sectionOfId = SectionsById(outline);
        var modules = Modules(outline, sectionOfId);

        AddPage(top, modules);
        foreach (var record in outline.Records)
        {
            switch (record)
            {
                case SectionRecord section:
                    AddSection(section);
                    break;
                case DescriptionRecord description:
                    AddDescription(description, modules);
                    break;
                case TermRecord term when _page.Term(term.Item, term.Anchor, term.Text) is { } topic:
                    Add(topic);
                    break;
            }
        }
        AddInventoryLabels(top, sectionOfId);
        AssignAnchors(outline);
        return _topics;
    }

    // --- 1. The page, or its modules.

    /// <summary>
    /// The page's own topic: its module (or modules) when it documents one at its top, else the page. A module whose
    /// target sits in a section below the top (<c>json.tool</c> in <c>library/json</c>) is that section, not the
    /// whole page.
    /// </summary>
    private void AddPage(SectionRecord top, List<(string Name, string? Anchor, SectionRecord Section)> modules)
    {
        var atTop = modules.Where(m => ReferenceEquals(m.Section, top)).ToList();
        var labelNames = LabelsAt(top).Select(l => l.Name).ToList();
        if (atTop.Count == 0)
        {
            Add(_page.Page(top.TitleText, top.Block, labelNames), top);
        }
        for (var i = 0; i < atTop.Count; i++)
        {
            // The page path and the top labels name the page: they go to its first module only.
            Add(_page.Module(atTop[i].Name, atTop[i].Anchor, top.TitleText, top.Block, i == 0 ? [_page.PageKey, .. labelNames] : []), top);
        }
        foreach (var (name, anchor, section) in modules.Except(atTop))
        {
            Add(_page.Module(name, anchor, section.TitleText, section.Block, []), section);
        }
    }

    /// <summary>
    /// The modules a page documents: its module targets (with an inventory, those it places at this page and
    /// anchor), then the inventory's modules on the page; each with the section its target sits in.
    /// </summary>
    private List<(string Name, string? Anchor, SectionRecord Section)> Modules(PageOutline outline, Dictionary<string, SectionRecord> sectionOfId)
    {
        var modules = new List<(string, string?, SectionRecord)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var module in outline.Records.OfType<ModuleRecord>())
        {
            var placed = _inventory is null
                || _inventory.At(_page.PagePath, module.Anchor).Any(e => e.Role == PageTopics.ModuleRole && e.Name == module.Name);
            if (placed && PageTopics.IsDottedName(module.Name) && names.Add(module.Name))
            {
                modules.Add((module.Name, module.Anchor, SectionAt(module.Anchor, sectionOfId, outline.Top)));
            }
        }
        foreach (var (name, anchor) in _page.InventoryModules(names))
        {
            modules.Add((name, anchor, SectionAt(anchor, sectionOfId, outline.Top)));
        }
        return modules;
    }

    // --- 2. Object descriptions.

    private void AddDescription(DescriptionRecord record, List<(string Name, string? Anchor, SectionRecord Section)> modules)
    {
        if (_page.Description(record.Role, record.Signatures, record.Block, record.EnclosingKeyed?.Key, modules.Select(m => m.Name)) is { } topic)
        {
            record.Key = topic.Key;
            Add(topic, record);
        }
    }

    // --- 3. Sections and labels.

    private void AddSection(SectionRecord section)
    {
        if (section.Anchor is null)
        {
            return;
        }
        var labels = LabelsAt(section);
        if (labels.Count == 0)
        {
            Add(_page.Section(section.Anchor, section.TitleText, section.Block), section);
            return;
        }
        // Each label is a topic of its own (pydoc looks labels up by name); the first also answers
        // to the section's page#anchor key.
        for (var i = 0; i < labels.Count; i++)
        {
            AddLabel(labels[i], section, i == 0 ? [_page.SectionKey(section.Anchor)] : []);
        }
    }

    private void AddLabel(InventoryEntry label, SectionRecord section, IReadOnlyList<string> aliases) =>
        Add(_page.Label(label, section.TitleText, section.Anchor, section.Block, aliases), section);

    /// <summary>
    /// The labels that name a section: inventory labels at its id or at the targets at its start. Without an
    /// inventory, those targets' ids, less the ones docutils makes up (its title's id, <c>id3</c>, <c>index-0</c>,
    /// a module's target).
    /// </summary>
    private List<InventoryEntry> LabelsAt(SectionRecord section)
    {
        if (_inventory is not null)
        {
            return _page.InventoryLabelsAt(section.StartIds);
        }
        var labels = new List<InventoryEntry>();
        var titleId = Rest.RestIds.Make(section.TitleText);
        foreach (var id in section.StartIds.Distinct(StringComparer.Ordinal))
        {
            if (id != section.Anchor && id != titleId && !GeneratedId().IsMatch(id) && !id.StartsWith(PageTopics.ModuleIdPrefix, StringComparison.Ordinal))
            {
                labels.Add(new InventoryEntry(id, PageTopics.LabelRole, -1, _page.PagePath, id, id));
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
        foreach (var entry in _inventory.OnPage(_page.PagePath))
        {
            if (entry.Role != PageTopics.LabelRole || _seen.Contains((entry.Name, TopicKind.Label)))
            {
                continue;
            }
            if (!string.IsNullOrEmpty(entry.Anchor) && !sectionOfId.ContainsKey(entry.Anchor))
            {
                _diagnostics.Warn(_origin, $"label '{entry.Name}' points at #{entry.Anchor}, which the page lacks");
                continue;
            }
            AddLabel(entry, SectionAt(entry.Anchor, sectionOfId, top), []);
        }
    }

    /// <summary>For each id on the page, the innermost section around it (the top for the ids outside all).</summary>
    private static Dictionary<string, SectionRecord> SectionsById(PageOutline outline)
    {
        var result = new Dictionary<string, SectionRecord>(StringComparer.Ordinal);
        foreach (var (id, holder) in outline.Ids)
        {
            result.TryAdd(id, holder?.Section ?? outline.Top);
        }
        return result;
    }

    private static SectionRecord SectionAt(string? anchor, Dictionary<string, SectionRecord> sectionOfId, SectionRecord top) =>
        anchor is { Length: > 0 } && sectionOfId.TryGetValue(anchor, out var section) ? section : top;

    // --- 4. The ids each topic holds.

    /// <summary>
    /// Gives each topic the ids inside it that no topic nested in it holds (<see cref="Topic.Anchors"/>): a record that
    /// made no topic passes its ids to the record around it.
    /// </summary>
    private void AssignAnchors(PageOutline outline)
    {
        var held = new Dictionary<int, List<string>>();
        foreach (var (id, holder) in outline.Ids)
        {
            if (HolderOf(holder, outline.Top) is { } index && id != _topics[index].Anchor)
            {
                (held.TryGetValue(index, out var ids) ? ids : held[index] = []).Add(id);
            }
        }
        foreach (var (index, ids) in held)
        {
            _topics[index] = _topics[index] with { Anchors = ids.Distinct(StringComparer.Ordinal).ToList() };
        }
    }

    /// <summary>The first topic made of the record, or of the nearest record around it that made one, or of the top.</summary>
    private int? HolderOf(PageRecord? record, SectionRecord top)
    {
        for (var r = record; r is not null; r = r.Container)
        {
            if (_topicOfRecord.TryGetValue(r, out var index))
            {
                return index;
            }
        }
        return _topicOfRecord.TryGetValue(top, out var atTop) ? atTop : null;
    }

    private void Add(Topic topic, PageRecord? record = null)
    {
        if (_seen.Add((topic.Key, topic.Kind)))
        {
            if (record is not null)
            {
                _topicOfRecord.TryAdd(record, _topics.Count);
            }
            _topics.Add(topic);
        }
    }

    /// <summary>Ids docutils and Sphinx generate: <c>id3</c>, <c>index-0</c>.</summary>
    [GeneratedRegex(@"^(id\d+|index-\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex GeneratedId();
}
