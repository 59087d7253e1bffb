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
        return new SphinxTopicBuilder(pagePath, docSet, inventory, diagnostics).Build(body, top, converter);
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
            return converter.SectionsByElement[only];
        }

        var blocks = converter.ConvertChildren(body);
        var heading = body.QuerySelector("h1");
        var title = heading is not null ? SphinxInlines.Convert(heading) : TitleFromHead(document);
        var top = new SectionRecord(body, null) { TitleText = SphinxInlines.PlainText(title) };
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
