using System.Collections.Concurrent;

namespace Help.Indexer.Pipeline;

public enum DiagnosticLevel
{
    /// <summary>Something was recovered only in part; the rest of the file was indexed.</summary>
    Warning,
    /// <summary>A whole file or source was left out.</summary>
    Skipped,
}

/// <summary>One thing the indexer has to tell about a source: which file, and what was wrong.</summary>
public sealed record Diagnostic(DiagnosticLevel Level, string Path, string Message)
{
    public override string ToString() => $"{(Level == DiagnosticLevel.Skipped ? "skipped" : "warning")}: {Path}: {Message}";
}

/// <summary>
/// Collects what importers report. Thread-safe: pages are imported in parallel. Each (path, message)
/// is reported once, however often an importer meets it.
/// </summary>
public sealed class Diagnostics
{
    private readonly ConcurrentDictionary<(string Path, string Message), Diagnostic> _items = new();

    public void Warn(string path, string message) => Add(new Diagnostic(DiagnosticLevel.Warning, path, message));

    public void Skip(string path, string reason) => Add(new Diagnostic(DiagnosticLevel.Skipped, path, reason));

    private void Add(Diagnostic d) => _items.TryAdd((d.Path, d.Message), d);

    /// <summary>
    /// All reports, sorted by path then message so that output is deterministic. A file that was
    /// skipped is reported once: what was said about it on the way (a reader's first attempt
    /// failing) is folded into the skip's reason.
    /// </summary>
    public IReadOnlyList<Diagnostic> Items => _items.Values
        .GroupBy(d => d.Path, StringComparer.Ordinal)
        .SelectMany(Fold)
        .OrderBy(d => d.Path, StringComparer.Ordinal)
        .ThenBy(d => d.Message, StringComparer.Ordinal)
        .ToList();

    private static IEnumerable<Diagnostic> Fold(IGrouping<string, Diagnostic> reports)
    {
        var skips = reports.Where(d => d.Level == DiagnosticLevel.Skipped).OrderBy(d => d.Message, StringComparer.Ordinal).ToList();
        if (skips.Count == 0)
        {
            return reports;
        }
        var warnings = reports.Where(d => d.Level == DiagnosticLevel.Warning).Select(d => d.Message).Order(StringComparer.Ordinal).ToList();
        var reason = string.Join("; ", skips.Select(d => d.Message));
        return [skips[0] with { Message = warnings.Count == 0 ? reason : $"{reason} (before that: {string.Join("; ", warnings)})" }];
    }

    public bool AnySkipped => _items.Values.Any(d => d.Level == DiagnosticLevel.Skipped);

    public int Count => Items.Count;
}
