using System.Buffers.Binary;
using Help.Core.Index;

namespace Help.Reliability.Tests;

/// <summary>Ways to break an index file in place, as a bad disk, a stray write or an interrupted copy would.</summary>
internal static class Damage
{
    /// <summary>Inverts <paramref name="count"/> bytes at <paramref name="offset"/>, keeping the file's length (and inode).</summary>
    public static void Flip(string path, long offset, int count = 1)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        var bytes = new byte[count];
        file.Position = offset;
        file.ReadExactly(bytes);
        for (var i = 0; i < count; i++)
        {
            bytes[i] ^= 0xFF;
        }
        file.Position = offset;
        file.Write(bytes);
    }

    /// <summary>Overwrites a range with zeros, keeping the length.</summary>
    public static void Zero(string path, long offset, int count)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        file.Position = offset;
        file.Write(new byte[count]);
    }

    public static void Truncate(string path, long length)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite | FileShare.Delete);
        file.SetLength(length);
    }

    /// <summary>The largest file of a generation's search index (Lucene's compound file of its one segment).</summary>
    public static string LargestSearchFile(string generation) =>
        new DirectoryInfo(Path.Combine(generation, Help.Core.Search.SearchIndex.FolderName)).GetFiles()
            .OrderByDescending(f => f.Length).First().FullName;

    /// <summary>The commit point of a generation's search index (Lucene's <c>segments_N</c>).</summary>
    public static string SearchSegmentsFile(string generation) =>
        Directory.GetFiles(Path.Combine(generation, Help.Core.Search.SearchIndex.FolderName), "segments_*").Single();

    /// <summary>Where the parts of a topics table start, read from its header (see <see cref="TopicsTableFormat"/>).</summary>
    public sealed record TableLayout(long KeyIndex, long NameIndex, long Strings, long RecordIndex, long Records, long Length);

    public static TableLayout Layout(string table)
    {
        var bytes = new byte[TopicsTableHeader.Size];
        using (var f = File.OpenRead(table))
        {
            f.ReadExactly(bytes);
        }
        var h = TopicsTableHeader.Read(bytes) ?? throw new InvalidDataException($"{table}: the header's checksum does not match");
        return new TableLayout(h.KeyIndexAt, h.NameIndexAt, h.StringsAt, h.RecordIndexAt, h.RecordsAt, h.Length);
    }

    /// <summary>The file offset and length of the stored record of the topic <paramref name="key"/> names.</summary>
    public static (long Offset, int Length) RecordOf(string table, string key)
    {
        int ordinal;
        using (var t = TopicsTable.Open(table))
        {
            ordinal = t.FindExact(key)[0].TopicOrdinal;
        }
        var layout = Layout(table);
        var entry = new byte[TopicsTableFormat.RecordEntrySize];
        using var f = File.OpenRead(table);
        f.Position = layout.RecordIndex + (long)ordinal * TopicsTableFormat.RecordEntrySize;
        f.ReadExactly(entry);
        return (layout.Records + BinaryPrimitives.ReadInt64LittleEndian(entry), BinaryPrimitives.ReadInt32LittleEndian(entry.AsSpan(8)));
    }

    /// <summary>True when <paramref name="text"/> shows a .NET stack trace or an exception's type name.</summary>
    public static bool HasStackTrace(string text) =>
        text.Contains("   at ", StringComparison.Ordinal) || text.Contains("Exception", StringComparison.Ordinal);
}
