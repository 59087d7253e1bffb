using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace Help.Core.Index;

/// <summary>
/// The directory of a topics table (doc set names, key, name and record indexes, key strings): the bytes a
/// lookup searches, each page read from the file and checked against its own checksum the first time it is
/// needed (<see cref="TopicsTableFormat.DirectoryPageSize"/>).
/// </summary>
/// <remarks>
/// A lookup binary-searches the key index and reads a few dozen of the directory's pages: reading only those
/// spares it copying (and checking) the whole directory, megabytes for a machine's doc sets, at every start.
/// The pages land in one array of the directory's size, allocated without zeroing, so pages never read cost no
/// memory. Nothing is read unchecked: the page checksums are checked against the header when the table opens.
/// Thread-safe: two threads may read the same page at once, which only repeats the work (and writes the same bytes).
/// </remarks>
internal sealed class TableDirectory
{
    private const int PageSize = TopicsTableFormat.DirectoryPageSize;
    private readonly ulong[] _checked;
    private readonly Func<string, InvalidDataException> _damaged;

    /// <summary>The directory's length in bytes, not counting the page checksums after it.</summary>
    public int Length { get; }

    private readonly SafeFileHandle _file;
    private readonly long _offset;

    /// <summary>The directory's pages, those read so far (see <see cref="_checked"/>).</summary>
    private readonly byte[] _pages;

    /// <summary>The checksum of each page, read whole when the table opens.</summary>
    private readonly byte[] _checksums;

    private TableDirectory(SafeFileHandle file, long offset, int length, Func<string, InvalidDataException> damaged)
    {
        _file = file;
        _offset = offset;
        Length = length;
        _damaged = damaged;
        _checked = new ulong[(PageCount(length) + 63) / 64];
        // Uninitialized: a page is read in before anything reads it, and pages never read are never touched.
        _pages = GC.AllocateUninitializedArray<byte>(length);
        _checksums = new byte[4 * PageCount(length)];
        ReadExactly(file, _checksums, offset + length);
    }

    /// <summary>How many page checksums follow a directory of <paramref name="length"/> bytes.</summary>
    public static int PageCount(int length) => (length + PageSize - 1) / PageSize;

    /// <summary>The <paramref name="length"/> bytes at <paramref name="offset"/> of the directory, each page of them checked.</summary>
    /// <exception cref="InvalidDataException">A page does not match its checksum, or the range lies outside the directory.</exception>
    public ReadOnlySpan<byte> Read(int offset, int length)
    {
        if (offset < 0 || length < 0 || offset > Length - length)
        {
            throw _damaged($"a read of {length} bytes at {offset} lies outside the {Length}-byte directory");
        }
        if (length > 0)
        {
            for (int page = offset / PageSize, last = (offset + length - 1) / PageSize; page <= last; page++)
            {
                if ((Volatile.Read(ref _checked[page >> 6]) & (1UL << page)) == 0)
                {
                    Check(page);
                }
            }
        }
        return _pages.AsSpan(offset, length);
    }

    /// <summary>Checks every page not yet checked.</summary>
    /// <exception cref="InvalidDataException">A page does not match its checksum.</exception>
    public void CheckAll() => Read(0, Length);

    private void Check(int page)
    {
        var start = page * PageSize;
        var bytes = _pages.AsSpan(start, Math.Min(PageSize, Length - start));
        try
        {
            ReadExactly(_file, bytes, _offset + start);
        }
        catch (EndOfStreamException e)
        {
            throw _damaged(e.Message);
        }
        if (Crc32C.Compute(bytes) != BinaryPrimitives.ReadUInt32LittleEndian(_checksums.AsSpan(4 * page)))
        {
            throw _damaged($"directory page {page} does not match its checksum");
        }
        Interlocked.Or(ref _checked[page >> 6], 1UL << page);
    }

    /// <summary>
    /// The directory of <paramref name="length"/> bytes at <paramref name="offset"/> of <paramref name="file"/>
    /// and the page checksums after it, which must match <paramref name="pageChecksumsCrc"/>; errors are made by
    /// <paramref name="damaged"/>.
    /// </summary>
    /// <exception cref="InvalidDataException">The file ends early, or the page checksums do not match.</exception>
    public static TableDirectory Load(SafeFileHandle file, long offset, int length, uint pageChecksumsCrc,
        Func<string, InvalidDataException> damaged)
    {
        TableDirectory directory;
        try
        {
            directory = new TableDirectory(file, offset, length, damaged);
        }
        catch (EndOfStreamException e)
        {
            throw damaged(e.Message);
        }
        if (Crc32C.Compute(directory._checksums) != pageChecksumsCrc)
        {
            throw damaged("the directory's page checksums do not match the header");
        }
        return directory;
    }

    /// <summary>Fills <paramref name="buffer"/> from <paramref name="offset"/> of <paramref name="file"/>.</summary>
    /// <exception cref="EndOfStreamException">The file ends first.</exception>
    public static void ReadExactly(SafeFileHandle file, Span<byte> buffer, long offset)
    {
        var done = 0;
        while (done < buffer.Length)
        {
            var n = RandomAccess.Read(file, buffer[done..], offset + done);
            if (n == 0)
            {
                throw new EndOfStreamException($"it ends early at offset {offset + done}");
            }
            done += n;
        }
    }
}
