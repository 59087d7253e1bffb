using AngleSharp.Dom;
using Help.Core.Model;

namespace Help.Indexer.Sources.Sphinx;

/// <summary>What the converter noted while it built a page's blocks, in document order, for the topic builder.</summary>
internal abstract class PageRecord;

/// <summary>A section: its block, its anchor, and the ids at its start (where label targets sit).</summary>
internal sealed class SectionRecord(IElement element, SectionRecord? parent) : PageRecord
{
    public IElement Element { get; } = element;
    public SectionRecord? Parent { get; } = parent;
    public string? Anchor { get; set; }
    /// <summary>The section's own id, then the ids of the targets before its heading, in order.</summary>
    public List<string> StartIds { get; } = [];
    public string TitleText { get; set; } = "";
    public Section Block { get; set; } = null!;
}

/// <summary>An object description: its element, role, signatures, block and the description it is nested in.</summary>
internal sealed class DescriptionRecord(IElement element, string role, DescriptionRecord? parent) : PageRecord
{
    public IElement Element { get; } = element;
    public string Role { get; } = role;
    public DescriptionRecord? Parent { get; } = parent;
    public List<Signature> Signatures { get; } = [];
    public Description Block { get; set; } = null!;
    /// <summary>The topic key given by the topic builder, for the descriptions nested in this one.</summary>
    public string? Key { get; set; }
}

/// <summary>One glossary term: an item of a glossary and the anchor of its own <c>dt</c>.</summary>
internal sealed class TermRecord(DefinitionItem item, string? anchor, string text) : PageRecord
{
    public DefinitionItem Item { get; } = item;
    public string? Anchor { get; } = anchor;
    public string Text { get; } = text;
}
