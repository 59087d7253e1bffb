using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Help.Core.Model;
using Help.Indexer.Pipeline;
using Help.Indexer.Sources.Inventory;

namespace Help.Indexer.Sources.Sphinx;

/// <summary>
/// Imports one page of Sphinx HTML output into topics. Built once and reused: it holds no per-page
/// state, so pages can be imported in parallel.
/// </summary>
/// <remarks>
/// The steps, in order: parse (AngleSharp, the HTML5 algorithm); find the document body; strip the
/// chrome (so nothing of it reaches a block); convert the body to blocks, noting sections,
/// descriptions and terms; make topics from those notes. Bad pages are reported through
/// <see cref="Diagnostics"/>, never thrown.
/// </remarks>
public sealed class SphinxHtmlImporter
{
    private static readonly HtmlParserOptions ParserOptions = new()
    {
        IsKeepingSourceReferences = false,
        IsScripting = false,
    };

    /// <summary>Imports a page.</summary>
    /// <param name="pagePath">The page relative to the doc root, with forward slashes: <c>library/asyncio-runner.html</c>.</param>
    /// <param name="html">The page's text.</param>
    /// <param name="docSet">The doc set the topics belong to.</param>
    /// <param name="inventory">The tree's <c>objects.inv</c>, when there is one: it names objects, labels and terms.</param>
    /// <param name="diagnostics">Where problems are reported.</param>
    /// <returns>The page's topics, the page (or module) topic first; empty when the page was skipped.</returns>
    public IReadOnlyList<Topic> ImportPage(
        string pagePath, string html, DocSet docSet, SphinxInventory? inventory, Diagnostics diagnostics)
    {
        try
        {
            return Import(pagePath, html, docSet, inventory, diagnostics);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The contract is to report and go on; a failure here is a bug to fix, so it says what it was.
            diagnostics.Skip(pagePath, $"could not be converted ({e.GetType().Name}: {e.Message})");
            return [];
        }
    }

    private static IReadOnlyList<Topic> Import(
        string pagePath, string html, DocSet docSet, SphinxInventory? inventory, Diagnostics diagnostics)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            diagnostics.Skip(pagePath, "empty file");
            return [];
        }
        // A parser per page: AngleSharp's parser and its browsing context are not documented as thread-safe.
        using var document = new HtmlParser(ParserOptions).ParseDocument(html);
        if (Redirects.Of(document, pagePath, docSet) is { } redirect)
        {
            return [redirect];
        }
        var body = SphinxChrome.FindBody(document);
        if (body is null)
        {
            diagnostics.Skip(pagePath, "no document body (no role=main, div.body, article or main element)");
            return [];
        }
        // Chrome goes before conversion, so that no step below has to know about it.
        SphinxChrome.Clean(body);
        SphinxTrailingText.Adopt(body);

        var converter = new SphinxBlockConverter(pagePath, diagnostics, SourceTableWidths(body, pagePath, docSet));
        var top = TopSection(body, converter, document);
        if (top.Block.Body.Count == 0 && top.Block.Title.Count == 0)
        {
            diagnostics.Skip(pagePath, "the document body is empty");
            return [];
        }
        var outline = Outline(body, top, converter, hasInventory: inventory is not null);
        return new PageTopicBuilder(pagePath, pagePath, docSet, inventory, diagnostics).Build(outline);
    }

    /// <summary>
    /// The page's records and where its ids are: each id goes to the innermost section or description element
    /// around it (the top section for the rest), and each <c>module-NAME</c> id is a module target. Without an
    /// inventory to say which modules are real, an id that is its section's title made an id (a section titled
    /// "Module functions") is not one.
    /// </summary>
    private static PageOutline Outline(IElement body, SectionRecord top, SphinxBlockConverter converter, bool hasInventory)
    {
        var outline = new PageOutline(top);
        outline.Records.AddRange(converter.Records.Where(r => !ReferenceEquals(r, top)));
        foreach (var element in body.QuerySelectorAll("[id]"))
        {
            if (element.Id is not { Length: > 0 } id)
            {
                continue;
            }
            var record = RecordAround(element, body, converter.RecordsByElement) ?? top;
            outline.Ids.Add((id, record));
            if (id.StartsWith(PageTopics.ModuleIdPrefix, StringComparison.Ordinal)
                && (hasInventory || Rest.RestIds.Make((record.Section ?? top).TitleText) != id))
            {
                outline.Records.Add(new ModuleRecord(id[PageTopics.ModuleIdPrefix.Length..], id, record));
            }
        }
        return outline;
    }

    private static PageRecord? RecordAround(IElement element, IElement body, Dictionary<IElement, PageRecord> records)
    {
        for (var e = element; e is not null && !ReferenceEquals(e, body); e = e.ParentElement)
        {
            if (records.TryGetValue(e, out var record))
            {
                return record;
            }
        }
        return null;
    }

    /// <summary>
    /// The column widths of the page's tables from its reST source, when the tree has the source and its
    /// tables are the page's tables one for one; null otherwise (the renderer then sizes tables itself).
    /// </summary>
    private static IReadOnlyList<int[]?>? SourceTableWidths(IElement body, string pagePath, DocSet docSet)
    {
        var tables = body.QuerySelectorAll("table").Count(SphinxBlockConverter.IsSourceTable);
        if (tables == 0 || docSet.Root is null || SphinxSourceTables.SourceOf(docSet.Root, pagePath) is not { } source)
        {
            return null;
        }
        try
        {
            var widths = SphinxSourceTables.Read(File.ReadAllText(source));
            return widths.Count == tables ? widths : null;
        }
        catch (IOException)
        {
            return null; // the widths are a refinement; the page imports without them
        }
    }

    /// <summary>
    /// The page's top section: the body's one section, or, when the body holds anything else (an index
    /// page, several top-level sections), a section made for the whole body and titled from the page.
    /// </summary>
    private static SectionRecord TopSection(IElement body, SphinxBlockConverter converter, IDocument document)
    {
        var significant = body.ChildNodes
            .Where(n => n is IElement e ? e.LocalName != "span" || e.TextContent.Trim().Length > 0 : !SphinxInlines.IsWhiteSpaceText(n))
            .ToList();
        if (significant is [IElement only] && SphinxBlockConverter.IsSection(only))
        {
            converter.ConvertChildren(body);
            return (SectionRecord)converter.RecordsByElement[only];
        }

        var blocks = converter.ConvertChildren(body);
        var heading = body.QuerySelector("h1");
        var title = heading is not null ? SphinxInlines.Convert(heading) : TitleFromHead(document);
        var top = new SectionRecord(null) { TitleText = SphinxInlines.PlainText(title) };
        top.Block = new Section(title, blocks, null);
        return top;
    }

    /// <summary>The head's title without the project suffix: "Runners — Python 3.11.2 documentation" gives "Runners".</summary>
    private static IReadOnlyList<Inline> TitleFromHead(IDocument document)
    {
        var title = SphinxInlines.CollapseWhiteSpace(document.Title ?? "").Trim();
        var dash = title.LastIndexOf(" \u2014 ", StringComparison.Ordinal);
        if (dash > 0)
        {
            title = title[..dash];
        }
        return title.Length == 0 ? [] : [new TextRun(title)];
    }
}
