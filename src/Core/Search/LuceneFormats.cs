using Lucene.Net.Codecs;
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
internal static class LuceneFormats
{
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
        new($"the search index names {what} '{name}', which this build does not read (it writes Lucene46 only)");

    // One instance each, as Lucene's own factories keep them: formats hold no state of an index.
    private sealed class Codecs : ICodecFactory
    {
        private readonly Lazy<Codec> _codec = new(() => new Lucene46Codec());

        public Codec GetCodec(string name) => name == "Lucene46" ? _codec.Value : throw Unknown("codec", name);
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
