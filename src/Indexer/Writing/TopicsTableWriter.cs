using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Help.Core.Index;
using Help.Core.Model;

namespace Help.Indexer.Writing;

/// <summary>
/// Writes a topics table in the layout documented on <see cref="TopicsTableFormat"/>. Topics must be
/// valid (<see cref="Pipeline.TopicValidation"/>), unique by (doc set, key, kind), and have their nested
/// topics replaced by includes (<see cref="NestedTopics.Apply"/>).
/// </summary>
public static class TopicsTableWriter
{
    /// <summary>
    /// Beside the table: the digest of each record before compression (<see cref="Digest128"/>), so that the next
    /// build copies the compressed records that did not change instead of compressing them again. Layout: magic
    /// <c>PYHELPTH</c>, the tool stamp (<see cref="Pipeline.PageCache.ToolStamp"/>: another build may compress
    /// otherwise), the table's length and header checksum, a record count, then 16 bytes per record in table order.
    /// </summary>
    public const string DigestsFileName = "topics.digests";
    private static ReadOnlySpan<byte> DigestsMagic => "PYHELPTH"u8;

    /// <summary>One stored topic encoded (<see cref="TopicCodec.Encode"/>) with the digest of its bytes.</summary>
    public sealed record EncodedTopic(byte[] Bytes, byte[] Digest)
    {
        public static EncodedTopic Of(Topic stored)
        {
            var bytes = TopicCodec.Encode(stored, stored.Body);
            return new EncodedTopic(bytes, Digest128.Of(bytes));
        }
    }

    public static void Write(string path, IReadOnlyList<Topic> topics)
    {
        var encoded = new EncodedTopic[topics.Count];
        Parallel.For(0, topics.Count, i => encoded[i] = EncodedTopic.Of(topics[i]));
        Write(path, topics, encoded, previousTable: null);
    }

    /// <summary>
    /// Writes the table of <paramref name="topics"/>, already encoded (<paramref name="encoded"/>, in the same
    /// order). Records whose digest the table at <paramref name="previousTable"/> holds are copied from it
    /// compressed; the file is the same as if every record had been compressed here. Returns how many were.
    /// </summary>
    public static int Write(string path, IReadOnlyList<Topic> topics, IReadOnlyList<EncodedTopic> encoded, string? previousTable)
    {
        var docSets = topics.Select(t => t.DocSet).Distinct().Order(StringComparer.Ordinal).ToArray();
        var docSetIndex = docSets.Select((d, i) => (d, i)).ToDictionary(p => p.d, p => p.i, StringComparer.Ordinal);

        // Records in key order, so the same sources give the same bytes.
        var order = Enumerable.Range(0, topics.Count)
            .OrderBy(i => TopicsTableFormat.Fold(topics[i].Key), StringComparer.Ordinal)
            .ThenBy(i => topics[i].Key, StringComparer.Ordinal)
            .ThenBy(i => TopicKinds.Priority(topics[i].Kind))
            .ThenBy(i => (int)topics[i].Kind)
            .ThenBy(i => docSetIndex[topics[i].DocSet])
            .ToArray();
        var ordered = order.Select(i => topics[i]).ToArray();

        var reusable = previousTable is null ? null : PreviousRecords.Load(previousTable);
        var records = new byte[ordered.Length][];
        var compressed = 0;
        Parallel.For(0, ordered.Length, i =>
        {
            var e = encoded[order[i]];
            if (reusable?.Find(e.Digest) is { } copy)
            {
                records[i] = copy;
            }
            else
            {
                records[i] = Compress(e.Bytes);
                Interlocked.Increment(ref compressed);
            }
        });

        var keys = new List<(string Folded, string Key, TopicKind Kind, bool Alias, int Topic, int DocSet)>();
        for (var i = 0; i < ordered.Length; i++)
        {
            var t = ordered[i];
            var ds = docSetIndex[t.DocSet];
            keys.Add((TopicsTableFormat.Fold(t.Key), t.Key, t.Kind, false, i, ds));
            foreach (var alias in t.Aliases.Distinct(StringComparer.Ordinal).Where(a => a != t.Key))
            {
                keys.Add((TopicsTableFormat.Fold(alias), alias, t.Kind, true, i, ds));
            }
        }
        keys.Sort((a, b) =>
        {
            var c = TopicsTableFormat.CompareKeys(a.Folded, a.Key, a.Kind, a.DocSet, b.Folded, b.Key, b.Kind, b.DocSet);
            return c != 0 ? c : a.Alias.CompareTo(b.Alias);
        });
        var byName = Enumerable.Range(0, keys.Count)
            .OrderBy(i => TopicsTableFormat.Fold(TopicsTableFormat.LastName(keys[i].Key)), StringComparer.Ordinal)
            .ThenBy(i => i)
            .ToArray();

        using var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1 << 16);
        using var w = new BinaryWriter(file, Encoding.UTF8);
        w.Write(new byte[TopicsTableHeader.Size]);

