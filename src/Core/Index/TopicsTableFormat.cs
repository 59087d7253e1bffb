using Help.Core.Model;

namespace Help.Core.Index;

/// <summary>The layout of the topics table file (<c>topics.tbl</c>).</summary>
/// <remarks>
/// All integers are little-endian. The file is written once by the indexer and never modified. The header is read and
/// written by <see cref="TopicsTableHeader"/> alone.
/// <code>
/// offset size  field
///  0      8    magic "PYHELPTT"
///  8      4    format version (<see cref="Version"/>); a reader refuses any other
/// 12      4    topic count N
/// 16      4    key count K (every key and alias of every topic)
/// 20      4    doc set count D
/// 24      8    offset of the doc set names (D strings)
/// 32      8    offset of the key index (K entries of <see cref="KeyEntrySize"/> bytes)
/// 40      8    offset of the name index (K entries of 4 bytes)
/// 48      8    offset of the key strings (UTF-8, referenced by the key index)
/// 56      8    offset of the record index (N entries of <see cref="RecordEntrySize"/> bytes)
/// 64      8    offset of the records (each a Brotli-compressed <see cref="TopicCodec"/> encoding)
/// 72      8    total file length, to detect truncation
/// 80      4    CRC-32C of the directory's page checksums
/// 84      4    CRC-32C of the records
/// 88      4    directory length L: the bytes from the doc set names to the end of the record index
/// 92      4    CRC-32C of bytes 0-91 of the header
/// 96           end of header
/// </code>
/// Key index entry (16 bytes): u32 string offset, u16 string length, u8 kind, u8 flags (bit 0: alias),
/// u32 topic ordinal, u16 doc set ordinal, u16 reserved. Entries are sorted by the key folded to lower case,
/// then the key, then <see cref="TopicKinds.Priority"/>, then doc set, all ordinal: a reader binary-searches
/// exact and case-insensitive keys without loading the table.
/// Name index entry: u32 key index ordinal, sorted the same way by the key's last dotted component, so
/// that <c>submit</c> finds <c>concurrent.futures.Executor.submit</c>.
/// Record index entry (16 bytes): u64 offset from the records start, u32 length, u32 CRC-32C of the record.
/// Doc set names: u16 length then UTF-8 bytes each. The directory (doc set names, the three indexes and the key
/// strings, L bytes) is followed by its page checksums: u32 CRC-32C of each <see cref="DirectoryPageSize"/> bytes
/// of it, the last page shorter; the records start right after them. Records are in key order of their topics.
/// <para>
/// Integrity (format 5): the checksums are <see cref="Crc32C"/>. A reader checks the header and the page
/// checksums when it opens the table, each directory page the first time it reads from it, and each record's
/// own checksum when it reads that record: a lookup hashes only the few dozen pages its binary searches touch,
/// never the whole file, and reads nothing unchecked. <see cref="TopicsTable.Verify"/> checks every page and
/// the records as a whole. Any mismatch is an <see cref="InvalidDataException"/>: the table is rebuilt from its
/// sources, never repaired.
/// </para>
/// The same sources always give the same bytes: no timestamps, ordinal sorting throughout.
/// </remarks>
public static class TopicsTableFormat
{
    public const string FileName = "topics.tbl";
    public static ReadOnlySpan<byte> Magic => "PYHELPTT"u8;
    public const int Version = 7;
    public const int KeyEntrySize = 16;
    public const int RecordEntrySize = 16;

    /// <summary>The directory is checked in pages of this many bytes (the layout above).</summary>
    public const int DirectoryPageSize = 4096;

    public const byte AliasFlag = 1;

    /// <summary>The case-insensitive form keys are sorted and compared by.</summary>
    public static string Fold(string key) => key.ToLowerInvariant();

    /// <summary>The last dotted component of a key: <c>submit</c> for <c>concurrent.futures.Executor.submit</c>.</summary>
    public static string LastName(string key)
    {
        // A key like "library/asyncio#runners" or "..." has no dotted name worth indexing: keep it whole.
        var dot = key.LastIndexOf('.');
        return dot > 0 && dot < key.Length - 1 ? key[(dot + 1)..] : key;
    }

    /// <summary>The order of the key index and the name index.</summary>
    public static int CompareKeys(string foldedA, string keyA, TopicKind kindA, int docSetA,
        string foldedB, string keyB, TopicKind kindB, int docSetB)
    {
        var c = string.CompareOrdinal(foldedA, foldedB);
        if (c == 0) c = string.CompareOrdinal(keyA, keyB);
        if (c == 0) c = TopicKinds.Priority(kindA).CompareTo(TopicKinds.Priority(kindB));
        if (c == 0) c = ((int)kindA).CompareTo((int)kindB);
        if (c == 0) c = docSetA.CompareTo(docSetB);
        return c;
    }
}
