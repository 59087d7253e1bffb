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
/// <see cref="IndexIntegrity.FullCheck"/> also recomputes every checksum and runs the topics table's and Lucene's
/// own checks (Lucene opens every segment), which a server does once per generation it opens.
/// </remarks>
public sealed record IndexSeal
{
    public const string FileName = "seal.json";

    /// <summary>Raised if the seal's meaning changes; a reader treats another version as no seal.</summary>
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;
    public IReadOnlyList<SealedFile> Files { get; init; } = [];

    /// <summary>
    /// The seal of every file in <paramref name="dir"/> and its folders (the seal itself excepted), named by their
    /// path relative to it with <c>/</c> (<c>search/_0.cfs</c>), in ordinal order.
    /// </summary>
    public static IndexSeal Create(string dir) => new()
    {
        Files = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Select(f => (Path: f, Name: Path.GetRelativePath(dir, f).Replace(Path.DirectorySeparatorChar, '/')))
            .Where(f => f.Name != FileName)
            .OrderBy(f => f.Name, StringComparer.Ordinal)
            .Select(f => new SealedFile(f.Name, new FileInfo(f.Path).Length, Hex(Index.Crc32C.ComputeFile(f.Path))))
            .ToList(),
    };

    public static IndexSeal? TryRead(string dir)
    {
        try
        {
            using var json = JsonFields.Parse(Path.Combine(dir, FileName));
            var root = json.RootElement;
            return JsonFields.Int(root, "version") != CurrentVersion ? null : new IndexSeal
            {
                Files = JsonFields.OptionalArray(root, "files", f => new SealedFile(
                    JsonFields.String(f, "name"), JsonFields.Long(f, "length"), JsonFields.String(f, "crc32C"))) ?? [],
            };
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
        if (QuickCheck(generationDir) is { } problem)
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
        return Search.SearchIndex.Check(Path.Combine(generationDir, Search.SearchIndex.FolderName));
    }
}

[JsonSourceGenerationOptions(WriteIndented = true, PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(IndexSeal))]
internal sealed partial class SealJson : JsonSerializerContext;
