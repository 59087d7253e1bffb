using Help.Core.Index;
using Help.Core.Query;
using Help.Core.Rendering.Text;
using Help.Core.Search;

namespace Help.Reliability.Tests;

/// <summary>
/// What one whole index answers, read as the terminal tool reads it: the generation <c>CURRENT</c>
/// names, opened for this one question. The marker topic's text and its search hit must name the same
/// build, or the answer mixed two indexes.
/// </summary>
internal sealed record IndexAnswers(string Generation, int MarkerInTopic, int MarkerInSearch, string SpamText, IReadOnlyList<string> TinHits)
{
    public static IndexAnswers Read(IndexFolder folder)
    {
        var generation = folder.CurrentGeneration() ?? throw new InvalidOperationException($"no current generation in {folder.Root}");
        using var index = HelpIndex.Open(generation);
        var query = new HelpQuery(index);
        var marker = query.Lookup(FixtureIndex.MarkerKey).Topic ?? throw new InvalidOperationException("no marker topic");
        var spam = query.Lookup("spam").Topic ?? throw new InvalidOperationException("no spam topic");
        var markerHit = query.Search(new SearchQuery("marker")).FirstOrDefault(h => h.Key == FixtureIndex.MarkerKey)
            ?? throw new InvalidOperationException("search does not find the marker");
        return new IndexAnswers(
            Path.GetFileName(generation),
            BuildNumber(query.RenderText(marker, new TextRenderOptions())),
            BuildNumber(markerHit.Summary ?? ""),
            query.RenderText(spam, new TextRenderOptions()),
            query.Search(new SearchQuery("tin")).Select(h => h.Key).ToList());
    }

    /// <summary>N from "numberNx" in <see cref="FixtureIndex.MarkerText"/>; -1 when absent.</summary>
    public static int BuildNumber(string text)
    {
        var m = System.Text.RegularExpressions.Regex.Match(text, @"number(\d+)x");
        return m.Success ? int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : -1;
    }

    public bool Consistent => MarkerInTopic >= 0 && MarkerInTopic == MarkerInSearch && SpamText.Contains("opens tins") && TinHits.Contains("spam.Tin");
}
