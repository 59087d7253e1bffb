using Lucene.Net.Codecs;
using Lucene.Net.Codecs.Lucene40;
using Lucene.Net.Codecs.Lucene41;
using Lucene.Net.Codecs.Lucene45;
using Lucene.Net.Codecs.Lucene46;

namespace Help.Core.Search;

/// <summary>
/// The one codec, postings format and doc values format the search index is written and read with, made with
/// <c>new</c>. Lucene.Net's default factories find formats by reflection (a parameterless constructor looked up
/// at run time), which Native AOT does not keep: the published pyhelp failed with "No parameterless constructor
/// defined for type Lucene46Codec". Lucene.Net has no official AOT support yet (apache/lucenenet#1278); the
/// native build tests run every kind of search in the published program.
/// </summary>
/// <remarks>
/// The codec is Lucene46's but for its stored fields (<see cref="SearchCodec"/>).
/// </remarks>
internal static class LuceneFormats
{
    /// <summary>The codec every search index is written with.</summary>
    public static Codec Codec => CodecInstance.Value;

    private static readonly Lazy<Codec> CodecInstance = new(() => new SearchCodec());

    private static int _configured;

    /// <summary>Installs the factories, once; every type that opens or writes an index calls this first.</summary>
    public static void EnsureConfigured()
    {
        if (Interlocked.Exchange(ref _configured, 1) == 0)
        {
            Codec.SetCodecFactory(new Codecs());
            PostingsFormat.SetPostingsFormatFactory(new Postings());
            DocValuesFormat.SetDocValuesFormatFactory(new DocValues());
        }
    }

    private static ArgumentException Unknown(string what, string name) =>
        new($"the search index names {what} '{name}', which this build does not read (it writes {SearchCodec.FormatName} only)");

    // One instance each, as Lucene's own factories keep them: formats hold no state of an index.
    private sealed class Codecs : ICodecFactory
    {
        private readonly Lazy<Codec> _default = new(() => new Lucene46Codec());

        // Lucene46 is Lucene's default, which every new IndexWriterConfig asks for before it is given ours.
        public Codec GetCodec(string name) => name switch
        {
            SearchCodec.FormatName => Codec,
            "Lucene46" => _default.Value,
            _ => throw Unknown("codec", name),
        };
    }

    /// <summary>
    /// Lucene46 with Lucene40's stored fields, which are not compressed: a search reads the stored fields (key, title,
    /// summary) of every hit it shows, and Lucene46's compress documents in 16 kB blocks, so each hit cost a block's
    /// decompression, 48 against 5 microseconds a hit here (the index grows by a fifth).
    /// </summary>
    [CodecName(FormatName)]
    private sealed class SearchCodec() : FilterCodec(new Lucene46Codec())
    {
        public const string FormatName = "PyhelpSearch1";

        private readonly StoredFieldsFormat _storedFields = new Lucene40StoredFieldsFormat();

        public override StoredFieldsFormat StoredFieldsFormat => _storedFields;
    }

    private sealed class Postings : IPostingsFormatFactory
    {
        private readonly Lazy<PostingsFormat> _format = new(() => new Lucene41PostingsFormat());

        public PostingsFormat GetPostingsFormat(string name) => name == "Lucene41" ? _format.Value : throw Unknown("postings format", name);
    }

    private sealed class DocValues : IDocValuesFormatFactory
    {
        private readonly Lazy<DocValuesFormat> _format = new(() => new Lucene45DocValuesFormat());

        public DocValuesFormat GetDocValuesFormat(string name) => name == "Lucene45" ? _format.Value : throw Unknown("doc values format", name);
    }
}
