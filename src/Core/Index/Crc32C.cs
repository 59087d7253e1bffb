using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
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

    private const int ThreeWayMinimum = 16 * 1024;

    private static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        // The CRC32 instruction takes 3 cycles but can start one every cycle: three independent runs over
        // three thirds of the data, then combined, check a megabyte in about half the time. Combining costs a
        // few hundred multiplications, about a microsecond: more than it saves below some tens of KB, such as
        // the 4 KB directory pages a lookup checks.
        var third = data.Length / 24 * 8;
        if (third >= ThreeWayMinimum && BitConverter.IsLittleEndian)
        {
            var a = MemoryMarshal.Cast<byte, ulong>(data[..third]);
            var b = MemoryMarshal.Cast<byte, ulong>(data.Slice(third, third));
            var c = MemoryMarshal.Cast<byte, ulong>(data.Slice(2 * third, third));
            uint ca = crc, cb = 0, cc = 0;
            for (var i = 0; i < a.Length && i < b.Length && i < c.Length; i++)
            {
                ca = BitOperations.Crc32C(ca, a[i]);
                cb = BitOperations.Crc32C(cb, b[i]);
                cc = BitOperations.Crc32C(cc, c[i]);
            }
            // The register is linear: crc(A then B) = crc(A) moved past |B| zero bytes, xor crc of B from zero.
            var past = ZeroBytesOperator(third);
            crc = MultiplyModP(past, MultiplyModP(past, ca) ^ cb) ^ cc;
            data = data[(3 * third)..];
        }
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

    // Polynomials over GF(2) modulo the CRC-32C polynomial, bit-reflected as the register is (bit 31 is x^0):
    // zlib's multmodp and x2nmodp (crc32.c), which is how it combines CRCs.
    private const uint ReflectedPolynomial = 0x82F63B78;

    private static uint MultiplyModP(uint a, uint b)
    {
        uint m = 1u << 31, product = 0;
        while (true)
        {
            if ((a & m) != 0)
            {
                product ^= b;
                if ((a & (m - 1)) == 0)
                {
                    return product;
                }
            }
            m >>= 1;
            b = (b & 1) != 0 ? (b >> 1) ^ ReflectedPolynomial : b >> 1;
        }
    }

    /// <summary>x^(8n) mod P: multiplying a register by it moves it past <paramref name="n"/> zero bytes.</summary>
    private static uint ZeroBytesOperator(long n)
    {
        uint result = 1u << 31, square = 1u << 30; // x^0, x^1
        for (var i = 0; i < 3; i++)
        {
            square = MultiplyModP(square, square); // x^8: one byte
        }
        for (; n != 0; n >>= 1)
        {
            if ((n & 1) != 0)
            {
                result = MultiplyModP(square, result);
            }
            square = MultiplyModP(square, square);
        }
        return result;
    }
}
