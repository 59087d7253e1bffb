using Help.Core.Model;
using Help.Indexer.Pipeline;

namespace Help.Indexer.Sources.Inventory;

/// <summary>
/// Makes every name a tree's inventory gives to a Python object or a glossary term reachable, even where the page's
/// markup made no topic of it: the name becomes another name of the topic that holds its anchor
/// (<see cref="TopicLocations"/>). SQLAlchemy's <c>py:parameter</c> entries (<c>sqlalchemy.create_engine.params.echo</c>)
/// land in their function's description; a name documented in markup the importer does not take as a description
/// lands in its section.
/// </summary>
public static class InventoryAliases
{
    public static List<Topic> Add(List<Topic> topics, SphinxInventory inventory, string docSet)
    {
        var keys = topics.Where(t => t.DocSet == docSet).SelectMany(t => t.Aliases.Prepend(t.Key)).ToHashSet(StringComparer.Ordinal);
        var locations = new TopicLocations(topics);
        var added = new Dictionary<int, List<string>>();
        foreach (var entry in inventory.Entries)
        {
            if (!(entry.Role.StartsWith("py:", StringComparison.Ordinal) || entry.Role == "std:term") || keys.Contains(entry.Name)
                || locations.Find(docSet, entry.Page, entry.Anchor) is not { } holder)
            {
                continue;
            }
            (added.TryGetValue(holder, out var names) ? names : added[holder] = []).Add(entry.Name);
            keys.Add(entry.Name);
        }
        foreach (var (index, names) in added)
        {
            topics[index] = topics[index] with { Aliases = [.. topics[index].Aliases, .. names] };
        }
        return topics;
    }
}
