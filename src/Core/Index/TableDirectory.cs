using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;
using Microsoft.Win32.SafeHandles;

namespace Help.Core.Index;

/// <summary>
/// The directory of a topics table (doc set names, key, name and record indexes, key strings): the bytes a
/// lookup searches, either read into memory or mapped from the file, each page checked against its own
/// checksum the first time it is read (<see cref="TopicsTableFormat.DirectoryPageSize"/>).
/// </summary>
/// <remarks>
/// A lookup binary-searches the key index and reads a few dozen of the directory's pages; checking only those
/// spares it hashing (and faulting in) the whole directory, a megabyte for the Python docs, at every start.
/// Nothing is read unchecked: the page checksums are checked against the header when the table opens.
/// Thread-safe: two threads may check the same page at once, which only repeats the work.
/// </remarks>
internal abstract class TableDirectory : IDisposable
{
    private const int PageSize = TopicsTableFormat.DirectoryPageSize;
    private readonly ulong[] _checked;
    private readonly Func<string, InvalidDataException> _damaged;

    /// <summary>The directory's length in bytes, not counting the page checksums after it.</summary>
    public int Length { get; }

    private TableDirectory(int length, Func<string, InvalidDataException> damaged)
    {
        Length = length;
        _damaged = damaged;
        _checked = new ulong[(PageCount(length) + 63) / 64];
    }

    /// <summary>The directory followed by its page checksums, unchecked.</summary>
    protected abstract ReadOnlySpan<byte> Stored { get; }

    public abstract void Dispose();

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
        return Stored.Slice(offset, length);
    }

    /// <summary>Checks every page not yet checked.</summary>
    /// <exception cref="InvalidDataException">A page does not match its checksum.</exception>
    public void CheckAll() => Read(0, Length);

    private void Check(int page)
    {
        var start = page * PageSize;
        var bytes = Stored.Slice(start, Math.Min(PageSize, Length - start));
        if (Crc32C.Compute(bytes) != BinaryPrimitives.ReadUInt32LittleEndian(Stored[(Length + 4 * page)..]))
        {
            throw _damaged($"directory page {page} does not match its checksum");
        }
        Interlocked.Or(ref _checked[page >> 6], 1UL << page);
    }

    /// <summary>
    /// The directory of <paramref name="length"/> bytes at <paramref name="offset"/> of <paramref name="file"/>
    /// and the page checksums after it, which must match <paramref name="pageChecksumsCrc"/>; errors are made by
    /// <paramref name="damaged"/>. <paramref name="mapped"/> maps them instead of reading them: no copy into fresh
    /// memory, whose page faults were the largest cost of a lookup's own work. But a file cut short under a mapping
    /// kills the process (SIGBUS) where a read would report damage. Tables are written once into their generation
    /// and never modified (a rebuild writes a new one, and removing an old one only unlinks it), so that takes an
    /// outside hand; the terminal tool maps, and the server, which holds a table for days, reads a copy.
    /// </summary>
    /// <exception cref="InvalidDataException">The file ends early, or the page checksums do not match.</exception>
    public static TableDirectory Load(SafeFileHandle file, long offset, int length, uint pageChecksumsCrc, bool mapped,
        Func<string, InvalidDataException> damaged)
    {
        var stored = length + 4 * PageCount(length);
        TableDirectory directory;
        try
        {
            directory = mapped && length > 0 ? new Mapped(file, offset, stored, length, damaged) : new Copied(file, offset, stored, length, damaged);
        }
        catch (EndOfStreamException e)
        {
            throw damaged(e.Message);
        }
        if (Crc32C.Compute(directory.Stored[length..]) != pageChecksumsCrc)
        {
            directory.Dispose();
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

    private sealed class Copied : TableDirectory
    {
        private readonly byte[] _bytes;

        public Copied(SafeFileHandle file, long offset, int stored, int length, Func<string, InvalidDataException> damaged)
            : base(length, damaged)
        {
            // Uninitialized: the read below fills every byte.
            _bytes = GC.AllocateUninitializedArray<byte>(stored);
            ReadExactly(file, _bytes, offset);
        }

        protected override ReadOnlySpan<byte> Stored => _bytes;

        public override void Dispose()
        {
        }
    }

    private sealed unsafe class Mapped : TableDirectory
    {
        private readonly MemoryMappedFile _map;
        private readonly MemoryMappedViewAccessor _view;
        private readonly byte* _start;
        private readonly int _stored;

        public Mapped(SafeFileHandle file, long offset, int stored, int length, Func<string, InvalidDataException> damaged)
            : base(length, damaged)
        {
            if (RandomAccess.GetLength(file) < offset + stored)
            {
                throw new EndOfStreamException($"it ends before offset {offset + stored}");
            }
            _map = MemoryMappedFile.CreateFromFile(file, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
            try
            {
                _view = _map.CreateViewAccessor(offset, stored, MemoryMappedFileAccess.Read);
                byte* p = null;
                _view.SafeMemoryMappedViewHandle.AcquirePointer(ref p);
                _start = p + _view.PointerOffset;
                _stored = stored;
            }
            catch
            {
                _view?.Dispose();
                _map.Dispose();
                throw;
            }
        }

        protected override ReadOnlySpan<byte> Stored => new(_start, _stored);

        public override void Dispose()
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
            _map.Dispose();
        }
    }
}
