using Help.Core.Index;
using Help.Indexer.Sources.PydocTopics;

namespace Help.Indexer.Export;

/// <summary>
/// <c>pyhelp --export pydoc|json|docset|inventory --out PATH [--index DIR] [--docset ID] [--keys FILE]</c>:
/// writes the current index in a form other tools read. Exit codes: 0 written, 2 usage, 3 no index
/// (or the output could not be written).
/// </summary>
public static class ExportCommand
{
    public const string Usage =
        "usage: pyhelp --export pydoc|json|docset|inventory --out PATH [--index DIR] [--docset ID] [--keys FILE]";

    /// <summary>The parsed arguments.</summary>
    public sealed record Options(ExportFormat Format, string Out, string? IndexDir, string? DocSet, string? KeysFile);

    /// <summary>Parses the arguments of an export; null with <paramref name="error"/> set when they are wrong.</summary>
    public static Options? Parse(IReadOnlyList<string> args, out string? error)
    {
        string? format = null, output = null, index = null, docSet = null, keys = null;
        error = null;
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "--export" when value is not null: format = value; i++; break;
                case "--out" when value is not null: output = value; i++; break;
                case "--index" when value is not null: index = value; i++; break;
                case "--docset" when value is not null: docSet = value; i++; break;
                case "--keys" when value is not null: keys = value; i++; break;
                default:
                    error = value is null && args[i].StartsWith("--", StringComparison.Ordinal)
                        ? $"{args[i]} needs a value"
                        : $"unknown argument {args[i]}";
                    return null;
            }
        }
        if (format is null || !ExportFormats.TryParse(format, out var parsed))
        {
            error = format is null ? "--export needs a format" : $"unknown format '{format}' (one of: {string.Join(", ", ExportFormats.Names)})";
            return null;
        }
        if (string.IsNullOrWhiteSpace(output))
        {
            error = "--out is required";
            return null;
        }
        return new Options(parsed, output, index, docSet, keys);
    }

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var options = Parse(args, out var error);
        if (options is null)
        {
            stderr.WriteLine($"pyhelp --export: {error}");
            stderr.WriteLine(Usage);
            return ExportExit.Usage;
        }
        try
        {
            return Run(options, stdout, stderr);
        }
        catch (ExportException e)
        {
            stderr.WriteLine($"pyhelp --export: {e.Message}");
            return e.ExitCode;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            stderr.WriteLine($"pyhelp --export: could not write {options.Out}: {e.Message}");
            return ExportExit.NoIndex;
        }
    }

    public static int Run(Options options, TextWriter stdout, TextWriter stderr)
    {
        var keyMap = options.Format == ExportFormat.Pydoc ? LoadKeyMap(options.KeysFile, stderr) : null;
        var single = options.Format != ExportFormat.Json;
        using var source = ExportSource.Open(IndexFolder.Resolve(options.IndexDir), options.DocSet, single);
        if (source.Note is not null)
        {
            stderr.WriteLine($"pyhelp --export: {source.Note}");
        }
        switch (options.Format)
        {
            case ExportFormat.Pydoc:
                var module = PydocTopicsExporter.WriteTo(options.Out, source, source.DocSets[0], keyMap, stderr.WriteLine);
                stdout.WriteLine(module);
                break;
            case ExportFormat.Json:
                var jsonPath = Path.GetFullPath(options.Out);
                Directory.CreateDirectory(Path.GetDirectoryName(jsonPath)!);
                int count;
                using (var file = new FileStream(jsonPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
                {
                    count = JsonLinesExporter.Write(source, file);
                }
                stderr.WriteLine($"{count} topics written as JSON Lines to {jsonPath}");
                stdout.WriteLine(jsonPath);
                break;
            case ExportFormat.Docset:
                var result = DashDocsetExporter.Write(source, source.DocSets[0], options.Out);
                stderr.WriteLine($"{result.Pages} pages and {result.Entries} entries written to {result.Bundle}"
                    + (result.EntriesWithoutAnchor + result.EntriesWithoutPage > 0
                        ? $" ({result.EntriesWithoutAnchor} point at their page because the anchor is not on it; {result.EntriesWithoutPage} left out: no page)"
                        : ""));
                stdout.WriteLine(result.Bundle);
                break;
            case ExportFormat.Inventory:
                var invPath = Path.GetFullPath(options.Out);
                Directory.CreateDirectory(Path.GetDirectoryName(invPath)!);
                var docSet = source.DocSets[0];
                var (project, version) = ProjectAndVersion(docSet);
                int entries;
                using (var file = new FileStream(invPath, FileMode.Create, FileAccess.Write))
                {
                    entries = SphinxInventoryWriter.Write(project, version, source.TopicEntries().Select(source.Read), file);
                }
                stderr.WriteLine($"{entries} inventory entries of {docSet} written to {invPath}");
                stdout.WriteLine(invPath);
                break;
        }
        return ExportExit.Written;
    }

    /// <summary><c>("Python", "3.11")</c> from <c>python-3.11</c>; a doc set without a version gives an empty one.</summary>
    public static (string Project, string Version) ProjectAndVersion(string docSet)
    {
        var display = DashDocsetExporter.DisplayName(docSet);
        var space = display.LastIndexOf(' ');
        return space > 0 && char.IsAsciiDigit(display[space + 1]) ? (display[..space], display[(space + 1)..]) : (display, "");
    }

    /// <summary>pydoc's key map: the one given, else the one shipped beside the tool, else none (the index's own pydoc keys still count).</summary>
    private static PydocKeyMap? LoadKeyMap(string? path, TextWriter stderr)
    {
        var file = path ?? Path.Combine(AppContext.BaseDirectory, "content", "pydoc", "keys.json");
        if (path is null && !File.Exists(file))
        {
            return null;
        }
        try
        {
            return PydocKeyMap.Load(file);
        }
        catch (InvalidDataException e)
        {
            if (path is not null)
            {
                throw new ExportException(ExportExit.Usage, e.Message);
            }
            stderr.WriteLine($"pyhelp --export: {e.Message}; using the pydoc keys in the index only");
            return null;
        }
    }
}
