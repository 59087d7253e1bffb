using Lucene.Net.Search.Similarities;

namespace Help.Core.Search;

/// <summary>
/// BM25 (Lucene's, k1 = 1.2, b = 0.75), with Lucene's classic coordination factor: a query's score is scaled by the
/// share of its terms a document matches, so a page with three of four words outranks one with two repeated often.
/// </summary>
internal sealed class SearchSimilarity : BM25Similarity
{
    public override float Coord(int overlap, int maxOverlap) => maxOverlap == 0 ? 1f : (float)overlap / maxOverlap;
}
