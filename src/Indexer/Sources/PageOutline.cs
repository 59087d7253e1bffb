using Help.Core.Model;

namespace Help.Indexer.Sources;

/// <summary>
/// What an importer noted of one page while it built the page's blocks: its sections, object descriptions, glossary
/// terms and module targets, in document order (a record before the records inside it), and its element ids. The
/// Sphinx HTML importer reads these from the page's elements, the reST importer from the directives and targets it
/// parses; <see cref="PageTopicBuilder"/> makes the page's topics from them the same way for both.
/// </summary>
internal sealed class PageOutline(SectionRecord top)
{
    /// <summary>The page's top section: its one top-level section, or a section made for the whole page.</summary>
    public SectionRecord Top { get; } = top;

    /// <summary>Every record but <see cref="Top"/>, in document order.</summary>
    public List<PageRecord> Records { get; } = [];

    /// <summary>
    /// The page's element ids in document order, each with the innermost section or description around it (null for
    /// the top level): where an index entry, a link to <c>page#id</c> or an in-text target lands.
    /// </summary>
    public List<(string Id, PageRecord? Holder)> Ids { get; } = [];
}

/// <summary>One thing on a page that may become a topic.</summary>
internal abstract class PageRecord(PageRecord? container)
{
    /// <summary>The section or description this one sits in; null at the page's top level.</summary>
    public PageRecord? Container { get; } = container;

    /// <summary>The innermost section this record is, or sits in; null for the page's top level.</summary>
    public SectionRecord? Section
    {
        get
        {
            for (var record = this; record is not null; record = record.Container)
            {
                if (record is SectionRecord section)
                {
                    return section;
                }
            }
            return null;
        }
    }
}

/// <summary>A section: its anchor, the ids that name it, its title and block.</summary>
internal sealed class SectionRecord(SectionRecord? parent) : PageRecord(parent)
{
    /// <summary>The section's own id (its element's id, its block's anchor).</summary>
    public string? Anchor { get; set; }

    /// <summary>
    /// The section's own id, then the ids of the targets at its start (its title's id, labels written before its
    /// heading, a module target that opens it): where a label that names the section points.
    /// </summary>
    public List<string> StartIds { get; } = [];

    public string TitleText { get; set; } = "";
    public Section Block { get; set; } = null!;
}

/// <summary>An object description: its role, signatures and block.</summary>
internal sealed class DescriptionRecord(string role, PageRecord? container) : PageRecord(container)
{
    public string Role { get; } = role;
    public List<Signature> Signatures { get; } = [];
    public Description Block { get; set; } = null!;

    /// <summary>The topic key the builder gave it, for the descriptions nested in this one.</summary>
    public string? Key { get; set; }

    /// <summary>The innermost description around this one that was given a key.</summary>
    public DescriptionRecord? EnclosingKeyed
    {
        get
        {
            for (var record = Container as DescriptionRecord; record is not null; record = record.Container as DescriptionRecord)
            {
                if (record.Key is not null)
                {
                    return record;
                }
            }
            return null;
        }
    }
}

/// <summary>One glossary term: the anchor of its own term, its text, the glossary item it heads.</summary>
/// <remarks>Noted before its definition is read (so that it precedes what the definition holds), given its item after.</remarks>
internal sealed class TermRecord(string? anchor, string text, PageRecord? container) : PageRecord(container)
{
    public DefinitionItem Item { get; set; } = null!;
    public string? Anchor { get; } = anchor;
    public string Text { get; } = text;
}

/// <summary>A module target (<c>.. module::</c>, an element <c>id="module-NAME"</c>): the module the page documents there.</summary>
internal sealed class ModuleRecord(string name, string anchor, PageRecord? container) : PageRecord(container)
{
    public string Name { get; } = name;
    public string Anchor { get; } = anchor;
}
