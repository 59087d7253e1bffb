using System.Collections.Concurrent;
using System.IO.Compression;
using System.Text;
using Help.Core.Index;
using Help.Core.Model;
using Help.Indexer.Sources.Sphinx;
using Help.Indexer.Writing;

namespace Help.Indexer.Pipeline;

/// <summary>
/// What each page of an HTML tree imported to, kept in the generation (<c>pages.cache</c>) so that the
/// next build re-reads only the pages whose files changed. Importing is most of a build (an HTML parse per
/// page); decoding a cached page is a hundred times cheaper.
/// </summary>
/// <remarks>
/// A page's entry is used only when its stamp matches: the page's and its <c>_sources</c> copy's length and
/// modification time, the tree's inventory and doc set, and the build of this tool (the module version ids
/// of the indexer and of Core, so any change of an importer or of the model drops the whole cache).
/// Layout, all Brotli-compressed as one stream: magic <c>PYHELPPC</c>, the tool stamp, an entry count, then
/// per entry its key, stamp, diagnostics (level byte, path, message) and topics (length and
/// <see cref="TopicCodec"/> bytes). Unreadable or foreign caches are ignored: the pages are read again.
/// </remarks>
public sealed class PageCache
{
    public const string FileName = "pages.cache";
    private static ReadOnlySpan<byte> Magic => "PYHELPPC"u8;

    /// <summary>The build of this tool: the module version ids of the indexer and of Core.</summary>
    internal static readonly string ToolStamp =
        $"{typeof(PageCache).Assembly.ManifestModule.ModuleVersionId}/{typeof(Topic).Assembly.ManifestModule.ModuleVersionId}";

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>One page's import: its topics and what was reported while reading it.</summary>
    public sealed record Entry(string Stamp, IReadOnlyList<Diagnostic> Diagnostics, IReadOnlyList<Topic> Topics)
    {
        /// <summary>The topics as the cache stores them, when this entry was read from one: written back as they are.</summary>
        internal IReadOnlyList<byte[]>? Stored { get; init; }
    }

    public int Count => _entries.Count;

    /// <summary>The cached import of <paramref name="key"/> if it was made from files with <paramref name="stamp"/>.</summary>
    public Entry? Find(string key, string stamp) =>
        _entries.TryGetValue(key, out var e) && e.Stamp == stamp ? e : null;

    public void Add(string key, Entry entry) => _entries[key] = entry;

    /// <summary>
    /// The stamp of a page of a tree: what its import depends on besides the tool itself.
    /// <paramref name="treeStamp"/> covers the inventory and the doc set.
    /// </summary>
    public static string PageStamp(string root, string pagePath, string treeStamp)
    {
        var sb = new StringBuilder(treeStamp);
        Append(sb, Path.Combine(root, pagePath));
        if (SphinxSourceTables.SourceOf(root, pagePath) is { } source)
        {
            Append(sb, source);
        }
        return sb.ToString();

        static void Append(StringBuilder sb, string path)
        {
            var info = new FileInfo(path);
            sb.Append('|').Append(info.Exists ? $"{info.Length}:{info.LastWriteTimeUtc.Ticks}" : "missing");
        }
    }

    /// <summary>The stamp of a tree's shared inputs: its inventory file and the doc set it makes.</summary>
    public static string TreeStamp(string root, DocSet docSet)
    {
        var inventory = new FileInfo(Path.Combine(root, "objects.inv"));
        return $"{docSet.Id}:{docSet.Name}:{docSet.Version}:{(inventory.Exists ? $"{inventory.Length}:{inventory.LastWriteTimeUtc.Ticks}" : "none")}";
    }

