using Help.Indexer.Sources.Inventory;
using Help.Tests.Shared;

namespace Help.Indexer.Tests.Inventory;

/// <summary>Writes small inventories in Sphinx's version 2 format for tests.</summary>
internal static class InventoryFiles
{
    public static byte[] Bytes(string project, string version, IEnumerable<string> lines, string? zlibLine = null) =>
        DocTree.InventoryBytes(project, version, lines, zlibLine);

    public static SphinxInventory Read(string project, string version, params string[] lines)
    {
        using var stream = new MemoryStream(Bytes(project, version, lines));
        return SphinxInventory.Read(stream, "test/objects.inv");
    }
}
