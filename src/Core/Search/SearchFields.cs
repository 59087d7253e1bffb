using System.Globalization;
using Help.Core.Model;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Field = Lucene.Net.Documents.Field;
using LuceneDocument = Lucene.Net.Documents.Document;

namespace Help.Core.Search;

/// <summary>
/// The fields of one search document: what each holds and how it is analyzed (<see cref="SearchAnalysis.PerField"/>).
/// The writer makes documents here and the reader reads them back here, so the two cannot disagree.
/// </summary>
/// <remarks>
/// <list type="table">
/// <item><term><see cref="Id"/></term><description>doc set, kind and key in one keyword: what an update replaces or deletes by.</description></item>
/// <item><term><see cref="Key"/></term><description>the key exactly (keyword, stored): the exact-case tier.</description></item>
/// <item><term><see cref="ExactKey"/>, <see cref="ExactLeaf"/>, <see cref="ExactTitle"/></term><description>the key, its last
/// dotted name and the title as <see cref="SearchText.NameKey"/> forms (keyword): the exact-name tiers.</description></item>
/// <item><term><see cref="KeyFolded"/>, <see cref="LeafFolded"/></term><description>the key and its last name in lower case
/// (keyword): close spellings by <c>FuzzyQuery</c>.</description></item>
/// <item><term><see cref="Kind"/>, <see cref="DocSet"/></term><description>filters (keyword, stored).</description></item>
/// <item><term><see cref="Names"/></term><description>key, title and aliases (<see cref="SearchAnalysis.Names"/>).</description></item>
/// <item><term><see cref="Signature"/></term><description>the first signature (names analyzer, stored, with offsets).</description></item>
/// <item><term><see cref="IndexEntries"/></term><description>the doc authors' own index entries that point into the topic (prose).</description></item>
/// <item><term><see cref="ExactEntry"/></term><description>each of those entries as a <see cref="SearchText.NameKey"/> (keyword,
/// stored): a query that is an entry finds its place among the exact names.</description></item>
/// <item><term><see cref="Summary"/></term><description>the first sentence (prose, stored, with offsets).</description></item>
/// <item><term><see cref="Body"/></term><description>the topic's own text (prose, stored, with offsets): snippets are cut from it.</description></item>
/// <item><term><see cref="Boost"/>, <see cref="BoostUndemoted"/></term><description>the document's static weight (numeric doc
/// values, as <see cref="float"/> bits), with and without the demotion of change logs and index pages.</description></item>
/// <item><term><see cref="Stamp"/></term><description>a digest of what the document was made from (numeric doc values, with the
/// id's binary doc values): an update keeps documents whose stamp did not change.</description></item>
/// </list>
/// </remarks>
public static class SearchFields
{
    public const string Id = "id", Key = "key", ExactKey = "exact_key", ExactLeaf = "exact_leaf", ExactTitle = "exact_title",
        KeyFolded = "key_folded", LeafFolded = "leaf_folded", Kind = "kind", DocSet = "docset", Title = "title",
        Names = "names", Signature = "signature", IndexEntries = "index_entries", Summary = "summary", Body = "body",
        Source = "source", Boost = "boost", BoostUndemoted = "boost_undemoted", Stamp = "stamp", ExactEntry = "exact_entry";

    /// <summary>What a change log's or index page's weight is multiplied by, unless the query names change logs.</summary>
    public const float DemotedFactor = 0.2f;

    /// <summary>pydoc's keys, modules and documented objects over prose that mentions them as often.</summary>
    public const float ObjectFactor = 2.0f;

    /// <summary>What a deprecated topic's weight is multiplied by: the current way first.</summary>
    public const float DeprecatedFactor = 0.5f;

    /// <summary>The id of a document: doc set, kind and key, which are unique together.</summary>
    public static string IdOf(string docSet, TopicKind kind, string key) =>
        string.Create(CultureInfo.InvariantCulture, $"{docSet}\u001f{(int)kind}\u001f{key}");

