using System.IO.MemoryMappedFiles;
using Microsoft.Win32.SafeHandles;

namespace Help.Core.Index;

/// <summary>
/// The directory of a topics table (doc set names, key, name and record indexes, key strings): the bytes a
/// lookup searches, either read into memory or mapped from the file.
/// </summary>
internal abstract class TableDirectory : IDisposable
{
    public abstract ReadOnlySpan<byte> Bytes { get; }

    public abstract void Dispose();

    /// <summary>
    /// The <paramref name="length"/> bytes at <paramref name="offset"/> of <paramref name="file"/>.
    /// <paramref name="mapped"/> maps them instead of reading them: no copy into fresh memory, whose page faults
    /// were the largest cost of a lookup's own work. But a file cut short under a mapping kills the process
    /// (SIGBUS) where a read would report damage. Tables are written once into their generation and never
    /// modified (a rebuild writes a new one, and removing an old one only unlinks it), so that takes an outside
    /// hand; the terminal tool maps, and the server, which holds a table for days, reads a copy.
    /// </summary>
    /// <exception cref="EndOfStreamException">The file ends before the directory does.</exception>
    public static TableDirectory Load(SafeFileHandle file, long offset, int length, bool mapped) =>
        mapped && length > 0 ? new Mapped(file, offset, length) : new Copied(file, offset, length);

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

        public Copied(SafeFileHandle file, long offset, int length)
        {
            // Uninitialized: the read below fills every byte.
            _bytes = GC.AllocateUninitializedArray<byte>(length);
            ReadExactly(file, _bytes, offset);
        }

        public override ReadOnlySpan<byte> Bytes => _bytes;

        public override void Dispose()
        {
        }
    }

    private sealed unsafe class Mapped : TableDirectory
    {
        private readonly MemoryMappedFile _map;
        private readonly MemoryMappedViewAccessor _view;
        private readonly byte* _start;
        private readonly int _length;

        public Mapped(SafeFileHandle file, long offset, int length)
        {
            if (RandomAccess.GetLength(file) < offset + length)
            {
                throw new EndOfStreamException($"it ends before offset {offset + length}");
            }
            _map = MemoryMappedFile.CreateFromFile(file, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: true);
            try
            {
                _view = _map.CreateViewAccessor(offset, length, MemoryMappedFileAccess.Read);
                byte* p = null;
                _view.SafeMemoryMappedViewHandle.AcquirePointer(ref p);
                _start = p + _view.PointerOffset;
                _length = length;
            }
            catch
            {
                _view?.Dispose();
                _map.Dispose();
                throw;
            }
        }

        public override ReadOnlySpan<byte> Bytes => new(_start, _length);

        public override void Dispose()
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
            _map.Dispose();
        }
    }
}
