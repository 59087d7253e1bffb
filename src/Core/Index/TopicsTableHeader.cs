using System.Buffers.Binary;

namespace Help.Core.Index;

/// <summary>
/// The 96-byte header of a topics table (<see cref="TopicsTableFormat"/> has the layout), read and written here
/// only: the writer fills one in and the reader parses one back, so the two cannot place a field differently.
/// </summary>
/// <param name="Version">The format version (<see cref="TopicsTableFormat.Version"/>).</param>
/// <param name="TopicCount">How many topics (records) the table holds.</param>
/// <param name="KeyCount">Every key and alias of every topic.</param>
/// <param name="DocSetCount">How many doc set names the directory starts with.</param>
/// <param name="DocSetsAt">Where the directory starts: the doc set names.</param>
/// <param name="KeyIndexAt">Where the key index starts.</param>
/// <param name="NameIndexAt">Where the name index starts.</param>
/// <param name="StringsAt">Where the key strings start.</param>
/// <param name="RecordIndexAt">Where the record index starts.</param>
/// <param name="RecordsAt">Where the records start.</param>
/// <param name="Length">The whole file's length, to detect truncation.</param>
/// <param name="DirectoryCrc">CRC-32C of the directory's page checksums.</param>
/// <param name="RecordsCrc">CRC-32C of the records.</param>
/// <param name="DirectoryLength">The directory's length: from the doc set names to the end of the record index.</param>
public readonly record struct TopicsTableHeader(
    int Version,
    int TopicCount,
    int KeyCount,
    int DocSetCount,
    long DocSetsAt,
    long KeyIndexAt,
    long NameIndexAt,
    long StringsAt,
    long RecordIndexAt,
    long RecordsAt,
    long Length,
    uint DirectoryCrc,
    uint RecordsCrc,
    int DirectoryLength)
{
    public const int Size = 96;

    // Where each field sits: the layout in TopicsTableFormat, in one place.
    private const int MagicAt = 0, VersionAt = 8, TopicCountAt = 12, KeyCountAt = 16, DocSetCountAt = 20,
        DocSetsOffsetAt = 24, KeyIndexOffsetAt = 32, NameIndexOffsetAt = 40, StringsOffsetAt = 48,
        RecordIndexOffsetAt = 56, RecordsOffsetAt = 64, LengthAt = 72, DirectoryCrcAt = 80, RecordsCrcAt = 84,
        DirectoryLengthAt = 88;

    /// <summary>Where the header's own checksum sits: its last four bytes.</summary>
    public const int ChecksumAt = 92;

    /// <summary>Whether <paramref name="bytes"/> start with the magic; then their version can be read, whatever it is.</summary>
    public static bool HasMagic(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= TopicCountAt && bytes[MagicAt..VersionAt].SequenceEqual(TopicsTableFormat.Magic);

    /// <summary>The version of a header that <see cref="HasMagic"/>.</summary>
    public static int VersionOf(ReadOnlySpan<byte> bytes) => BinaryPrimitives.ReadInt32LittleEndian(bytes[VersionAt..]);

    /// <summary>The header's own checksum, as written at its end.</summary>
    public static uint ChecksumOf(ReadOnlySpan<byte> bytes) => BinaryPrimitives.ReadUInt32LittleEndian(bytes[ChecksumAt..]);

    /// <summary>
    /// The header in <paramref name="bytes"/> (at least <see cref="Size"/> of them), or null when its checksum does not
    /// match its bytes.
    /// </summary>
    public static TopicsTableHeader? Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < Size || ChecksumOf(bytes) != Crc32C.Compute(bytes[..ChecksumAt]))
        {
            return null;
        }
        return new TopicsTableHeader(
            I32(bytes, VersionAt), I32(bytes, TopicCountAt), I32(bytes, KeyCountAt), I32(bytes, DocSetCountAt),
            I64(bytes, DocSetsOffsetAt), I64(bytes, KeyIndexOffsetAt), I64(bytes, NameIndexOffsetAt), I64(bytes, StringsOffsetAt),
            I64(bytes, RecordIndexOffsetAt), I64(bytes, RecordsOffsetAt), I64(bytes, LengthAt),
            U32(bytes, DirectoryCrcAt), U32(bytes, RecordsCrcAt), I32(bytes, DirectoryLengthAt));
    }

    private static int I32(ReadOnlySpan<byte> bytes, int at) => BinaryPrimitives.ReadInt32LittleEndian(bytes[at..]);
    private static long I64(ReadOnlySpan<byte> bytes, int at) => BinaryPrimitives.ReadInt64LittleEndian(bytes[at..]);
    private static uint U32(ReadOnlySpan<byte> bytes, int at) => BinaryPrimitives.ReadUInt32LittleEndian(bytes[at..]);

    /// <summary>Writes the header, its magic and its own checksum included, into the first <see cref="Size"/> bytes of <paramref name="bytes"/>.</summary>
    public void Write(Span<byte> bytes)
    {
        var h = bytes[..Size];
        h.Clear();
        TopicsTableFormat.Magic.CopyTo(h);
        BinaryPrimitives.WriteInt32LittleEndian(h[VersionAt..], Version);
        BinaryPrimitives.WriteInt32LittleEndian(h[TopicCountAt..], TopicCount);
        BinaryPrimitives.WriteInt32LittleEndian(h[KeyCountAt..], KeyCount);
        BinaryPrimitives.WriteInt32LittleEndian(h[DocSetCountAt..], DocSetCount);
        BinaryPrimitives.WriteInt64LittleEndian(h[DocSetsOffsetAt..], DocSetsAt);
        BinaryPrimitives.WriteInt64LittleEndian(h[KeyIndexOffsetAt..], KeyIndexAt);
        BinaryPrimitives.WriteInt64LittleEndian(h[NameIndexOffsetAt..], NameIndexAt);
        BinaryPrimitives.WriteInt64LittleEndian(h[StringsOffsetAt..], StringsAt);
        BinaryPrimitives.WriteInt64LittleEndian(h[RecordIndexOffsetAt..], RecordIndexAt);
        BinaryPrimitives.WriteInt64LittleEndian(h[RecordsOffsetAt..], RecordsAt);
        BinaryPrimitives.WriteInt64LittleEndian(h[LengthAt..], Length);
        BinaryPrimitives.WriteUInt32LittleEndian(h[DirectoryCrcAt..], DirectoryCrc);
        BinaryPrimitives.WriteUInt32LittleEndian(h[RecordsCrcAt..], RecordsCrc);
        BinaryPrimitives.WriteInt32LittleEndian(h[DirectoryLengthAt..], DirectoryLength);
        BinaryPrimitives.WriteUInt32LittleEndian(h[ChecksumAt..], Crc32C.Compute(h[..ChecksumAt]));
    }
}
