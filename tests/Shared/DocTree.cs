using System.IO.Compression;
using System.Text;

namespace Help.Tests.Shared;

/// <summary>A small Sphinx HTML tree written for a test: pages of made-up docs and an inventory naming their objects.</summary>
public static class DocTree
{
    /// <summary>Writes <paramref name="pages"/> (path, body HTML) and <c>objects.inv</c> under <paramref name="root"/>.</summary>
    public static string Write(string root, string project, string version, IReadOnlyDictionary<string, string> pages, params string[] inventory)
    {
        Directory.CreateDirectory(root);
        foreach (var (path, body) in pages)
        {
            var file = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            File.WriteAllText(file, body.StartsWith("<html>", StringComparison.Ordinal) ? body : Page(project, version, body));
        }
        File.WriteAllBytes(Path.Combine(root, "objects.inv"), InventoryBytes(project, version, inventory));
        return root;
    }

    /// <summary>An inventory in Sphinx's version 2 format: the four header lines, then the entries compressed with zlib.</summary>
    public static byte[] InventoryBytes(string project, string version, IEnumerable<string> lines, string? zlibLine = null)
    {
        using var output = new MemoryStream();
        var header = $"# Sphinx inventory version 2\n# Project: {project}\n# Version: {version}\n"
            + (zlibLine ?? "# The remainder of this file is compressed using zlib.") + "\n";
        output.Write(Encoding.UTF8.GetBytes(header));
        using (var zlib = new ZLibStream(output, CompressionLevel.Optimal, leaveOpen: true))
        {
            zlib.Write(Encoding.UTF8.GetBytes(string.Join("\n", lines) + "\n"));
        }
        return output.ToArray();
    }

    /// <summary>A page of the classic theme around <paramref name="body"/>.</summary>
    public static string Page(string project, string version, string body) => $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8" /><title>Page &#8212; {project} {version} documentation</title></head>
        <body><div class="document"><div class="body" role="main">
        {body}
        </div></div></body></html>
        """;

    /// <summary>A Python object's description as Sphinx 7 writes it.</summary>
    public static string Description(string role, string id, string signature, string text) => $"""
        <dl class="py {role}">
        <dt class="sig sig-object py" id="{id}"><span class="sig-name descname"><span class="pre">{signature}</span></span><a class="headerlink" href="#{id}">¶</a></dt>
        <dd>{text}</dd></dl>
        """;
}