    /// <summary>The Lucene document of <paramref name="doc"/>.</summary>
    public static LuceneDocument ToDocument(SearchDocument doc, long stamp)
    {
        var names = string.Join('\n', new[] { doc.Key, doc.Title }.Concat(doc.Aliases).Distinct(StringComparer.Ordinal));
        var undemoted = StaticWeight(doc);
        var demoted = IsDemoted(doc.Source) ? undemoted * DemotedFactor : undemoted;
        var document = new LuceneDocument
        {
            new StringField(Id, IdOf(doc.DocSet, doc.Kind, doc.Key), Field.Store.NO),
            new StringField(Key, doc.Key, Field.Store.YES),
            new StringField(ExactKey, SearchText.NameKey(doc.Key), Field.Store.NO),
            new StringField(ExactLeaf, SearchText.LeafKey(doc.Key), Field.Store.NO),
            new StringField(ExactTitle, SearchText.NameKey(doc.Title), Field.Store.NO),
            new StringField(KeyFolded, doc.Key.ToLowerInvariant(), Field.Store.NO),
            new StringField(LeafFolded, LeafOf(doc.Key).ToLowerInvariant(), Field.Store.NO),
            new StringField(Kind, ((int)doc.Kind).ToString(CultureInfo.InvariantCulture), Field.Store.YES),
            new StringField(DocSet, doc.DocSet, Field.Store.YES),
            new StoredField(Title, doc.Title),
            new TextField(Names, names, Field.Store.NO),
            new NumericDocValuesField(Boost, BitConverter.SingleToInt32Bits(demoted)),
            new NumericDocValuesField(BoostUndemoted, BitConverter.SingleToInt32Bits(undemoted)),
            // Doc values: an update reads every document's id and stamp, which stored fields would decompress block by block.
            new BinaryDocValuesField(Id, new Lucene.Net.Util.BytesRef(IdOf(doc.DocSet, doc.Kind, doc.Key))),
            new NumericDocValuesField(Stamp, stamp),
        };
        if (!string.IsNullOrEmpty(doc.Signature))
        {
            document.Add(new Field(Signature, doc.Signature, StoredWithOffsets));
        }
        if (doc.IndexEntries.Count > 0)
        {
            document.Add(new TextField(IndexEntries, string.Join('\n', doc.IndexEntries), Field.Store.NO));
            foreach (var entry in doc.IndexEntries.Select(SearchText.NameKey).Where(e => e.Length > 0).Distinct(StringComparer.Ordinal))
            {
                document.Add(new StringField(ExactEntry, entry, Field.Store.YES));
            }
        }
        if (!string.IsNullOrEmpty(doc.Summary))
        {
            document.Add(new Field(Summary, doc.Summary, StoredWithOffsets));
        }
        document.Add(new Field(Body, doc.Body, StoredWithOffsets));
        if (doc.Source is not null)
        {
            document.Add(new StoredField(Source, doc.Source));
        }
        return document;
    }

    /// <summary>
    /// A text field whose postings keep each word's character offsets: snippets are cut from them
    /// (<see cref="TermOffsets"/>) rather than by analysing the text again.
    /// </summary>
    private static readonly FieldType StoredWithOffsets = Frozen(new FieldType(TextField.TYPE_STORED)
    {
        IndexOptions = IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS,
    });

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }

    /// <summary>The stored fields a hit shows (all but the body, which only a snippet reads).</summary>
    internal static readonly ISet<string> Shown = new HashSet<string> { Key, Kind, DocSet, Title, Signature, Summary, Source, ExactEntry };

    /// <summary>The body alone, for a snippet.</summary>
    internal static readonly ISet<string> BodyOnly = new HashSet<string> { Body };

    /// <summary>The last dotted name of a key (<c>gather</c> of <c>asyncio.gather</c>), or the key itself.</summary>
    public static string LeafOf(string key)
    {
        var dot = key.TrimEnd('.').LastIndexOf('.');
        return dot > 0 ? key[(dot + 1)..] : key;
    }

    /// <summary>
    /// A document's weight before any query: pydoc's keys, modules and objects count double (people search for
    /// names); each grows slowly with the links the docs make to it (<see cref="SearchDocument.InboundLinks"/>): the
    /// object the docs point to most is the one readers mean, not its alias or a generic alias of it; and what the
    /// docs mark deprecated counts half.
    /// </summary>
    public static float StaticWeight(SearchDocument doc)
    {
        var kind = TopicKinds.Priority(doc.Kind) <= TopicKinds.Priority(TopicKind.Method) ? ObjectFactor : 1f;
        var current = doc.Deprecated ? DeprecatedFactor : 1f;
        return kind * current * (1f + 0.1f * MathF.Log(1 + doc.InboundLinks));
    }

    /// <summary>
    /// Whether a page ranks low unless the query names it: change logs and release notes, which mention everything
    /// that changed, and index and contents pages, which mention everything and explain nothing.
    /// </summary>
    public static bool IsDemoted(string? source)
    {
        if (string.IsNullOrEmpty(source))
        {
            return false;
        }
        var page = source.Split('#')[0].ToLowerInvariant();
        var file = page[(page.LastIndexOf('/') + 1)..];
        var name = file.EndsWith(".html", StringComparison.Ordinal) ? file[..^5] : file;
        return ChangeLogPaths.Any(p => page.Contains(p, StringComparison.Ordinal))
            || name is "index" or "contents" or "search" or "py-modindex" or "modindex"
            || name.StartsWith("genindex", StringComparison.Ordinal);
    }

    /// <summary>Where doc sets keep change logs: Python's whatsnew/, Django's releases/, changelog and changes pages.</summary>
    private static readonly string[] ChangeLogPaths = ["whatsnew/", "releases/", "release-notes", "changelog", "changes", "news", "history"];
}
