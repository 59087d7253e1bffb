using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Help.Core.Search;

/// <summary>One occurrence of a query's word in a field's text: its characters, and which of the query's terms it matches.</summary>
internal readonly record struct TermMatch(int Start, int End, int Term);

/// <summary>
/// Where the query's words are in one field of one document, read from the postings, which keep each occurrence's
/// character offsets (<see cref="SearchFields.Body"/>, <see cref="SearchFields.Summary"/>, <see cref="SearchFields.Signature"/>): a snippet is cut around them without analysing the
/// text again.
/// </summary>
/// <remarks>
/// This is what Lucene's <c>PostingsHighlighter</c> does. Lucene.Net ships it only in Lucene.Net.ICU, which brings an
/// alpha ICU4N (its restore warning NU1603 fails this build) and ICU's data; the <c>Highlighter</c> it replaces
/// analysed every hit's text again, 0.35 ms a kilobyte, most of a search's time.
/// </remarks>
internal static class TermOffsets
{
    /// <summary>More occurrences than any snippet needs: a word repeated through a long page is read this far.</summary>
    private const int MaxMatches = 1000;

    /// <summary>
    /// The words of <paramref name="terms"/> (index terms of <paramref name="field"/>, each with the number of the query
    /// term it stands for) in each of <paramref name="docs"/> of <paramref name="reader"/>, in the order of the text.
    /// Each word is looked up once per segment and its postings read forward through the documents in order.
    /// </summary>
    public static Dictionary<int, List<TermMatch>> In(
        IndexReader reader, IEnumerable<int> docs, string field, IReadOnlyList<(BytesRef Word, int Term)> terms)
    {
        var sorted = docs.Distinct().Order().ToArray();
        var found = sorted.ToDictionary(d => d, _ => new List<TermMatch>());
        foreach (var leaf in reader.Leaves)
        {
            var inLeaf = sorted.Where(d => d >= leaf.DocBase && d < leaf.DocBase + leaf.Reader.MaxDoc).ToArray();
            var postings = inLeaf.Length == 0 ? null : leaf.AtomicReader.GetTerms(field);
            if (postings is null || !postings.HasOffsets)
            {
                continue;
            }
            var words = postings.GetEnumerator();
            DocsAndPositionsEnum? reuse = null;
            foreach (var (word, term) in terms)
            {
                if (!words.SeekExact(word) || (reuse = words.DocsAndPositions(null, reuse, DocsAndPositionsFlags.OFFSETS)) is null)
                {
                    continue;
                }
                foreach (var doc in inLeaf)
                {
                    var local = doc - leaf.DocBase;
                    var at = reuse.DocID < local ? reuse.Advance(local) : reuse.DocID;
                    if (at == DocIdSetIterator.NO_MORE_DOCS)
                    {
                        break;
                    }
                    if (at == local)
                    {
                        Read(reuse, term, found[doc]);
                    }
                }
            }
        }
        foreach (var matches in found.Values)
        {
            // Text order; at one place, the longer first (an identifier before its parts).
            matches.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : b.End.CompareTo(a.End));
        }
        return found;
    }

    private static void Read(DocsAndPositionsEnum postings, int term, List<TermMatch> into)
    {
        for (int i = 0, n = Math.Min(postings.Freq, MaxMatches); i < n; i++)
        {
            postings.NextPosition();
            into.Add(new TermMatch(postings.StartOffset, postings.EndOffset, term));
        }
    }
}
