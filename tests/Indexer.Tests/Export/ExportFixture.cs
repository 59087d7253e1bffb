using Xunit;
using Help.Core.Index;
using Help.Core.Model;
using Help.Core.Query;
using Help.Core.Rendering.Text;
using Help.Indexer.Export;
using Help.Indexer.Pipeline;
using Help.Tests.Shared;

namespace Help.Indexer.Tests.Export;

/// <summary>
/// An index built once from the handwritten pages in Export/Fixtures (module <c>eggs</c>, the
/// <c>assert</c>, <c>pass</c> and <c>del</c> statements, a glossary, a pydoc key map of pydoc's real keys), and a folder for what the tests export.
/// </summary>
public sealed class ExportFixture : IDisposable
{
    public static string Fixtures { get; } = Path.Combine(Corpus.RepoRoot, "tests", "Indexer.Tests", "Export", "Fixtures");
    public static string KeyMapPath { get; } = Path.Combine(Fixtures, "content", "pydoc", "keys.json");

    private readonly string _root = Directory.CreateTempSubdirectory("pyhelp-export-").FullName;

    public string IndexDir => Path.Combine(_root, "index");
    public string OutDir => Path.Combine(_root, "out");

    public ExportFixture()
    {
        new IndexBuild().Run(new IndexFolder(IndexDir), [Path.Combine(Fixtures, "docs"), Path.Combine(Fixtures, "content")], defaultSources: false);
    }

    /// <summary>The only doc set of the fixture index.</summary>
    public string DocSet
    {
        get
        {
            using var source = Open();
            return Assert.Single(source.DocSets);
        }
    }

    public ExportSource Open() => ExportSource.Open(new IndexFolder(IndexDir), null, single: false);

    /// <summary>What <c>pyhelp</c> prints for a key of the index (text at 70 columns).</summary>
    public string RenderText(string key, TopicKind kind)
    {
        using var source = Open();
        var topic = source.Table.Find(key, kind) ?? throw new InvalidOperationException($"{key} ({kind}) is not in the fixture index");
        return source.Query.RenderText(topic, TextRenderOptions.Default);
    }

    /// <summary>Runs <c>export</c> with the fixture index, as the command line would.</summary>
    public (int ExitCode, string Out, string Err) Export(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = ExportCommand.Run(["--index", IndexDir, .. args], stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A fresh path under the output folder.</summary>
    public string OutPath(string name)
    {
        Directory.CreateDirectory(OutDir);
        return Path.Combine(OutDir, $"{Guid.NewGuid():N}-{name}");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
