using AngleSharp.Dom;
using Help.Core.Model;
using Help.Indexer.Pipeline;

namespace Help.Indexer.Sources.Sphinx;
// Admonitions and version notes.
internal sealed partial class SphinxBlockConverter
{
    // --- Admonitions and version notes.

    private Admonition ConvertAdmonition(IElement div)
    {
        var classes = div.Classes();
        var title = div.Children.FirstOrDefault(c => c.HasClass(SphinxSelectors.AdmonitionTitle));
        var kind = SphinxSelectors.AdmonitionKinds.FirstOrDefault(classes.Contains);
        var body = ConvertChildren(div, title);
        if (kind is not null)
        {
            return new Admonition(kind, null, body);
        }
        return new Admonition(SphinxSelectors.Admonition, title is null ? null : SphinxInlines.Convert(title), body);
    }

    private static VersionChange? VersionChangeOf(string[] classes)
    {
        if (classes.Contains(SphinxSelectors.VersionAdded))
        {
            return VersionChange.Added;
        }
        if (classes.Contains(SphinxSelectors.VersionChanged))
        {
            return VersionChange.Changed;
        }
        if (classes.Contains(SphinxSelectors.Deprecated) || classes.Contains(SphinxSelectors.DeprecatedRemoved))
        {
            return VersionChange.Deprecated;
        }
        if (classes.Contains(SphinxSelectors.VersionRemoved))
        {
            return VersionChange.Removed;
        }
        return null;
    }

    private VersionNote ConvertVersionNote(IElement div, VersionChange change)
    {
        var span = div.QuerySelector("span." + SphinxSelectors.VersionModified);
        if (span is null)
        {
            diagnostics.Warn(pagePath, $"a {div.ClassName} note without its version line");
            return new VersionNote(change, "", ConvertChildren(div));
        }
        var (version, removedIn) = SphinxVersionText.Parse(span.TextContent);
        if (version.Length == 0)
        {
            diagnostics.Warn(pagePath, $"no version number in '{SphinxInlines.CollapseWhiteSpace(span.TextContent).Trim()}'");
        }
        // The body is the rest of the first paragraph after the version line (dropped when nothing is
        // left of it), then any further blocks.
        span.Remove();
        var body = ConvertChildren(div);
        return new VersionNote(change, version, body)
        {
            RemovedIn = div.HasClass(SphinxSelectors.DeprecatedRemoved) ? removedIn : null,
        };
    }
}
