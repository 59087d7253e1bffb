using Help.Core.Search;
using Xunit;

namespace Help.Core.Tests.Search;

/// <summary>The passage a snippet shows, chosen from where the query's words are in a text (their offsets).</summary>
public sealed class SnippetPassageTests
{
    private const string Open = Snippets.Open, Close = Snippets.Close;

    /// <summary>Every occurrence of each word (case aside) as the postings would give it, in text order.</summary>
    private static List<TermMatch> At(string text, params string[] words)
    {
        var found = new List<TermMatch>();
        for (var term = 0; term < words.Length; term++)
        {
            for (var at = text.IndexOf(words[term], StringComparison.OrdinalIgnoreCase); at >= 0;
                 at = text.IndexOf(words[term], at + 1, StringComparison.OrdinalIgnoreCase))
            {
                found.Add(new TermMatch(at, at + words[term].Length, term));
            }
        }
        return found.OrderBy(m => m.Start).ThenByDescending(m => m.End).ToList();
    }

    [Fact]
    public void Passage_ShortText_AllOfItWithTheWordsMarked()
    {
        const string text = "Pickles and eggs for breakfast.";

        Assert.Equal($"Pickles and {Open}eggs{Close} for {Open}breakfast{Close}.", Snippets.Passage(text, At(text, "eggs", "breakfast"), 150));
    }

    [Fact]
    public void Passage_LongText_ThePlaceWithTheMostDifferentWords()
    {
        var filler = string.Concat(Enumerable.Repeat("Nothing to see here at all. ", 20));
        var text = "The spam comes first. " + filler + "Here spam and eggs meet. " + filler;

        var passage = Snippets.Passage(text, At(text, "spam", "eggs"), 60)!;

        Assert.Contains($"{Open}spam{Close} and {Open}eggs{Close} meet.", passage);
        Assert.StartsWith(Snippets.Ellipsis + " ", passage);
        Assert.EndsWith(" " + Snippets.Ellipsis, passage);
    }

    [Fact]
    public void Passage_CutsBetweenWords()
    {
        var text = string.Concat(Enumerable.Repeat("alpha beta gamma ", 10)) + "target " + string.Concat(Enumerable.Repeat("delta epsilon ", 10));

        var passage = Snippets.Passage(text, At(text, "target"), 40)!;
        var inner = passage.Trim(Snippets.Ellipsis[0], ' ').Replace(Open, "").Replace(Close, "");

        Assert.All(inner.Split(' '), word => Assert.Contains(word, text.Split(' ')));
        Assert.Contains($"{Open}target{Close}", passage);
    }

    [Fact]
    public void Passage_NameAndItsPart_MarkedOnce()
    {
        const string text = "Use a ThreadPoolExecutor here.";
        var matches = new List<TermMatch> { new(6, 24, 0), new(12, 16, 1) };

        Assert.Equal($"Use a {Open}ThreadPoolExecutor{Close} here.", Snippets.Passage(text, matches, 150));
    }

    [Fact]
    public void Passage_OffsetsOutsideTheText_None()
    {
        Assert.Null(Snippets.Passage("short", [new TermMatch(10, 14, 0)], 150));
        Assert.Null(Snippets.Passage("short", [], 150));
    }
}
