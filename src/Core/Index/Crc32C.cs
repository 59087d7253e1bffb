using System.Buffers.Binary;
using System.Numerics;
using Microsoft.Win32.SafeHandles;

namespace Help.Core.Index;

/// <summary>
/// CRC-32C (Castagnoli, RFC 3720 appendix B.4): the checksum of the topics table's parts and of the
/// files an index seal lists. <see cref="BitOperations.Crc32C(uint, ulong)"/> uses the CPU's CRC32
/// instruction where there is one (SSE 4.2, ARMv8), several GB/s, so checking a whole index costs
/// milliseconds; it falls back to a table elsewhere.
/// </summary>
public static class Crc32C
{
    /// <summary>The CRC-32C of <paramref name="data"/> (standard: initial value and final XOR all ones).</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => ~Append(uint.MaxValue, data);

    /// <summary>The CRC-32C of <paramref name="length"/> bytes of <paramref name="file"/> from <paramref name="offset"/>.</summary>
    /// <exception cref="InvalidDataException">The file ends before <paramref name="offset"/> + <paramref name="length"/>.</exception>
    public static uint Compute(SafeFileHandle file, long offset, long length)
    {
        var buffer = new byte[(int)Math.Min(1 << 20, Math.Max(length, 1))];
        var crc = uint.MaxValue;
        while (length > 0)
        {
            var n = RandomAccess.Read(file, buffer.AsSpan(0, (int)Math.Min(buffer.Length, length)), offset);
            if (n == 0)
            {
                throw new InvalidDataException($"file ends early at offset {offset}");
            }
            crc = Append(crc, buffer.AsSpan(0, n));
            offset += n;
            length -= n;
        }
        return ~crc;
    }

    /// <summary>The CRC-32C of a whole file.</summary>
    public static uint ComputeFile(string path)
    {
        using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete);
        return Compute(file, 0, RandomAccess.GetLength(file));
    }

    private static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        while (data.Length >= 8)
        {
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
            data = data[8..];
        }
        foreach (var b in data)
        {
            crc = BitOperations.Crc32C(crc, b);
        }
        return crc;
    }
}
