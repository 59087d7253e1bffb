using AngleSharp.Dom;
using Help.Core.Model;
using Help.Indexer.Pipeline;

namespace Help.Indexer.Sources.Sphinx;
// Object descriptions: dl.py.method and the other domains, with their signatures.
internal sealed partial class SphinxBlockConverter
{
    // --- Object descriptions.

    /// <summary>The <c>domain:role</c> of a description list, or null for any other dl.</summary>
    internal static string? DescriptionRole(string[] classes)
    {
        if (classes.Length >= 2 && SphinxSelectors.DescriptionDomains.Contains(classes[0]))
        {
            return classes[0] + ":" + classes[1];
        }
        foreach (var c in classes)
        {
            if (SphinxSelectors.DomainlessDescriptions.TryGetValue(c, out var role))
            {
                return role;
            }
        }
        return null;
    }

    private Description ConvertDescription(IElement dl, string role)
    {
        var record = new DescriptionRecord(role, _open);
        Records.Add(record);
        RecordsByElement[dl] = record;
        var body = new List<Block>();
        var outer = _open;
        _open = record;
        foreach (var child in DlChildren(dl))
        {
            if (child.LocalName == "dt")
            {
                record.Signatures.Add(new Signature(SignatureText(child), NullIfEmpty(child.Id)));
            }
            else if (child.LocalName == "dd")
            {
                body.AddRange(ConvertChildren(child));
            }
        }
        _open = outer;
        record.Block = new Description(role, record.Signatures, body);
        return record.Block;
    }

    /// <summary>A signature as it reads: the dt's text, white space collapsed (annotations such as <c>class </c> kept).</summary>
    private static string SignatureText(IElement dt) =>
        SphinxInlines.CollapseWhiteSpace(dt.TextContent.Replace('\u00A0', ' ')).Trim();
}
