using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Microsoft.Win32.SafeHandles;
using Help.Core.Model;

namespace Help.Core.Index;

/// <summary>One key of the table: which topic it names, and how.</summary>
public sealed record KeyEntry(string Key, TopicKind Kind, bool IsAlias, int TopicOrdinal, string DocSet);

/// <summary>
/// Reads a topics table (see <see cref="TopicsTableFormat"/>). Opening reads and checks the header and
/// the directory (keys, names, record index: a few MB for the whole Python docs); a lookup then reads one
/// record, checked against its own checksum. Thread-safe.
/// </summary>
public sealed class TopicsTable : IDisposable
{
    private readonly SafeFileHandle _file;
    private readonly string _path;
    // The directory: doc set names, key index, name index, key strings and record index.
    private readonly TableDirectory _directory;
    private readonly int _keyIndex, _nameIndex, _strings, _recordIndex;
    private readonly long _records, _length;
    private readonly uint _recordsCrc;
    private readonly string[] _docSets;

    public int TopicCount { get; }
    public int KeyCount { get; }
    public IReadOnlyList<string> DocSets => _docSets;

    private TopicsTable(SafeFileHandle file, string path)
    {
        _file = file;
        _path = path;
        Span<byte> bytes = stackalloc byte[TopicsTableHeader.Size];
        _length = RandomAccess.GetLength(file);
        var read = RandomAccess.Read(file, bytes, 0);
        if (!TopicsTableHeader.HasMagic(bytes[..read]))
        {
            throw Damaged("not a topics table");
        }
        // The version first: an older table is "built by another version", not "damaged".
        var version = TopicsTableHeader.VersionOf(bytes);
        if (version != TopicsTableFormat.Version)
        {
            throw new InvalidDataException($"{path}: topics table format {version}, this tool reads format {TopicsTableFormat.Version}");
        }
        if (TopicsTableHeader.Read(bytes[..read]) is not { } h)
        {
            throw Damaged("the header's checksum does not match");
        }
        if (h.Length != _length)
        {
            throw Damaged($"truncated or extended: {_length} bytes, written as {h.Length}");
        }
        TopicCount = h.TopicCount;
        KeyCount = h.KeyCount;
        long[] at = [h.DocSetsAt, h.KeyIndexAt, h.NameIndexAt, h.StringsAt, h.RecordIndexAt, h.RecordsAt];
        _records = h.RecordsAt;
        // The header's checksum held, so a bad layout here is a writer's bug, still never an index to trust.
        if (TopicCount < 0 || KeyCount < 0 || h.DocSetCount is < 0 or > ushort.MaxValue || h.DocSetsAt != TopicsTableHeader.Size
            || !IsAscending(at) || _records > _length || _records - h.DocSetsAt > int.MaxValue || h.DirectoryLength < 0
            || _records - h.DocSetsAt != h.DirectoryLength + 4L * TableDirectory.PageCount(h.DirectoryLength)
            || h.NameIndexAt - h.KeyIndexAt != (long)KeyCount * TopicsTableFormat.KeyEntrySize || h.StringsAt - h.NameIndexAt != (long)KeyCount * 4
            || h.DocSetsAt + h.DirectoryLength - h.RecordIndexAt != (long)TopicCount * TopicsTableFormat.RecordEntrySize)
        {
            throw Damaged("the header's layout is inconsistent");
        }
        _directory = TableDirectory.Load(file, h.DocSetsAt, h.DirectoryLength, h.DirectoryCrc, Damaged);
        _recordsCrc = h.RecordsCrc;
        _keyIndex = (int)(h.KeyIndexAt - h.DocSetsAt);
        _nameIndex = (int)(h.NameIndexAt - h.DocSetsAt);
        _strings = (int)(h.StringsAt - h.DocSetsAt);
        _recordIndex = (int)(h.RecordIndexAt - h.DocSetsAt);

        _docSets = new string[h.DocSetCount];
        var p = 0;
        for (var i = 0; i < h.DocSetCount; i++)
        {
            var n = BinaryPrimitives.ReadUInt16LittleEndian(_directory.Read(p, 2));
            _docSets[i] = Encoding.UTF8.GetString(_directory.Read(p + 2, n));
            p += 2 + n;
        }
    }

    /// <summary>
    /// Checks the whole file against its checksums, every directory page and the records included (the table of
    /// the Python docs, about 8 MB, in a few milliseconds). A server does this once per generation it opens.
    /// </summary>
    /// <exception cref="InvalidDataException">Some part of the table is not as it was written.</exception>
    public void Verify()
    {
        _directory.CheckAll();
        uint crc;
        try
        {
            crc = Crc32C.Compute(_file, _records, _length - _records);
        }
        catch (InvalidDataException e)
        {
            throw Damaged(e.Message);
        }
        if (crc != _recordsCrc)
        {
            throw Damaged("the records' checksum does not match");
        }
    }

