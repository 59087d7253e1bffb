using Help.Indexer.Tests.Inventory;

namespace Help.Indexer.Tests.DocSets;

/// <summary>A small Sphinx HTML tree written for a test: pages of made-up docs and an inventory naming their objects.</summary>
internal static class DocTree
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
        File.WriteAllBytes(Path.Combine(root, "objects.inv"), InventoryFiles.Bytes(project, version, inventory));
        return root;
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
