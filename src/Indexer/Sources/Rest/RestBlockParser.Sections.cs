using Help.Core.Model;

namespace Help.Indexer.Sources.Rest;

// Sections and the page outline: titles, their levels and ids, and the ids noted for the topic builder.
internal sealed partial class RestBlockParser
{
    /// <summary>Notes an element id at this point of the document (a target, a term's anchor, a signature's): the innermost record, or <paramref name="holder"/>, holds it.</summary>
    internal void NoteId(string id, PageRecord? holder = null) => NotedIds.Add((id, holder ?? Container));

    /// <summary>Notes a section's own id first among the ids at its start (as its element's id comes before the targets in it).</summary>
    private void NoteSectionId(SectionRecord section, string id)
    {
        var first = NotedIds.FindIndex(e => e.Holder == section);
        NotedIds.Insert(first < 0 ? NotedIds.Count : first, (id, section));
    }

    /// <summary>Notes an object description and its signatures' anchors, which it holds.</summary>
    internal void NoteDescription(DescriptionRecord record)
    {
        Records.Add(record);
        foreach (var signature in record.Signatures)
        {
            if (signature.Anchor is { } id)
            {
                NoteId(id, record);
            }
        }
    }

    /// <summary>
    /// Notes a module the page documents, and its target. A module target right after a section's title opens that
    /// section: its id becomes the section's first (Sphinx's MoveModuleTargets transform), so <c>#module-json</c> is
    /// the section. Elsewhere it is an id inside.
    /// </summary>
    internal void NoteModule(string name, List<Block> blocks)
    {
        var id = PageTopics.ModuleIdPrefix + name;
        Records.Add(new ModuleRecord(name, id, Container));
        if (CurrentDescription is null && CurrentSection is { } section && blocks is [.., SectionStart start] && ReferenceEquals(start.Record, section))
        {
            section.Anchor = id;
            section.StartIds.Insert(0, id);
            NoteSectionId(section, id);
            return;
        }
        NoteId(id);
    }

    // --- Sections (docutils spec, "Sections"): a title underlined, or over- and underlined, with one character.

    private static bool TryTitle(string[] lines, int i, out string title, out (char, bool) style, out int consumed)
    {
        title = "";
        style = default;
        consumed = 0;
        var line = lines[i];
        if (IsAdornment(line) && i + 2 < lines.Length && lines[i + 1].Length > 0 && lines[i + 2] == line.TrimEnd()
            && !IsAdornment(lines[i + 1]))
        {
            title = lines[i + 1].Trim();
            style = (line[0], true);
            consumed = 3;
            return true;
        }
        if (!IsAdornment(line) && i + 1 < lines.Length && IsAdornment(lines[i + 1])
            && (lines[i + 1].Length >= 4 || lines[i + 1].Length >= line.Trim().Length))
        {
            title = line.Trim();
            style = (lines[i + 1][0], false);
            consumed = 2;
            return true;
        }
        return false;
    }

    /// <summary>A line of one repeated punctuation character (at least two; docutils' adornment characters).</summary>
    internal static bool IsAdornment(string line)
    {
        if (line.Length < 2 || !"!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~".Contains(line[0]))
        {
            return false;
        }
        foreach (var c in line)
        {
            if (c != line[0])
            {
                return false;
            }
        }
        return true;
    }

    private static bool IsTransition(string[] lines, int i) =>
        IsAdornment(lines[i]) && lines[i].Length >= 4
        && (i == 0 || lines[i - 1].Length == 0) && (i + 1 >= lines.Length || lines[i + 1].Length == 0);

    private SectionStart StartSection(string titleText, (char, bool) style, List<string> labels)
    {
        var level = _sectionStyles.IndexOf(style);
        if (level < 0)
        {
            _sectionStyles.Add(style);
            level = _sectionStyles.Count - 1;
        }
        (SectionRecord Record, int Level)? parent = _openSections.Count > 0 ? _openSections[^1] : null;
        while (parent is not null && parent.Value.Level >= level)
        {
            _openSections.RemoveAt(_openSections.Count - 1);
            parent = _openSections.Count > 0 ? _openSections[^1] : null;
        }
        var title = ParseInlines(titleText);
        var record = new SectionRecord(parent?.Record)
        {
            TitleText = Help.Indexer.Sources.Sphinx.SphinxInlines.PlainText(title),
        };
        record.Anchor = Ids.Unique(record.TitleText);
        record.StartIds.Add(record.Anchor);
        // The labels written right before the title name this section: they were noted where they stood.
        foreach (var id in labels.Select(RestIds.Make))
        {
            var noted = NotedIds.FindLastIndex(e => e.Id == id);
            if (noted >= 0)
            {
                NotedIds[noted] = (id, record);
            }
            record.StartIds.Add(id);
        }
        Records.Add(record);
        CurrentSection = record;
        NoteSectionId(record, record.Anchor);
        _openSections.Add((record, level));
        return new SectionStart(record, level, title);
    }

    /// <summary>
    /// Sphinx's SortIds transform: a section with several ids whose first starts with <c>id</c> (docutils' <c>id1</c>,
    /// made when a label took its title's id) has that one last, so the label's id is the section's.
    /// </summary>
    private void SortIds(SectionRecord record)
    {
        if (record.StartIds is [var first, _, ..] && first.StartsWith("id", StringComparison.Ordinal))
        {
            record.StartIds.RemoveAt(0);
            record.StartIds.Add(first);
            record.Anchor = record.StartIds[0];
            var at = NotedIds.FindIndex(e => e.Id == first && e.Holder == record);
            var last = NotedIds.FindLastIndex(e => e.Holder == record && record.StartIds.Contains(e.Id));
            if (at >= 0 && last > at)
            {
                NotedIds.Insert(last + 1, NotedIds[at]);
                NotedIds.RemoveAt(at);
            }
        }
    }

    /// <summary>Nests the blocks after each section title into its section, by the titles' levels.</summary>
    private List<Block> FoldSections(List<Block> flat)
    {
        var root = new List<Block>();
        var stack = new List<(SectionStart Start, List<Block> Body)>();
        foreach (var block in flat)
        {
            if (block is SectionStart start)
            {
                while (stack.Count > 0 && stack[^1].Start.Level >= start.Level)
                {
                    Close(stack, root);
                }
                stack.Add((start, []));
                continue;
            }
            (stack.Count > 0 ? stack[^1].Body : root).Add(block);
        }
        while (stack.Count > 0)
        {
            Close(stack, root);
        }
        return root;
    }

    private void Close(List<(SectionStart Start, List<Block> Body)> stack, List<Block> root)
    {
        var (start, body) = stack[^1];
        var record = start.Record;
        stack.RemoveAt(stack.Count - 1);
        SortIds(record);
        record.Block = new Section(start.Title, body, record.Anchor);
        (stack.Count > 0 ? stack[^1].Body : root).Add(record.Block);
    }
}

/// <summary>Marks where a section title stood while its level's content is being collected.</summary>
internal sealed record SectionStart(SectionRecord Record, int Level, IReadOnlyList<Inline> Title) : Block;