    /// <summary>Opens a table; throws <see cref="InvalidDataException"/> naming the file when it is not a readable table.</summary>
    public static TopicsTable Open(string path)
    {
        var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        try
        {
            return new TopicsTable(file, path);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    /// <summary>Every entry whose key is exactly <paramref name="key"/>, best kind first.</summary>
    public IReadOnlyList<KeyEntry> FindExact(string key) =>
        FindFolded(key).Where(e => e.Key == key).ToList();

    /// <summary>Every entry whose key equals <paramref name="key"/> ignoring case, best kind first.</summary>
    public IReadOnlyList<KeyEntry> FindFolded(string key)
    {
        var folded = TopicsTableFormat.Fold(key);
        var first = LowerBound(KeyCount, i => CompareFolded(ReadKeyEntry(i), folded) < 0);
        var found = new List<KeyEntry>();
        for (var i = first; i < KeyCount; i++)
        {
            var e = ReadKeyEntry(i);
            if (CompareFolded(e, folded) != 0) break;
            found.Add(ToEntry(e, ReadKeyString(e)));
        }
        return Ranked(found);
    }

    /// <summary>
    /// <c>string.CompareOrdinal(Fold(key of e), folded)</c> without making either string: the binary search of
    /// every lookup compares a dozen keys or more.
    /// </summary>
    private int CompareFolded(RawKeyEntry e, string folded)
    {
        var utf8 = _directory.Read(_strings + (int)e.StringOffset, e.StringLength);
        var rented = utf8.Length > 256 ? ArrayPool<char>.Shared.Rent(2 * utf8.Length) : null;
        Span<char> buffer = rented ?? stackalloc char[512];
        var chars = buffer[..Encoding.UTF8.GetChars(utf8, buffer)];
        var lower = buffer.Slice(chars.Length, chars.Length);
        chars.ToLowerInvariant(lower);
        var c = lower.SequenceCompareTo(folded);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
        return c;
    }

    /// <summary>Every entry whose last dotted component equals <paramref name="name"/> ignoring case, best kind first.</summary>
    public IReadOnlyList<KeyEntry> FindByLastName(string name)
    {
        var folded = TopicsTableFormat.Fold(name);
        string NameAt(int i) => TopicsTableFormat.Fold(TopicsTableFormat.LastName(ReadKeyString(ReadKeyEntry(ReadNameIndex(i)))));
        var first = LowerBound(KeyCount, i => string.CompareOrdinal(NameAt(i), folded) < 0);
        var found = new List<KeyEntry>();
        for (var i = first; i < KeyCount; i++)
        {
            var e = ReadKeyEntry(ReadNameIndex(i));
            var k = ReadKeyString(e);
            if (TopicsTableFormat.Fold(TopicsTableFormat.LastName(k)) != folded) break;
            found.Add(ToEntry(e, k));
        }
        return Ranked(found);
    }

    /// <summary>All keys in table order.</summary>
    public IEnumerable<KeyEntry> AllKeys()
    {
        for (var i = 0; i < KeyCount; i++)
        {
            var e = ReadKeyEntry(i);
            yield return ToEntry(e, ReadKeyString(e));
        }
    }

    /// <summary>Reads and decodes one topic.</summary>
    public Topic ReadTopic(int ordinal)
    {
        if ((uint)ordinal >= (uint)TopicCount)
        {
            throw new ArgumentOutOfRangeException(nameof(ordinal));
        }
        var entry = _directory.Read(_recordIndex + ordinal * TopicsTableFormat.RecordEntrySize, TopicsTableFormat.RecordEntrySize);
        var offset = BinaryPrimitives.ReadInt64LittleEndian(entry);
        var length = BinaryPrimitives.ReadInt32LittleEndian(entry[8..]);
        if (offset < 0 || length < 0 || _records + offset + length > _length)
        {
            throw Damaged($"record {ordinal} lies outside the file");
        }
        var compressed = new byte[length];
        ReadExactly(compressed, _records + offset);
        if (Crc32C.Compute(compressed) != BinaryPrimitives.ReadUInt32LittleEndian(entry[12..]))
        {
            throw Damaged($"record {ordinal}'s checksum does not match");
        }
        try
        {
            var decoded = Decompress(compressed, out var decodedLength)
                ?? throw Damaged($"record {ordinal} is not complete Brotli data");
            return TopicCodec.Decode(decoded.AsSpan(0, decodedLength));
        }
        catch (Exception e) when (e is not InvalidDataException and not OutOfMemoryException)
        {
            // The checksum held, so this is a writer's or codec's bug; still, a reader reports a bad table, not a crash.
            throw Damaged($"record {ordinal} cannot be decoded: {e.Message}");
        }
    }

    // Straight into one buffer, grown as needed: a BrotliStream copied into a MemoryStream cost a lookup an
    // 80 KB copy buffer and every doubling of the stream, all fresh memory (page faults) in a short process.
    private static byte[]? Decompress(ReadOnlySpan<byte> compressed, out int length)
    {
        var output = GC.AllocateUninitializedArray<byte>(Math.Max(1024, compressed.Length * 4));
        using var decoder = new BrotliDecoder();
        length = 0;
        while (true)
        {
            var status = decoder.Decompress(compressed, output.AsSpan(length), out var consumed, out var written);
            compressed = compressed[consumed..];
            length += written;
            switch (status)
            {
                case OperationStatus.Done:
                    return output;
                case OperationStatus.DestinationTooSmall:
                    var larger = GC.AllocateUninitializedArray<byte>(output.Length * 2);
                    output.AsSpan(0, length).CopyTo(larger);
                    output = larger;
                    break;
                default:
                    return null;
            }
        }
    }

    /// <summary>The topic a key entry names.</summary>
    public Topic ReadTopic(KeyEntry entry) => ReadTopic(entry.TopicOrdinal);

    /// <summary>
    /// The topic stored under <paramref name="key"/> with <paramref name="kind"/>: the one in
    /// <paramref name="docSet"/> when given, else the first in any doc set.
    /// </summary>
    public Topic? Find(string key, TopicKind kind, string? docSet = null)
    {
        var entry = FindExact(key).Where(e => e.Kind == kind).FirstOrDefault(e => docSet is null || e.DocSet == docSet);
        return entry is null ? null : ReadTopic(entry);
    }

    /// <summary>
    /// The topic stored under its own <paramref name="key"/> with <paramref name="kind"/> in
    /// <paramref name="docSet"/>, never one that only an alias of that key reaches: what the search index
    /// indexed under the key, since it indexes each topic under its own key alone.
    /// </summary>
    public Topic? FindOwn(string key, TopicKind kind, string docSet)
    {
        var entry = FindExact(key).FirstOrDefault(e => !e.IsAlias && e.Kind == kind && e.DocSet == docSet);
        return entry is null ? null : ReadTopic(entry);
    }

    public void Dispose()
    {
        _file.Dispose();
    }

    private static List<KeyEntry> Ranked(List<KeyEntry> found)
    {
        // Table order already sorts by key then kind priority; across case variants, restate it.
        found.Sort((a, b) =>
        {
            var c = TopicKinds.Priority(a.Kind).CompareTo(TopicKinds.Priority(b.Kind));
            return c != 0 ? c : a.IsAlias.CompareTo(b.IsAlias);
        });
        return found;
    }

    private readonly record struct RawKeyEntry(uint StringOffset, int StringLength, TopicKind Kind, byte Flags, int Topic, int DocSet);

    private KeyEntry ToEntry(RawKeyEntry e, string key) =>
        new(key, e.Kind, (e.Flags & TopicsTableFormat.AliasFlag) != 0, e.Topic, _docSets[e.DocSet]);

    private static RawKeyEntry ParseKeyEntry(ReadOnlySpan<byte> b) => new(
        BinaryPrimitives.ReadUInt32LittleEndian(b),
        BinaryPrimitives.ReadUInt16LittleEndian(b[4..]),
        (TopicKind)b[6],
        b[7],
        BinaryPrimitives.ReadInt32LittleEndian(b[8..]),
        BinaryPrimitives.ReadUInt16LittleEndian(b[12..]));

    private RawKeyEntry ReadKeyEntry(int index)
    {
        var e = ParseKeyEntry(_directory.Read(_keyIndex + index * TopicsTableFormat.KeyEntrySize, TopicsTableFormat.KeyEntrySize));
        if ((long)e.StringOffset + e.StringLength > _recordIndex - _strings || (uint)e.Topic >= (uint)TopicCount || e.DocSet >= _docSets.Length)
        {
            throw Damaged($"key entry {index} points outside the table");
        }
        return e;
    }

    private int ReadNameIndex(int index)
    {
        var i = BinaryPrimitives.ReadInt32LittleEndian(_directory.Read(_nameIndex + index * 4, 4));
        return (uint)i < (uint)KeyCount ? i : throw Damaged($"name entry {index} points outside the table");
    }

    private string ReadKeyString(RawKeyEntry e) => Encoding.UTF8.GetString(_directory.Read(_strings + (int)e.StringOffset, e.StringLength));

    private InvalidDataException Damaged(string what) => new($"{_path}: the topics table is damaged ({what})");

    private void ReadExactly(Span<byte> buffer, long offset)
    {
        try
        {
            TableDirectory.ReadExactly(_file, buffer, offset);
        }
        catch (EndOfStreamException e)
        {
            throw Damaged(e.Message);
        }
    }

    // A loop, not Zip: every lookup opens the table, and Zip over longs is JIT-compiled (nine methods) at each start.
    private static bool IsAscending(long[] offsets)
    {
        for (var i = 1; i < offsets.Length; i++)
        {
            if (offsets[i - 1] > offsets[i])
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>The first index in [0, count) for which <paramref name="before"/> is false.</summary>
    private static int LowerBound(int count, Func<int, bool> before)
    {
        int lo = 0, hi = count;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (before(mid)) lo = mid + 1; else hi = mid;
        }
        return lo;
    }
}
