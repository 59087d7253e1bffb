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
    public static void Write(string path, IReadOnlyList<Topic> topics)
    {
        var docSets = topics.Select(t => t.DocSet).Distinct().Order(StringComparer.Ordinal).ToArray();
        var docSetIndex = docSets.Select((d, i) => (d, i)).ToDictionary(p => p.d, p => p.i, StringComparer.Ordinal);

        // Records in key order, so the same sources give the same bytes.
        var ordered = topics
            .OrderBy(t => TopicsTableFormat.Fold(t.Key), StringComparer.Ordinal)
            .ThenBy(t => t.Key, StringComparer.Ordinal)
            .ThenBy(t => TopicKinds.Priority(t.Kind))
            .ThenBy(t => (int)t.Kind)
            .ThenBy(t => docSetIndex[t.DocSet])
            .ToArray();

        var records = new byte[ordered.Length][];
        Parallel.For(0, ordered.Length, i => records[i] = Compress(TopicCodec.Encode(ordered[i], ordered[i].Body)));

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
        w.Write(new byte[TopicsTableFormat.HeaderSize]);

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

        var recordsAt = file.Position;
        foreach (var r in records)
        {
            w.Write(r);
        }
        w.Flush();
        var length = file.Position;

        Span<byte> h = stackalloc byte[TopicsTableFormat.HeaderSize];
        TopicsTableFormat.Magic.CopyTo(h);
        BinaryPrimitives.WriteInt32LittleEndian(h[8..], TopicsTableFormat.Version);
        BinaryPrimitives.WriteInt32LittleEndian(h[12..], ordered.Length);
        BinaryPrimitives.WriteInt32LittleEndian(h[16..], keys.Count);
        BinaryPrimitives.WriteInt32LittleEndian(h[20..], docSets.Length);
        BinaryPrimitives.WriteInt64LittleEndian(h[24..], docSetsAt);
        BinaryPrimitives.WriteInt64LittleEndian(h[32..], keyIndexAt);
        BinaryPrimitives.WriteInt64LittleEndian(h[40..], nameIndexAt);
        BinaryPrimitives.WriteInt64LittleEndian(h[48..], stringsAt);
        BinaryPrimitives.WriteInt64LittleEndian(h[56..], recordIndexAt);
        BinaryPrimitives.WriteInt64LittleEndian(h[64..], recordsAt);
        BinaryPrimitives.WriteInt64LittleEndian(h[72..], length);
        // Read back from the file, so the checksums cover the bytes as they were written.
        BinaryPrimitives.WriteUInt32LittleEndian(h[TopicsTableFormat.DirectoryCrcOffset..], Crc32C.Compute(file.SafeFileHandle, docSetsAt, recordsAt - docSetsAt));
        BinaryPrimitives.WriteUInt32LittleEndian(h[TopicsTableFormat.RecordsCrcOffset..], Crc32C.Compute(file.SafeFileHandle, recordsAt, length - recordsAt));
        BinaryPrimitives.WriteUInt32LittleEndian(h[TopicsTableFormat.HeaderCrcOffset..], Crc32C.Compute(h[..TopicsTableFormat.HeaderCrcOffset]));
        file.Position = 0;
        file.Write(h);
        file.Flush(flushToDisk: true);
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
