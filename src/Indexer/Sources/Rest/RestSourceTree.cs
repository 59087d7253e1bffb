using Help.Core.Model;
using Help.Indexer.Pipeline;
using Help.Indexer.Sources.Capture;
using Help.Indexer.Sources.Inventory;
using Help.Indexer.Sources.Sphinx;

namespace Help.Indexer.Sources.Rest;

/// <summary>
/// A tree of reST sources, as Sphinx copies them to <c>_sources/</c> (<c>*.rst.txt</c>) or as a
/// project keeps them (<c>*.rst</c>), and single reST files (a blame capture among them). The doc set
/// and inventory come from the HTML tree around a <c>_sources</c> folder when there is one, so the
/// topics merge with that tree's: on a clash the HTML, imported first, wins.
/// </summary>
public static class RestSourceTree
{
    private static readonly RestImporter Importer = new();

    /// <summary>Whether <paramref name="path"/> is a folder of reST sources.</summary>
    public static bool IsTree(string path) =>
        Directory.Exists(path) && Directory.EnumerateFiles(path, "*.*", SearchOption.AllDirectories).Any(IsRestName);

    /// <summary>Whether the file is named as reST: <c>.rst</c>, or <c>.rst.txt</c> as Sphinx copies sources to <c>_sources/</c>.</summary>
    public static bool IsRestName(string path) =>
        path.EndsWith(".rst", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".rst.txt", StringComparison.OrdinalIgnoreCase);

    /// <summary>Imports every source file under <paramref name="root"/>, in parallel, in a deterministic order.</summary>
    public static IReadOnlyList<Topic> ImportTree(string root, Diagnostics diagnostics)
    {
        var htmlRoot = Path.GetFileName(Path.TrimEndingDirectorySeparator(root)) == "_sources" ? Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(root)) : null;
        var inventory = htmlRoot is null ? null : SphinxInventory.TryLoad(htmlRoot, diagnostics, "the reST");
        var docSet = SphinxDocTree.DetectDocSet(htmlRoot ?? root, inventory);
        var files = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(IsRestName)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        var results = new IReadOnlyList<Topic>[files.Count];
        Parallel.For(0, files.Count, i =>
        {
            var path = Path.Combine(root, files[i]);
            results[i] = ReadText(path, diagnostics) is { } text ? Import(path, files[i], text, docSet, inventory, diagnostics) : [];
        });
        return results.SelectMany(r => r).ToList();
    }

    private static string? ReadText(string path, Diagnostics diagnostics) => SourceText.ReadTopicFile(path, "reST", diagnostics);

    /// <summary>
    /// Imports one file, its problems reported against <paramref name="path"/> (the file a user can open)
    /// rather than the document name the importer is given.
    /// </summary>
    private static IReadOnlyList<Topic> Import(string path, string docPath, string text, DocSet docSet, SphinxInventory? inventory, Diagnostics diagnostics)
    {
        var local = new Diagnostics();
        var topics = Importer.ImportFile(docPath, text, docSet, inventory, local);
        foreach (var d in local.Items)
        {
            var at = d.Path == docPath ? path : d.Path;
            if (d.Level == DiagnosticLevel.Skipped)
            {
                diagnostics.Skip(at, d.Message);
            }
            else
            {
                diagnostics.Warn(at, d.Message);
            }
        }
        return topics;
    }

    /// <summary>
    /// Imports one reST file. A blame capture is recovered first (its prefixes stripped, its
    /// indentation restored) and, naming no version, gets a doc set named from the file.
    /// </summary>
    public static IReadOnlyList<Topic> ImportFile(string path, Diagnostics diagnostics)
    {
        if (ReadText(path, diagnostics) is not { } text)
        {
            return [];
        }
        var name = Path.GetFileName(path);
        var stem = name.EndsWith(".rst.txt", StringComparison.OrdinalIgnoreCase) ? name[..^8] : Path.GetFileNameWithoutExtension(name);
        if (BlameCapture.TryRecover(text) is { } recovered)
        {
            foreach (var line in recovered.Removed)
            {
                diagnostics.Warn(path, $"removed {line}");
            }
            foreach (var doubt in recovered.Doubts)
            {
                diagnostics.Warn(path, doubt);
            }
            return Import(path, stem + ".rst", recovered.Text, new DocSet(stem, "Python", "", Path.GetDirectoryName(path)), null, diagnostics);
        }
        var docSet = SphinxDocTree.DetectDocSet(Path.GetDirectoryName(path) ?? ".", null);
        if (docSet.Version.Length == 0)
        {
            docSet = new DocSet(stem, docSet.Name, "", Path.GetDirectoryName(path));
        }
        return Import(path, stem + ".rst", text, docSet, null, diagnostics);
    }
}
