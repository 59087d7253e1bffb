using Help.Core.Index;
using Help.Core.Model;
using Help.Core.Query;
using Help.Core.Rendering.Text;
using Help.Indexer.Pipeline;

namespace Help.Indexer.Tests.Seeds;

/// <summary>An index built through the whole pipeline (<see cref="IndexBuild"/>) into a temporary folder, and read back.</summary>
internal sealed class BuiltIndex : IDisposable
{
    private readonly string _root;

    public BuildResult Result { get; }
    public HelpIndex Index { get; }
    public HelpQuery Query { get; }

    private BuiltIndex(string root, BuildResult result)
    {
        _root = root;
        Result = result;
        Index = HelpIndex.Open(result.Generation);
        Query = new HelpQuery(Index);
    }

    public static BuiltIndex Build(params string[] sources) => Build(sources.Select(SourceSpec.Of).ToList());

    public static BuiltIndex Build(IReadOnlyList<SourceSpec> sources)
    {
        var root = Directory.CreateTempSubdirectory("pyhelp-h5b-").FullName;
        var result = new IndexBuild().Run(new IndexFolder(root), sources, defaultSources: false);
        return new BuiltIndex(root, result);
    }

    /// <summary>Every stored topic (not aliases), read from the table.</summary>
    public IReadOnlyList<Topic> Topics() => Index.Table.AllKeys()
        .Where(e => !e.IsAlias)
        .Select(e => e.TopicOrdinal)
        .Distinct()
        .Select(Index.Table.ReadTopic)
        .ToList();

    /// <summary>A topic as a user sees it: its title, signature, and text with includes expanded.</summary>
    public string Shown(Topic t) => $"{t.Key}\n{t.Title}\n{t.Signature}\n{Query.RenderText(t, new TextRenderOptions())}";

    public Topic? Find(string key, TopicKind kind) => Index.Table.Find(key, kind);

    public IReadOnlyList<Diagnostic> Diagnostics => Result.Diagnostics;

    public void Dispose()
    {
        Index.Dispose();
        Directory.Delete(_root, recursive: true);
    }
}
