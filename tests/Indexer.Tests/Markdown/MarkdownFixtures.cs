using System.Runtime.CompilerServices;

namespace Help.Indexer.Tests.Markdown;

internal static class MarkdownFixtures
{
    /// <summary>Fixtures/Markdown beside this file, found from the source path (the test assembly may be built elsewhere).</summary>
    public static string Folder([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "Fixtures", "Markdown"));
}
