using Help.Core.Model;

namespace Help.Indexer.Sources.Rest;

/// <summary>What the block parser noted for the topic builder, in document order (a parent before its children).</summary>
internal abstract class RestRecord;

/// <summary>A section: its anchor (docutils' id of its title), the labels written before it, its block.</summary>
internal sealed class RestSectionRecord(RestSectionRecord? parent, int level) : RestRecord
{
    public RestSectionRecord? Parent { get; set; } = parent;
    public int Level { get; } = level;
    public string? Anchor { get; set; }
    public string TitleText { get; set; } = "";
    public IReadOnlyList<Inline> Title { get; set; } = [];
    /// <summary>Labels (<c>.. _name:</c>) right before the title, lower-cased as docutils normalizes them.</summary>
    public List<string> Labels { get; } = [];
    public Section Block { get; set; } = null!;
}

/// <summary>An object description: its role, signatures, the description it is nested in, its block.</summary>
internal sealed class RestDescriptionRecord(string role, RestDescriptionRecord? parent, RestSectionRecord? section) : RestRecord
{
    public string Role { get; } = role;
    public RestDescriptionRecord? Parent { get; } = parent;
    public RestSectionRecord? Section { get; } = section;
    public List<Signature> Signatures { get; } = [];
    public Description Block { get; set; } = null!;
    /// <summary>The topic key the builder gave it, for the descriptions nested in this one.</summary>
    public string? Key { get; set; }
}

/// <summary>A glossary term: its item, its anchor (<c>term-</c> and the term made an id), its text.</summary>
internal sealed class RestTermRecord(DefinitionItem item, string anchor, string text) : RestRecord
{
    public DefinitionItem Item { get; } = item;
    public string Anchor { get; } = anchor;
    public string Text { get; } = text;
}

/// <summary>A module the page documents (<c>.. module::</c>).</summary>
internal sealed class RestModuleRecord(string name, string? anchor) : RestRecord
{
    public string Name { get; } = name;
    public string? Anchor { get; } = anchor;
}

/// <summary>Marks where a section title stood while its level's content is being collected.</summary>
internal sealed record SectionStart(RestSectionRecord Record) : Block;
