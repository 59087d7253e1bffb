namespace Help.Indexer.Pipeline;

/// <summary>
/// Bounds on one source file, so that one bad file cannot take the build down. The largest page
/// of Python's docs is about 1 MB and pydoc's topics table under 1 MB; a file far beyond that is
/// not documentation this indexer can use, so it is skipped before it is read (peak memory stays
/// that of the real pages) rather than streamed.
/// </summary>
public static class SourceLimits
{
    /// <summary>A file larger than this (32 MiB) is skipped with a reason.</summary>
    public const long MaxFileBytes = 32L * 1024 * 1024;

    /// <summary>
    /// HTML nested deeper than this is skipped before parsing: the converters walk the tree
    /// recursively, and a stack overflow cannot be caught. Python's pages nest about 30 deep.
    /// </summary>
    public const int MaxHtmlNesting = 512;

    /// <summary>The reason to skip <paramref name="path"/> for its size, or null when it is within the limit.</summary>
    public static string? TooLarge(string path)
    {
        var length = new FileInfo(path).Length;
        return length > MaxFileBytes
            ? $"file of {length / (1024.0 * 1024):0.#} MiB, over the {MaxFileBytes / (1024 * 1024)} MiB limit for one source file"
            : null;
    }
}
