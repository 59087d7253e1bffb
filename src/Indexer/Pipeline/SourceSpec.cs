namespace Help.Indexer.Pipeline;

/// <summary>A source to index: a file or folder, and its format as recognized from its content.</summary>
public sealed record SourceSpec(string Path, SourceFormat Format)
{
    /// <summary>For <see cref="SourceFormat.Unknown"/>: why the source cannot be read, as the build reports it.</summary>
    public string? Reason { get; init; }

    /// <summary>The doc set its topics go into, when configured (<see cref="SourcesConfig"/>); null to take the one the source states.</summary>
    public Help.Core.Model.DocSet? DocSet { get; init; }

    public static SourceSpec Of(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var (format, reason) = SourceDetector.Recognize(full);
        return new SourceSpec(full, format) { Reason = reason };
    }
}
