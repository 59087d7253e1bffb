using System.Buffers.Binary;
using System.Numerics;

namespace Help.Indexer.Writing;

/// <summary>
/// A 128-bit digest of bytes (MurmurHash3 x64_128's mixing) that tells whether an encoded topic is the one an
/// earlier build wrote, so its compressed record and its search row can be carried over. Not cryptographic:
/// it guards against accidental equality among some ten thousand records, not against crafted input, and a
/// collision would only carry over a stale record. No hash of the framework serves here without OpenSSL.
/// </summary>
internal static class Digest128
{
    public const int Size = 16;
    private const ulong C1 = 0x87c37b91114253d5, C2 = 0x4cf5ad432745937f;

    public static byte[] Of(ReadOnlySpan<byte> data)
    {
        ulong h1 = 0x9368e53c2f6af274, h2 = 0x586dcd208f7cd3fd;
        var blocks = data.Length / 16;
        for (var i = 0; i < blocks; i++)
        {
            var k1 = BinaryPrimitives.ReadUInt64LittleEndian(data[(i * 16)..]);
            var k2 = BinaryPrimitives.ReadUInt64LittleEndian(data[(i * 16 + 8)..]);
            h1 ^= BitOperations.RotateLeft(k1 * C1, 31) * C2;
            h1 = BitOperations.RotateLeft(h1, 27) + h2;
            h1 = h1 * 5 + 0x52dce729;
            h2 ^= BitOperations.RotateLeft(k2 * C2, 33) * C1;
            h2 = BitOperations.RotateLeft(h2, 31) + h1;
            h2 = h2 * 5 + 0x38495ab5;
        }
        Span<byte> tail = stackalloc byte[16];
        tail.Clear();
        data[(blocks * 16)..].CopyTo(tail);
        var rest = data.Length % 16;
        if (rest > 8)
        {
            h2 ^= BitOperations.RotateLeft(BinaryPrimitives.ReadUInt64LittleEndian(tail[8..]) * C2, 33) * C1;
        }
        if (rest > 0)
        {
            h1 ^= BitOperations.RotateLeft(BinaryPrimitives.ReadUInt64LittleEndian(tail) * C1, 31) * C2;
        }
        h1 ^= (ulong)data.Length;
        h2 ^= (ulong)data.Length;
        h1 += h2;
        h2 += h1;
        h1 = Mix(h1);
        h2 = Mix(h2);
        h1 += h2;
        h2 += h1;
        var digest = new byte[Size];
        BinaryPrimitives.WriteUInt64LittleEndian(digest, h1);
        BinaryPrimitives.WriteUInt64LittleEndian(digest.AsSpan(8), h2);
        return digest;
    }

    private static ulong Mix(ulong k)
    {
        k ^= k >> 33;
        k *= 0xff51afd7ed558ccd;
        k ^= k >> 33;
        k *= 0xc4ceb53ca185ec53;
        return k ^ (k >> 33);
    }
}
