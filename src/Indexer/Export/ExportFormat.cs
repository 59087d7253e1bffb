namespace Help.Indexer.Export;

/// <summary>What <c>pyhelp --export</c> writes.</summary>
public enum ExportFormat
{
    /// <summary>A <c>pydoc_data/topics.py</c> module: pydoc's label to text table.</summary>
    Pydoc,
    /// <summary>JSON Lines: one topic object per line (the fields of <c>pyhelp --json</c>).</summary>
    Json,
    /// <summary>A Dash/Zeal docset bundle.</summary>
    Docset,
    /// <summary>A Sphinx inventory, version 2 (<c>objects.inv</c>).</summary>
    Inventory,
}

public static class ExportFormats
{
    public static IReadOnlyList<string> Names { get; } = ["pydoc", "json", "docset", "inventory"];

    public static bool TryParse(string name, out ExportFormat format)
    {
        switch (name)
        {
            case "pydoc": format = ExportFormat.Pydoc; return true;
            case "json": format = ExportFormat.Json; return true;
            case "docset": format = ExportFormat.Docset; return true;
            case "inventory": format = ExportFormat.Inventory; return true;
            default: format = default; return false;
        }
    }
}
