using System.Runtime.InteropServices;
using System.Text;

namespace Help.Cli;

/// <summary>
/// Writes to a Unix file descriptor (stdout, stderr) with write(2), as <see cref="Console"/>'s own stream
/// does, but without what <see cref="Console"/> sets up before its first write: a thread that handles the
/// terminal's signals, the terminfo database, the locale's encoding. For output that is not a terminal
/// that set-up is pure cost, about half a millisecond of a lookup (bench/README.md).
/// </summary>
/// <remarks>
/// write(2) and not a <see cref="FileStream"/>: on a regular file a FileStream writes at offsets it tracks
/// itself (pwrite), so with <c>&gt; out 2&gt;&amp;1</c> stdout and stderr would overwrite each other.
/// As <see cref="Console"/>, a reader that went away (<c>pyhelp x | head -1</c>, EPIPE) is not an error:
/// the rest of the output is dropped.
/// </remarks>
internal sealed partial class FileDescriptorStream(int fd) : Stream
{
    private const int EINTR = 4;
    private const int EPIPE = 32;
    private bool _readerGone;

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override unsafe void Write(ReadOnlySpan<byte> buffer)
    {
        while (buffer.Length > 0 && !_readerGone)
        {
            nint written;
            fixed (byte* p = buffer)
            {
                written = write(fd, p, buffer.Length);
            }
            if (written >= 0)
            {
                buffer = buffer[(int)written..];
                continue;
            }
            var errno = Marshal.GetLastPInvokeError();
            if (errno == EPIPE)
            {
                _readerGone = true;
            }
            else if (errno != EINTR)
            {
                throw new IOException($"cannot write to file descriptor {fd}: {Marshal.GetPInvokeErrorMessage(errno)}", errno);
            }
        }
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial nint write(int fd, byte* buffer, nint count);
}

/// <summary>
/// UTF-8 text written to a file descriptor (<see cref="FileDescriptorStream"/>), one write(2) per call, as the
/// console's own writer flushes at every write: an answer is encoded once, straight into one buffer of its size,
/// with none of a <see cref="StreamWriter"/>'s own buffers (20 KB of fresh memory a lookup would touch once).
/// </summary>
/// <remarks>The encoder keeps a surrogate pair that a caller splits between two writes.</remarks>
internal sealed class FileDescriptorWriter(int fd) : TextWriter
{
    private const int StackBytes = 1024;
    private readonly FileDescriptorStream _stream = new(fd);
    private readonly Encoder _encoder = Utf8.GetEncoder();

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public override Encoding Encoding => Utf8;

    public override void Write(char value) => Write(new ReadOnlySpan<char>(in value));

    public override void Write(string? value) => Write(value.AsSpan());

    public override void Write(char[] buffer, int index, int count) => Write(buffer.AsSpan(index, count));

    public override void Write(ReadOnlySpan<char> chars)
    {
        var most = Utf8.GetMaxByteCount(chars.Length);
        Span<byte> bytes = most <= StackBytes ? stackalloc byte[StackBytes] : GC.AllocateUninitializedArray<byte>(_encoder.GetByteCount(chars, flush: false));
        var count = _encoder.GetBytes(chars, bytes, flush: false);
        _stream.Write(bytes[..count]);
    }

    public override void WriteLine(string? value) => WriteLine(value.AsSpan());

    public override void WriteLine(ReadOnlySpan<char> chars)
    {
        // One write for the line and its end, so that lines from two writers never interleave mid-line.
        if (chars.Length < StackBytes / 4)
        {
            Span<char> line = stackalloc char[chars.Length + CoreNewLine.Length];
            chars.CopyTo(line);
            CoreNewLine.CopyTo(line[chars.Length..]);
            Write(line);
            return;
        }
        Write(string.Concat(chars, CoreNewLine));
    }

    public override void WriteLine() => Write(CoreNewLine);
}