        var docSetsAt = file.Position;
        foreach (var d in docSets)
        {
            var b = Encoding.UTF8.GetBytes(d);
            w.Write((ushort)b.Length);
            w.Write(b);
        }

        var strings = new MemoryStream();
        var keyIndexAt = file.Position;
        foreach (var k in keys)
        {
            var b = Encoding.UTF8.GetBytes(k.Key);
            if (b.Length > ushort.MaxValue)
            {
                throw new InvalidDataException($"key too long to store: {k.Key[..40]}...");
            }
            w.Write((uint)strings.Length);
            w.Write((ushort)b.Length);
            w.Write((byte)k.Kind);
            w.Write(k.Alias ? TopicsTableFormat.AliasFlag : (byte)0);
            w.Write(k.Topic);
            w.Write((ushort)k.DocSet);
            w.Write((ushort)0);
            strings.Write(b);
        }

        var nameIndexAt = file.Position;
        foreach (var i in byName)
        {
            w.Write(i);
        }

        var stringsAt = file.Position;
        strings.Position = 0;
        strings.CopyTo(file);

        var recordIndexAt = file.Position;
        long offset = 0;
        foreach (var r in records)
        {
            w.Write(offset);
            w.Write(r.Length);
            w.Write(Crc32C.Compute(r));
            offset += r.Length;
        }

        // The directory's page checksums, read back from the file so that they cover the bytes as written.
        w.Flush();
        var directoryLength = checked((int)(file.Position - docSetsAt));
        var pageChecksumsAt = file.Position;
        for (var page = 0L; page < directoryLength; page += TopicsTableFormat.DirectoryPageSize)
        {
            w.Write(Crc32C.Compute(file.SafeFileHandle, docSetsAt + page, Math.Min(TopicsTableFormat.DirectoryPageSize, directoryLength - page)));
        }
        w.Flush();

        var recordsAt = file.Position;
        foreach (var r in records)
        {
            w.Write(r);
        }
        w.Flush();
        var length = file.Position;

        // The checksums are read back from the file, so they cover the bytes as they were written.
        var header = new TopicsTableHeader(TopicsTableFormat.Version, ordered.Length, keys.Count, docSets.Length,
            docSetsAt, keyIndexAt, nameIndexAt, stringsAt, recordIndexAt, recordsAt, length,
            DirectoryCrc: Crc32C.Compute(file.SafeFileHandle, pageChecksumsAt, recordsAt - pageChecksumsAt),
            RecordsCrc: Crc32C.Compute(file.SafeFileHandle, recordsAt, length - recordsAt),
            DirectoryLength: directoryLength);
        Span<byte> h = stackalloc byte[TopicsTableHeader.Size];
        header.Write(h);
        file.Position = 0;
        file.Write(h);
        file.Flush(flushToDisk: true);

