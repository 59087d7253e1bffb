using System.Text.RegularExpressions;
using Help.Core.Model;
using Help.Indexer.Pipeline;
using Help.Indexer.Sources.Inventory;

namespace Help.Indexer.Sources.Rest;

/// <summary>
/// Turns one parsed reST document into the topics <see cref="Sphinx.SphinxHtmlImporter"/> makes from
/// the HTML built from it: the same keys, kinds, titles, parents, anchors and aliases, by the same
/// rules (see <c>SphinxTopicBuilder</c>), read from the parser's records instead of element ids.
/// </summary>
internal sealed partial class RestTopicBuilder
{
    private const string LabelRole = PageTopics.LabelRole;
    private const string ModuleRole = PageTopics.ModuleRole;

    private readonly string _pagePath;
    private readonly SphinxInventory? _inventory;
    private readonly Diagnostics _diagnostics;
    private readonly string _origin;
    private readonly PageTopics _page;
    private readonly List<Topic> _topics = [];
    private readonly HashSet<(string Key, TopicKind Kind)> _seen = [];

    public RestTopicBuilder(string pagePath, string origin, DocSet docSet, SphinxInventory? inventory, Diagnostics diagnostics)
    {
        _pagePath = pagePath;
        _origin = origin;
        _inventory = inventory;
        _diagnostics = diagnostics;
        _page = new PageTopics(pagePath, origin, docSet, inventory);
    }

    public IReadOnlyList<Topic> Build(RestSectionRecord top, RestBlockParser parser)
    {
        var modules = Modules(parser.Records);
        AddPage(top, modules, LabelsAt(top));
        foreach (var record in parser.Records)
        {
            switch (record)
            {
                case RestSectionRecord section when !ReferenceEquals(section, top):
                    AddSection(section);
                    break;
                case RestDescriptionRecord description:
                    AddDescription(description, modules);
                    break;
                case RestTermRecord term:
                    AddTerm(term);
                    break;
            }
        }
        AddInventoryLabels(top, parser);
        return _topics;
    }

    private void AddPage(RestSectionRecord top, List<(string Name, string? Anchor)> modules, List<InventoryEntry> topLabels)
    {
        var labelNames = topLabels.Select(l => l.Name).ToList();
        if (modules.Count == 0)
        {
            Add(_page.Page(top.TitleText, top.Block, labelNames));
            return;
        }
        for (var i = 0; i < modules.Count; i++)
        {
            Add(_page.Module(modules[i].Name, modules[i].Anchor, top.TitleText, top.Block, i == 0 ? [_page.PageKey, .. labelNames] : []));
        }
    }

    /// <summary>The page's <c>module</c> directives (with an inventory, those it places here), then inventory modules on the page.</summary>
    private List<(string Name, string? Anchor)> Modules(List<RestRecord> records)
    {
        var modules = new List<(string, string?)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var module in records.OfType<RestModuleRecord>())
        {
            if (module.Anchor is null || !PageTopics.IsDottedName(module.Name))
            {
                continue;
            }
            var isModule = _inventory is null || _inventory.At(_pagePath, module.Anchor).Any(e => e.Role == ModuleRole && e.Name == module.Name);
            if (isModule && names.Add(module.Name))
            {
                modules.Add((module.Name, module.Anchor));
            }
        }
        modules.AddRange(_page.InventoryModules(names));
        return modules;
    }

    private void AddDescription(RestDescriptionRecord record, List<(string Name, string? Anchor)> modules)
    {
        var enclosing = record.Parent;
        while (enclosing is not null && enclosing.Key is null)
        {
            enclosing = enclosing.Parent;
        }
        if (_page.Description(record.Role, record.Signatures, record.Block, enclosing?.Key, modules.Select(m => m.Name)) is { } topic)
        {
            record.Key = topic.Key;
            Add(topic);
        }
    }

    private void AddSection(RestSectionRecord section)
    {
        if (section.Anchor is null)
        {
            return;
        }
        var sectionKey = _page.SectionKey(section.Anchor);
        var labels = LabelsAt(section);
        if (labels.Count == 0)
        {
            Add(_page.Section(section.Anchor, section.TitleText, section.Block));
            return;
        }
        for (var i = 0; i < labels.Count; i++)
        {
            AddLabel(labels[i], section, i == 0 ? [sectionKey] : []);
        }
    }

    private void AddLabel(InventoryEntry label, RestSectionRecord section, IReadOnlyList<string> aliases) =>
        Add(_page.Label(label, section.TitleText, section.Anchor, section.Block, aliases));

    /// <summary>The labels that name a section: with an inventory, its labels at the section's or the label targets' ids; else the labels written before it.</summary>
    private List<InventoryEntry> LabelsAt(RestSectionRecord section)
    {
        var labels = new List<InventoryEntry>();
        var ids = new List<string>();
        if (section.Anchor is not null)
        {
            ids.Add(section.Anchor);
        }
        ids.AddRange(section.Labels.Select(RestIds.Make));
        if (_inventory is not null)
        {
            return _page.InventoryLabelsAt(ids);
        }
        foreach (var id in ids.Skip(section.Anchor is null ? 0 : 1))
        {
            if (id != section.Anchor && !GeneratedId().IsMatch(id) && !labels.Any(l => l.Name == id))
            {
                labels.Add(new InventoryEntry(id, LabelRole, -1, _pagePath, id, id));
            }
        }
        return labels;
    }

    private void AddInventoryLabels(RestSectionRecord top, RestBlockParser parser)
    {
        if (_inventory is null)
        {
            foreach (var label in LabelsAt(top))
            {
                AddLabel(label, top, []);
            }
            return;
        }
        var sectionOfId = new Dictionary<string, RestSectionRecord>(StringComparer.Ordinal);
        foreach (var record in parser.Records)
        {
            switch (record)
            {
                case RestSectionRecord s when s.Anchor is not null:
                    sectionOfId.TryAdd(s.Anchor, s);
                    break;
                case RestDescriptionRecord d:
                    foreach (var sig in d.Signatures)
                    {
                        if (sig.Anchor is not null)
                        {
                            sectionOfId.TryAdd(sig.Anchor, d.Section ?? top);
                        }
                    }
                    break;
            }
        }
        foreach (var (name, section) in parser.LabelSections)
        {
            sectionOfId.TryAdd(RestIds.Make(name), section ?? top);
        }
        foreach (var entry in _inventory.OnPage(_pagePath))
        {
            if (entry.Role != LabelRole || _seen.Contains((entry.Name, TopicKind.Label)))
            {
                continue;
            }
            RestSectionRecord? section;
            if (string.IsNullOrEmpty(entry.Anchor))
            {
                section = top;
            }
            else if (!sectionOfId.TryGetValue(entry.Anchor, out section))
            {
                _diagnostics.Warn(_origin, $"label '{entry.Name}' points at #{entry.Anchor}, which the page lacks");
                continue;
            }
            AddLabel(entry, section, []);
        }
    }

    private void AddTerm(RestTermRecord term)
    {
        if (_page.Term(term.Item, term.Anchor, term.Text) is { } topic)
        {
            Add(topic);
        }
    }

    private void Add(Topic topic)
    {
        if (_seen.Add((topic.Key, topic.Kind)))
        {
            _topics.Add(topic);
        }
    }


    [GeneratedRegex(@"^(id\d+|index-\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex GeneratedId();
}
