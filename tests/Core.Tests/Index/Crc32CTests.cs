using System.Text;
using Help.Core.Index;
using Xunit;

namespace Help.Core.Tests.Index;

public sealed class Crc32CTests
{
    /// <summary>CRC-32C one bit at a time, straight from its definition (RFC 3720, B.4), to check the fast one against.</summary>
    private static uint Reference(ReadOnlySpan<byte> data)
    {
        var crc = uint.MaxValue;
        foreach (var b in data)
        {
            crc ^= b;
            for (var i = 0; i < 8; i++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0x82F63B78 : crc >> 1;
            }
        }
        return ~crc;
    }

    [Fact]
    public void Compute_StandardCheckInput_GivesTheStandardCheckValue() =>
        Assert.Equal(0xE3069283u, Crc32C.Compute("123456789"u8));

    [Fact]
    public void Compute_EveryTailLength_EqualsTheBitwiseDefinition()
    {
        var data = new byte[200_000];
        new Random(7).NextBytes(data);
        // Every tail after the 8-byte words, small and large.
        var lengths = Enumerable.Range(0, 64).Concat([4_095, 4_096, 4_097, 199_999, 200_000]);
        foreach (var length in lengths)
        {
            Assert.True(Reference(data.AsSpan(0, length)) == Crc32C.Compute(data.AsSpan(0, length)), $"length {length}");
            Assert.True(Reference(data.AsSpan(3, length - Math.Min(length, 3))) == Crc32C.Compute(data.AsSpan(3, length - Math.Min(length, 3))), $"offset 3, length {length}");
        }
    }

    [Fact]
    public void ComputeFile_LargerThanOneReadBuffer_EqualsTheCrcOfItsBytes()
    {
        var path = Path.GetTempFileName();
        try
        {
            var data = new byte[3 * (1 << 20) + 12_345];
            new Random(3).NextBytes(data);
            File.WriteAllBytes(path, data);

            Assert.Equal(Reference(data), Crc32C.ComputeFile(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Compute_OneByteFlipped_Differs()
    {
        var data = Encoding.UTF8.GetBytes(new string('a', 5000));
        var before = Crc32C.Compute(data);
        data[2500] ^= 1;
        Assert.NotEqual(before, Crc32C.Compute(data));
    }
}