        WriteDigests(path, order.Select(i => encoded[i].Digest), length, TopicsTableHeader.ChecksumOf(h));
        return compressed;
    }

    private static void WriteDigests(string tablePath, IEnumerable<byte[]> digests, long tableLength, uint headerCrc)
    {
        var all = digests.ToList();
        using var file = File.Create(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(tablePath))!, DigestsFileName));
        using var w = new BinaryWriter(file, Encoding.UTF8);
        w.Write(DigestsMagic);
        w.Write(Pipeline.PageCache.ToolStamp);
        w.Write(tableLength);
        w.Write(headerCrc);
        w.Write(all.Count);
        foreach (var d in all)
        {
            w.Write(d);
        }
    }

    /// <summary>The compressed records of a previous table, by the digest of their bytes before compression.</summary>
    private sealed class PreviousRecords
    {
        private readonly byte[] _table;
        private readonly long _recordIndex, _records;
        private readonly Dictionary<UInt128, int> _byDigest = [];

        private PreviousRecords(byte[] table)
        {
            _table = table;
            _recordIndex = BinaryPrimitives.ReadInt64LittleEndian(table.AsSpan(56));
            _records = BinaryPrimitives.ReadInt64LittleEndian(table.AsSpan(64));
        }

        /// <summary>Null when there is no usable table or digests file: then every record is compressed.</summary>
        public static PreviousRecords? Load(string tablePath)
        {
            try
            {
                var digestsPath = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(tablePath))!, DigestsFileName);
                if (!File.Exists(tablePath) || !File.Exists(digestsPath))
                {
                    return null;
                }
                var table = File.ReadAllBytes(tablePath);
                using var r = new BinaryReader(File.OpenRead(digestsPath), Encoding.UTF8);
                if (TopicsTableHeader.Read(table) is not { Version: TopicsTableFormat.Version } header
                    || !TopicsTableHeader.HasMagic(table)
                    || !r.ReadBytes(DigestsMagic.Length).AsSpan().SequenceEqual(DigestsMagic)
                    || r.ReadString() != Pipeline.PageCache.ToolStamp
                    || r.ReadInt64() != table.Length
                    || r.ReadUInt32() != TopicsTableHeader.ChecksumOf(table))
                {
                    return null;
                }
                var count = r.ReadInt32();
                if (count != header.TopicCount)
                {
                    return null;
                }
                var previous = new PreviousRecords(table);
                for (var i = 0; i < count; i++)
                {
                    previous._byDigest.TryAdd(Key(r.ReadBytes(Digest128.Size)), i);
                }
                return previous;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException or ArgumentException)
            {
                return null;
            }
        }

        /// <summary>The compressed record of <paramref name="digest"/>, or null when there is none or it does not check out.</summary>
        public byte[]? Find(byte[] digest)
        {
            if (!_byDigest.TryGetValue(Key(digest), out var i))
            {
                return null;
            }
            var entry = _recordIndex + (long)i * TopicsTableFormat.RecordEntrySize;
            if (entry < 0 || entry + TopicsTableFormat.RecordEntrySize > _table.Length)
            {
                return null;
            }
            var offset = BinaryPrimitives.ReadInt64LittleEndian(_table.AsSpan((int)entry));
            var length = BinaryPrimitives.ReadInt32LittleEndian(_table.AsSpan((int)entry + 8));
            var crc = BinaryPrimitives.ReadUInt32LittleEndian(_table.AsSpan((int)entry + 12));
            var at = _records + offset;
            if (offset < 0 || length < 0 || at + length > _table.Length)
            {
                return null;
            }
            var record = _table.AsSpan((int)at, length);
            return Crc32C.Compute(record) == crc ? record.ToArray() : null;
        }

        private static UInt128 Key(byte[] digest) =>
            new(BinaryPrimitives.ReadUInt64LittleEndian(digest.AsSpan(8)), BinaryPrimitives.ReadUInt64LittleEndian(digest));
    }

    private static byte[] Compress(byte[] data)
    {
        using var output = new MemoryStream();
        using (var brotli = new BrotliStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            brotli.Write(data);
        }
        return output.ToArray();
    }
}

/// <summary>
/// Finds topics nested in other topics (a class's methods in the class, a section in its page) and
/// stores each once: where a topic's body contains the block that is another topic's whole body, the
/// stored body holds a <see cref="TopicInclude"/> instead. Importers hand nested topics the very block
/// instances of their parent's tree, so identity, not equality, decides.
/// </summary>
public static class NestedTopics
{
    /// <summary>The topics as they are stored: the same topics, with nested ones replaced by includes.</summary>
    public static IReadOnlyList<Topic> Apply(IReadOnlyList<Topic> topics)
    {
        // The owner of a block is the best-ranked topic whose body is that one block; others point to it.
        var owners = new Dictionary<Block, Topic>(ReferenceEqualityComparer.Instance);
        foreach (var t in topics.OrderBy(t => TopicKinds.Priority(t.Kind)).ThenBy(t => t.Key, StringComparer.Ordinal))
        {
            if (t.Body.Count == 1 && t.Body[0] is Section or Description or DefinitionList)
            {
                owners.TryAdd(t.Body[0], t);
            }
        }

        var result = new Topic[topics.Count];
        for (var i = 0; i < topics.Count; i++)
        {
            var t = topics[i];
            result[i] = t.Body.Count == 1 && owners.TryGetValue(t.Body[0], out var owner) && !ReferenceEquals(owner, t)
                ? t with { Body = [new TopicInclude(owner.Key, owner.Kind)] }
                : t with { Body = t.Body.Select(b => Replace(b, t, owners, top: true)).ToArray() };
        }
        return result;
    }

    private static Block Replace(Block block, Topic self, Dictionary<Block, Topic> owners, bool top)
    {
        if (!top && owners.TryGetValue(block, out var owner) && !ReferenceEquals(owner, self))
        {
            return new TopicInclude(owner.Key, owner.Kind);
        }
        IReadOnlyList<Block> Map(IReadOnlyList<Block> blocks) => blocks.Select(b => Replace(b, self, owners, top: false)).ToArray();
        return block switch
        {
            Section s => s with { Body = Map(s.Body) },
            Description d => d with { Body = Map(d.Body) },
            BlockQuote q => q with { Content = Map(q.Content) },
            Admonition a => a with { Body = Map(a.Body) },
            _ => block,
        };
    }
}
