using System.Buffers.Binary;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Help.Core.Index;

/// <summary>One file of a sealed generation: its name, length and CRC-32C (8 hex digits).</summary>
public sealed record SealedFile(string Name, long Length, string Crc32C);

/// <summary>
/// The list of a generation's files with their lengths and checksums, written last into the build
/// folder (<c>seal.json</c>), before the folder becomes a generation. A generation without a seal, or
/// whose files differ from it, is not used: it was built by an older version or damaged since.
/// </summary>
/// <remarks>
/// Two depths of checking: <see cref="IndexIntegrity.QuickCheck"/> compares lengths (a stat per file),
/// cheap enough for every lookup of the terminal tool (each file then checks its own header when it is
/// opened: the topics table always, the search database only for a search);
/// <see cref="IndexIntegrity.FullCheck"/> also checks the search database's header and recomputes every
/// checksum, which a server does once per generation it opens.
/// </remarks>
public sealed record IndexSeal
{
    public const string FileName = "seal.json";

    /// <summary>Raised if the seal's meaning changes; a reader treats another version as no seal.</summary>
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;
    public IReadOnlyList<SealedFile> Files { get; init; } = [];

    /// <summary>The seal of every file directly in <paramref name="dir"/> (the seal itself excepted), in ordinal order.</summary>
    public static IndexSeal Create(string dir) => new()
    {
        Files = Directory.EnumerateFiles(dir)
            .Where(f => Path.GetFileName(f) != FileName)
            .Order(StringComparer.Ordinal)
            .Select(f => new SealedFile(Path.GetFileName(f), new FileInfo(f).Length, Hex(Index.Crc32C.ComputeFile(f))))
            .ToList(),
    };

    public static IndexSeal? TryRead(string dir)
    {
        try
        {
            using var stream = File.OpenRead(Path.Combine(dir, FileName));
            var seal = JsonSerializer.Deserialize(stream, SealJson.Default.IndexSeal);
            return seal is { Version: CurrentVersion } && seal.Files.All(f => f is { Name: not null, Crc32C: not null }) ? seal : null;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    public void Write(string dir)
    {
        using var stream = new FileStream(Path.Combine(dir, FileName), FileMode.Create, FileAccess.Write);
        JsonSerializer.Serialize(stream, this, SealJson.Default.IndexSeal);
        stream.Flush(flushToDisk: true);
    }

    internal static string Hex(uint crc) => crc.ToString("x8", CultureInfo.InvariantCulture);
}

/// <summary>Whether a generation's files are whole and as they were written.</summary>
public static class IndexIntegrity
{
    /// <summary>
    /// Null when the seal is there and every file it lists has its length; else what is wrong, naming the
    /// file. A stat per file: nothing is read but the seal.
    /// </summary>
    public static string? QuickCheck(string generationDir)
    {
        var seal = IndexSeal.TryRead(generationDir);
        if (seal is null)
        {
            return $"{generationDir} has no readable {IndexSeal.FileName} (an unfinished build or an older version of this tool)";
        }
        foreach (var f in seal.Files)
        {
            var path = Path.Combine(generationDir, f.Name);
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                return $"{path} is missing";
            }
            if (info.Length != f.Length)
            {
                return $"{path} is damaged: {info.Length} bytes, written as {f.Length}";
            }
        }
        return null;
    }

    /// <summary>
    /// <see cref="QuickCheck"/>, the search database's header, then every file's checksum, then the topics
    /// table's own checksums:
    /// null when the generation is exactly as built, else what is wrong.
    /// </summary>
    public static string? FullCheck(string generationDir)
    {
        if ((QuickCheck(generationDir) ?? SearchDatabaseHeaderProblem(Path.Combine(generationDir, IndexFolder.SearchFileName))) is { } problem)
        {
            return problem;
        }
        foreach (var f in IndexSeal.TryRead(generationDir)!.Files)
        {
            var path = Path.Combine(generationDir, f.Name);
            try
            {
                if (IndexSeal.Hex(Crc32C.ComputeFile(path)) != f.Crc32C)
                {
                    return $"{path} is damaged: its checksum does not match";
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
            {
                return $"{path} cannot be read: {e.Message}";
            }
        }
        try
        {
            using var table = TopicsTable.Open(Path.Combine(generationDir, TopicsTableFormat.FileName));
            table.Verify();
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            return e.Message;
        }
        return null;
    }

    /// <summary>
    /// What is wrong with the search database's file header, or null; checked when the database is opened
    /// for a search. The SQLite file header (https://sqlite.org/fileformat2.html#the_database_header): the magic
    /// string at 0, the page size at 16 (big-endian; 1 means 65536) and the page count at 28, which
    /// holds when the change counter at 24 equals the version-valid-for number at 92.
    /// </summary>
    internal static string? SearchDatabaseHeaderProblem(string path)
    {
        Span<byte> h = stackalloc byte[100];
        long length;
        try
        {
            using var file = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            length = RandomAccess.GetLength(file);
            if (length < h.Length || RandomAccess.Read(file, h, 0) != h.Length)
            {
                return $"{path} is damaged: too short for a search database";
            }
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return $"{path} is missing";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{path} cannot be read: {e.Message}";
        }
        if (!h[..16].SequenceEqual("SQLite format 3\0"u8))
        {
            return $"{path} is damaged: not an SQLite database";
        }
        var pageSize = BinaryPrimitives.ReadUInt16BigEndian(h[16..]) is var p && p == 1 ? 65536 : p;
        var pages = BinaryPrimitives.ReadUInt32BigEndian(h[28..]);
        var countValid = BinaryPrimitives.ReadUInt32BigEndian(h[24..]) == BinaryPrimitives.ReadUInt32BigEndian(h[92..]);
        if (pageSize < 512 || (pageSize & (pageSize - 1)) != 0 || (countValid && (long)pageSize * pages != length))
        {
            return $"{path} is damaged: its header does not match its length ({length} bytes)";
        }
        return null;
    }
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(IndexSeal))]
internal sealed partial class SealJson : JsonSerializerContext;
