using System.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace Help.Core.Search;

/// <summary>
/// How text becomes search terms, for the writer and the reader alike: analyzers composed from Lucene's
/// tokenizer base, lower-casing, ASCII folding and Porter stemming, with one step of our own, the split of
/// identifiers (<see cref="IdentifierSplitFilter"/>), which no Lucene filter does for this corpus.
/// </summary>
/// <remarks>
/// No stop list: Python's keywords (<c>for</c>, <c>with</c>, <c>not</c>, <c>in</c>, <c>is</c>, <c>if</c>,
/// <c>and</c>, <c>or</c>, <c>as</c>) are words people search for. Question words are left out of a query
/// instead (<see cref="SearchTerms"/>), where they carry no weight.
/// </remarks>
public static class SearchAnalysis
{
    internal const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>Prose (titles, summaries, bodies, index entries): identifiers split, lower case, folded, stemmed.</summary>
    public static Analyzer Prose { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new IdentifierTokenizer(reader);
        return new TokenStreamComponents(source, new PorterStemFilter(Folded(source)));
    });

    /// <summary>
    /// Names (keys, signatures): as <see cref="Prose"/>, but each word is kept as written beside its stem
    /// (<c>running</c> and <c>run</c>), so a name matches exactly and by its stem.
    /// </summary>
    public static Analyzer Names { get; } = Analyzer.NewAnonymous((_, reader) =>
    {
        var source = new IdentifierTokenizer(reader);
        TokenStream stream = new KeywordRepeatFilter(Folded(source));
        stream = new PorterStemFilter(stream);
        return new TokenStreamComponents(source, new RemoveDuplicatesTokenFilter(stream));
    });

    /// <summary>Each field with its analyzer (<see cref="SearchFields"/>); keyword fields are not analyzed.</summary>
    public static Analyzer PerField { get; } = new PerFieldAnalyzerWrapper(Prose, new Dictionary<string, Analyzer>
    {
        [SearchFields.Names] = Names,
        [SearchFields.Signature] = Names,
    });

    private static TokenStream Folded(Tokenizer source) =>
        new ASCIIFoldingFilter(new LowerCaseFilter(Version, new IdentifierSplitFilter(source)));
}

/// <summary>
/// Cuts text into runs of letters, digits, <c>_</c> and <c>.</c>: a dotted or snake-case name stays one token
/// (<c>concurrent.futures.ThreadPoolExecutor</c>, <c>as_completed</c>) for <see cref="IdentifierSplitFilter"/>
/// to split; everything else separates.
/// </summary>
internal sealed class IdentifierTokenizer(TextReader input) : CharTokenizer(SearchAnalysis.Version, input)
{
    protected override bool IsTokenChar(int c) => c is '_' or '.' || (Rune.IsValid(c) && Rune.IsLetterOrDigit(new Rune(c)));
}

/// <summary>
/// Splits identifiers into their words and keeps the whole: <c>concurrent.futures.ThreadPoolExecutor</c> gives the
/// whole name, then <c>concurrent</c>, <c>futures</c>, <c>ThreadPoolExecutor</c> and its parts <c>Thread</c>,
/// <c>Pool</c>, <c>Executor</c>; <c>as_completed</c> gives itself, <c>as</c>, <c>completed</c>; <c>HTTPServer</c>
/// gives <c>HTTP</c>, <c>Server</c>. Leading and trailing dots (a sentence's end) are dropped.
/// </summary>
/// <remarks>
/// Positions: the finest parts follow each other (one position each), so a phrase query <c>thread pool</c>
/// matches inside <c>ThreadPoolExecutor</c>; every coarser token (the whole name, a dotted component) sits at
/// the position of its first part. Offsets are each token's own span of the text, so a snippet marks
/// <c>Pool</c> inside <c>ThreadPoolExecutor</c>. Runs before lower-casing, which would lose the case changes.
/// </remarks>
internal sealed class IdentifierSplitFilter : TokenFilter
{
    private readonly ICharTermAttribute _term;
    private readonly IOffsetAttribute _offset;
    private readonly IPositionIncrementAttribute _position;
    private readonly Queue<(string Text, int Start, int End, int Increment)> _pending = new();

