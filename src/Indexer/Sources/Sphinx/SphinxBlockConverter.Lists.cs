using AngleSharp.Dom;
using Help.Core.Model;
using Help.Indexer.Pipeline;

namespace Help.Indexer.Sources.Sphinx;
// Lists, definition lists, glossaries and field lists (dl in all its Sphinx forms).
internal sealed partial class SphinxBlockConverter
{
    // --- Lists.

    private List<ListItem> ListItems(IElement list)
    {
        var items = new List<ListItem>();
        foreach (var child in list.Children)
        {
            if (child.LocalName == "li")
            {
                items.Add(new ListItem(ConvertChildren(child)));
            }
            else
            {
                // Content directly in a list (invalid, but seen): kept as an item of its own.
                var blocks = new List<Block>();
                ConvertBlock(child, blocks);
                if (blocks.Count > 0)
                {
                    items.Add(new ListItem(blocks));
                }
            }
        }
        return items;
    }

    private void ConvertDl(IElement dl, List<Block> blocks)
    {
        var classes = dl.Classes();
        if (DescriptionRole(classes) is { } role)
        {
            blocks.Add(ConvertDescription(dl, role));
        }
        else if (classes.Contains(SphinxSelectors.Glossary))
        {
            blocks.Add(ConvertGlossary(dl));
        }
        else if (classes.Contains(SphinxSelectors.FieldList))
        {
            blocks.Add(ConvertFieldList(dl));
        }
        else if (classes.Contains(SphinxSelectors.Footnote) || classes.Contains(SphinxSelectors.Citation))
        {
            foreach (var (terms, dd) in DlGroups(dl))
            {
                var label = terms.Count == 0 ? "" : FootnoteLabelOfDt(terms[0]);
                blocks.Add(new Footnote(label, dd is null ? [] : ConvertChildren(dd)));
            }
        }
        else if (classes.Contains(SphinxSelectors.ProductionList))
        {
            blocks.Add(SphinxGrammar.FromDl(dl));
        }
        else
        {
            blocks.Add(new DefinitionList(DlGroups(dl).Select(g => DefinitionItemOf(g.Terms, g.Definition)).ToList()));
        }
    }

    /// <summary>The dt elements and the dd that follows them, looking through div wrappers (HTML allows <c>dl &gt; div</c>).</summary>
    private static List<(List<IElement> Terms, IElement? Definition)> DlGroups(IElement dl)
    {
        var groups = new List<(List<IElement>, IElement?)>();
        var terms = new List<IElement>();
        foreach (var child in DlChildren(dl))
        {
            if (child.LocalName == "dt")
            {
                terms.Add(child);
            }
            else if (child.LocalName == "dd")
            {
                groups.Add((terms, child));
                terms = [];
            }
        }
        if (terms.Count > 0)
        {
            groups.Add((terms, null));
        }
        return groups;
    }

    private static IEnumerable<IElement> DlChildren(IElement dl)
    {
        foreach (var child in dl.Children)
        {
            if (child.LocalName == "div")
            {
                foreach (var inner in child.Children)
                {
                    yield return inner;
                }
            }
            else
            {
                yield return child;
            }
        }
    }

    private DefinitionItem DefinitionItemOf(List<IElement> terms, IElement? definition)
    {
        var term = new List<Inline>();
        foreach (var dt in terms)
        {
            if (term.Count > 0)
            {
                term.Add(LineBreak.Instance);
            }
            term.AddRange(SphinxInlines.Convert(dt));
        }
        var anchor = terms.Select(t => NullIfEmpty(t.Id)).FirstOrDefault(id => id is not null);
        return new DefinitionItem(term, definition is null ? [] : ConvertChildren(definition), anchor);
    }

    private DefinitionList ConvertGlossary(IElement dl)
    {
        var items = new List<DefinitionItem>();
        foreach (var (terms, dd) in DlGroups(dl))
        {
            // Note the terms first so that they precede anything nested in their definition.
            var records = terms.Select(dt => new TermRecord(NullIfEmpty(dt.Id), SphinxInlines.PlainText(SphinxInlines.Convert(dt)), _open)).ToList();
            Records.AddRange(records);
            var item = DefinitionItemOf(terms, dd);
            records.ForEach(r => r.Item = item);
            items.Add(item);
        }
        return new DefinitionList(items, IsGlossary: true);
    }

    private FieldList ConvertFieldList(IElement dl)
    {
        var fields = new List<Field>();
        foreach (var (terms, dd) in DlGroups(dl))
        {
            var name = new List<Inline>();
            foreach (var dt in terms)
            {
                // docutils 0.18+ writes the colon after a field name; the renderers add their own.
                foreach (var colon in dt.QuerySelectorAll("span." + SphinxSelectors.Colon).ToList())
                {
                    colon.Remove();
                }
                name.AddRange(SphinxInlines.Convert(dt));
            }
            fields.Add(new Field(name, dd is null ? [] : ConvertChildren(dd)));
        }
        return new FieldList(fields);
    }
}