    /// <summary>The cache of <paramref name="generationDir"/>, or an empty one when there is none or it is unusable.</summary>
    public static PageCache Load(string? generationDir)
    {
        var cache = new PageCache();
        if (generationDir is null)
        {
            return cache;
        }
        try
        {
            using var file = File.OpenRead(Path.Combine(generationDir, FileName));
            using var brotli = new BrotliStream(file, CompressionMode.Decompress);
            using var r = new BinaryReader(brotli, Encoding.UTF8);
            if (!r.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic) || r.ReadString() != ToolStamp)
            {
                return cache;
            }
            var count = r.ReadInt32();
            var read = new (string Key, string Stamp, Diagnostic[] Diagnostics, byte[][] Topics)[count];
            for (var i = 0; i < count; i++)
            {
                var key = r.ReadString();
                var stamp = r.ReadString();
                var diagnostics = new Diagnostic[r.ReadInt32()];
                for (var d = 0; d < diagnostics.Length; d++)
                {
                    diagnostics[d] = new Diagnostic((DiagnosticLevel)r.ReadByte(), r.ReadString(), r.ReadString());
                }
                var topics = new byte[r.ReadInt32()][];
                for (var t = 0; t < topics.Length; t++)
                {
                    topics[t] = r.ReadBytes(r.ReadInt32());
                }
                read[i] = (key, stamp, diagnostics, topics);
            }
            // Decoding is most of the load and the pages are independent: one stream read, then every core decodes.
            Parallel.For(0, count, i =>
            {
                var (key, stamp, diagnostics, stored) = read[i];
                var topics = stored.Select(b => TopicCodec.Decode(b)).ToArray();
                cache._entries[key] = new Entry(stamp, diagnostics, Shared(topics)) { Stored = stored };
            });
            return cache;
        }
        catch (Exception e) when (Unusable(e))
        {
            // No cache, a damaged one or one of another format: every page is read again.
            return new PageCache();
        }
    }

    private static bool Unusable(Exception e) =>
        e is IOException or InvalidDataException or UnauthorizedAccessException or ArgumentException
        || (e is AggregateException a && a.InnerExceptions.All(Unusable));

    /// <summary>Writes the cache into <paramref name="generationDir"/>, entries in ordinal key order so the file is deterministic.</summary>
    public void Write(string generationDir)
    {
        using var file = File.Create(Path.Combine(generationDir, FileName));
        // Fastest: the cache is read once per build and is not worth the build's time to shrink.
        using var brotli = new BrotliStream(file, CompressionLevel.Fastest);
        using var w = new BinaryWriter(brotli, Encoding.UTF8);
        w.Write(Magic);
        w.Write(ToolStamp);
        w.Write(_entries.Count);
        foreach (var (key, entry) in _entries.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            w.Write(key);
            w.Write(entry.Stamp);
            w.Write(entry.Diagnostics.Count);
            foreach (var d in entry.Diagnostics)
            {
                w.Write((byte)d.Level);
                w.Write(d.Path);
                w.Write(d.Message);
            }
            var stored = entry.Stored ?? Store(entry.Topics);
            w.Write(stored.Count);
            foreach (var bytes in stored)
            {
                w.Write(bytes.Length);
                w.Write(bytes);
            }
        }
    }

    /// <summary>Stored with nested topics as includes: each block once, as in the topics table (see <see cref="Shared"/>).</summary>
    private static byte[][] Store(IReadOnlyList<Topic> topics) =>
        NestedTopics.Apply(topics).Select(t => TopicCodec.Encode(t, t.Body)).ToArray();

    /// <summary>
    /// A page's topics as the importer made them: a section's topic and the page that contains the section
    /// share one block instance, which <see cref="NestedTopics.Apply"/> finds by reference to store it once.
    /// The cache stores the includes <see cref="NestedTopics.Apply"/> made; this puts the shared instances back.
    /// (HTML pages have no includes of their own: only pydoc's keys, which are not cached, do.)
    /// </summary>
    private static Topic[] Shared(Topic[] stored)
    {
        var byKey = new Dictionary<(string Key, TopicKind Kind), int>();
        for (var i = 0; i < stored.Length; i++)
        {
            byKey.TryAdd((stored[i].Key, stored[i].Kind), i);
        }
        var expanded = new Topic?[stored.Length];
        Topic Expand(int i)
        {
            if (expanded[i] is { } done)
            {
                return done;
            }
            var t = stored[i];
            expanded[i] = t with { Body = t.Body.Select(Map).ToArray() };
            return expanded[i]!;
        }
        Block Map(Block block) => block switch
        {
            TopicInclude inc when byKey.TryGetValue((inc.Key, inc.Kind), out var owner) => Expand(owner).Body[0],
            Section s => s with { Body = s.Body.Select(Map).ToArray() },
            Description d => d with { Body = d.Body.Select(Map).ToArray() },
            BlockQuote q => q with { Content = q.Content.Select(Map).ToArray() },
            Admonition a => a with { Body = a.Body.Select(Map).ToArray() },
            _ => block,
        };
        return Enumerable.Range(0, stored.Length).Select(Expand).ToArray();
    }
}
