using System.Runtime.InteropServices;

namespace Help.Core.Index;

/// <summary>
/// The last-write times of a folder's subfolders, as <see cref="Directory.GetLastWriteTimeUtc"/> gives them,
/// for the freshness check of every lookup (<see cref="SourceFingerprint"/>).
/// </summary>
/// <remarks>
/// On Linux each time is one statx(2) relative to the opened root folder, so the kernel walks one path
/// component per folder instead of the whole absolute path (seven for <c>/usr/share/doc/python3.11/html/_sources/library</c>):
/// path walking was a third of a warm lookup's freshness check. Elsewhere, and for anything that is not a plain
/// folder (a symbolic link, an error), it is <see cref="Directory.GetLastWriteTimeUtc"/> itself, so both give the
/// same ticks.
/// </remarks>
internal sealed partial class FolderTimes : IDisposable
{
    private readonly string _root;
    private readonly nint _dir;
    private readonly int _fd = -1;

    public FolderTimes(string root)
    {
        _root = root;
        _dir = OperatingSystem.IsLinux() ? OpenDirectory(root) : 0;
        if (_dir != 0)
        {
            _fd = dirfd(_dir);
        }
    }

    /// <summary>Whether times are read relative to the opened root (Linux), not by absolute path.</summary>
    internal bool RelativeToRoot => _fd >= 0;

    /// <summary>
    /// The time of <paramref name="relative"/> under the root (the root itself for ""), or
    /// <see cref="DateTime.FromFileTimeUtc"/>(0) when it is gone.
    /// </summary>
    public unsafe DateTime LastWriteTimeUtc(string relative)
    {
        if (_fd >= 0)
        {
            Statx buffer;
            // "" with AT_EMPTY_PATH: the opened root itself. For a root that is a symbolic link that is the folder it leads
            // to, whose time moves when a page is added there, where the framework would read the link's own.
            var flags = relative.Length == 0 ? AtEmptyPath : AtSymlinkNoFollow;
            if (statx(_fd, relative, flags, StatxType | StatxMtime, &buffer) == 0
                && (buffer.Mask & (StatxType | StatxMtime)) == (StatxType | StatxMtime) && (buffer.Mode & FileTypeMask) == DirectoryType)
            {
                // As .NET's FileStatus: the Unix time in seconds, plus the nanoseconds in 100 ns ticks.
                return DateTime.UnixEpoch.AddTicks(buffer.MtimeSeconds * TimeSpan.TicksPerSecond + buffer.MtimeNanoseconds / 100);
            }
        }
        return Directory.GetLastWriteTimeUtc(Path.Combine(_root, relative));
    }

    public void Dispose()
    {
        if (_dir != 0)
        {
            closedir(_dir);
        }
    }

    private static nint OpenDirectory(string root)
    {
        try
        {
            return opendir(root);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return 0;
        }
    }

    private const int AtSymlinkNoFollow = 0x100, AtEmptyPath = 0x1000;
    private const uint StatxType = 0x1, StatxMtime = 0x40;
    private const ushort FileTypeMask = 0xF000, DirectoryType = 0x4000;

    /// <summary>The fields of <c>struct statx</c> (linux/stat.h, the same on every architecture) read here.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct Statx
    {
        [FieldOffset(0)] public uint Mask;
        [FieldOffset(28)] public ushort Mode;
        [FieldOffset(112)] public long MtimeSeconds;
        [FieldOffset(120)] public uint MtimeNanoseconds;
    }

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint opendir(string name);

    [LibraryImport("libc")]
    private static partial int dirfd(nint dir);

    [LibraryImport("libc")]
    private static partial int closedir(nint dir);

    [LibraryImport("libc", StringMarshalling = StringMarshalling.Utf8)]
    private static unsafe partial int statx(int dirfd, string path, int flags, uint mask, Statx* buffer);
}
