namespace Help.Core.Model;

/// <summary>Walks of the document model that several readers need: every inline of some blocks, every link.</summary>
public static class ModelWalk
{
    /// <summary>Every inline in <paramref name="blocks"/>, nested ones included, in document order.</summary>
    public static IEnumerable<Inline> Inlines(IReadOnlyList<Block> blocks)
    {
        foreach (var block in blocks)
        {
            foreach (var inline in Inlines(block))
            {
                yield return inline;
            }
        }
    }

    /// <summary>Every link in <paramref name="blocks"/>, in document order.</summary>
    public static IEnumerable<Link> Links(IReadOnlyList<Block> blocks) => Inlines(blocks).OfType<Link>();

    private static IEnumerable<Inline> Inlines(Block block) => block switch
    {
        Section s => Flatten(s.Title).Concat(Inlines(s.Body)),
        Paragraph p => Flatten(p.Content),
        BulletList l => l.Items.SelectMany(i => Inlines(i.Content)),
        EnumeratedList l => l.Items.SelectMany(i => Inlines(i.Content)),
        DefinitionList l => l.Items.SelectMany(i => Flatten(i.Term).Concat(Inlines(i.Definition))),
        FieldList l => l.Fields.SelectMany(f => Flatten(f.Name).Concat(Inlines(f.Body))),
        Table t => t.HeaderRows.Concat(t.BodyRows).SelectMany(r => r.Cells).SelectMany(c => Inlines(c.Content)),
        Admonition a => Flatten(a.Title ?? []).Concat(Inlines(a.Body)),
        VersionNote v => Inlines(v.Body),
        BlockQuote q => Inlines(q.Content),
        LineBlock lb => lb.Lines.SelectMany(Flatten),
        Rubric r => Flatten(r.Content),
        Footnote f => Inlines(f.Content),
        Image i => Inlines(i.Caption),
        Description d => Inlines(d.Body),
        _ => [],
    };

    private static IEnumerable<Inline> Flatten(IReadOnlyList<Inline> inlines)
    {
        foreach (var inline in inlines)
        {
            yield return inline;
            var children = inline switch
            {
                Emphasis e => e.Content,
                Strong s => s.Content,
                Link l => l.Content,
                Script s => s.Content,
                _ => null,
            };
            if (children is not null)
            {
                foreach (var child in Flatten(children))
                {
                    yield return child;
                }
            }
        }
    }
}