    public IdentifierSplitFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _position = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        while (true)
        {
            if (_pending.TryDequeue(out var next))
            {
                ClearAttributes();
                _term.SetEmpty().Append(next.Text);
                _offset.SetOffset(next.Start, next.End);
                _position.PositionIncrement = next.Increment;
                return true;
            }
            if (!m_input.IncrementToken())
            {
                return false;
            }
            if (IsPlainWord(_term.Buffer, _term.Length))
            {
                // Most tokens of prose: nothing to split, the token as it came (what Split would queue for it).
                return true;
            }
            var text = _term.ToString();
            // Offsets are the tokenizer's; a filter before this one could have changed the text's length.
            var exact = _offset.EndOffset - _offset.StartOffset == text.Length;
            Split(text, exact ? _offset.StartOffset : -1, _offset.EndOffset, _position.PositionIncrement);
        }
    }

    public override void Reset()
    {
        base.Reset();
        _pending.Clear();
    }

    /// <summary>A word with no parts: a letter, then lower-case letters only (<c>thread</c>, <c>Thread</c>).</summary>
    private static bool IsPlainWord(char[] buffer, int length)
    {
        if (length == 0 || !char.IsLetter(buffer[0]))
        {
            return false;
        }
        for (var i = 1; i < length; i++)
        {
            if (!char.IsLower(buffer[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Queues the tokens of one token (see the remarks); nothing for a token of dots alone.</summary>
    /// <param name="start">The token's start offset, or -1 when its offsets do not map onto its text.</param>
    private void Split(string text, int start, int end, int increment)
    {
        var lead = text.Length - text.TrimStart('.').Length;
        var whole = text.Trim('.');
        if (whole.Length == 0)
        {
            return;
        }
        (int Start, int End) Span(int from, int length) =>
            start < 0 ? (Math.Max(0, end - text.Length), end) : (start + lead + from, start + lead + from + length);

        var (wholeStart, wholeEnd) = Span(0, whole.Length);
        _pending.Enqueue((whole, wholeStart, wholeEnd, increment));
        var components = Ranges(whole, '.').ToList();
        var first = true;
        foreach (var component in components)
        {
            var leaves = new List<(int Start, int Length)>();
            foreach (var word in Ranges(whole, '_', component))
            {
                var spans = SearchText.IdentifierPartSpans(whole.Substring(word.Start, word.Length));
                leaves.AddRange(spans.Count == 0 ? [word] : spans.Select(p => (word.Start + p.Start, p.Length)));
            }
            if (leaves.Count == 0)
            {
                leaves.Add(component); // underscores alone ("_", "__")
            }
            var coarse = leaves.Count > 1 || leaves[0] != component;
            if (components.Count == 1 && !coarse)
            {
                return; // one plain word: the whole is all there is
            }
            // The first token of each component moves one position on (the first of all sits with the whole);
            // a component's own token sits with its first leaf; the leaves follow one another.
            var advance = first ? 0 : 1;
            if (coarse && components.Count > 1)
            {
                Enqueue(component, advance);
                advance = 0;
            }
            foreach (var leaf in leaves)
            {
                Enqueue(leaf, advance);
                advance = 1;
            }
            first = false;
        }

        void Enqueue((int Start, int Length) part, int positionIncrement)
        {
            var (s, e) = Span(part.Start, part.Length);
            _pending.Enqueue((whole.Substring(part.Start, part.Length), s, e, positionIncrement));
        }
    }

    /// <summary>The non-empty runs of <paramref name="text"/> between <paramref name="separator"/>s, within <paramref name="within"/>.</summary>
    private static IEnumerable<(int Start, int Length)> Ranges(string text, char separator, (int Start, int Length)? within = null)
    {
        var (from, length) = within ?? (0, text.Length);
        var runStart = from;
        for (var i = from; i <= from + length; i++)
        {
            if (i == from + length || text[i] == separator)
            {
                if (i > runStart)
                {
                    yield return (runStart, i - runStart);
                }
                runStart = i + 1;
            }
        }
    }
}
