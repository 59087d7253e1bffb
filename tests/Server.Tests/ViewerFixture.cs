using Help.Core.Index;
using Help.Indexer.Pipeline;
using Help.Server.Hosting;
using Help.Tests.Shared;
using Xunit;

namespace Help.Server.Tests;

/// <summary>
/// A real Kestrel on 127.0.0.1:0 over an index built from handwritten fixture docs: the CLI tests' pages
/// (spam, statements, pydoc's key map) plus this project's ham page, whose links reach the others.
/// </summary>
public sealed class ViewerFixture : IAsyncLifetime
{
    private RunningViewer? _viewer;

    public string Root { get; } = Directory.CreateTempSubdirectory("pyhelp-server-").FullName;
    public string Docs => Path.Combine(Root, "docs");
    public string IndexDir => Path.Combine(Root, "index");
    public string Url => _viewer?.Url ?? throw new InvalidOperationException("not started");

    /// <summary>The running application, for what it maps (its endpoints).</summary>
    public Microsoft.AspNetCore.Builder.WebApplication App => _viewer?.App ?? throw new InvalidOperationException("not started");
    public Uri BaseAddress => new(Url);
    public int Port => BaseAddress.Port;
    public HttpClient Http { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        CopyFixtureDocs(Docs);
        Build();
        _viewer = await ViewerServer.StartAsync(new IndexFolder(IndexDir), port: 0, generationCheckInterval: TimeSpan.FromMilliseconds(50));
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = BaseAddress };
    }

    /// <summary>Builds (or rebuilds) the index from <see cref="Docs"/> and the CLI fixture's key map.</summary>
    public void Build()
    {
        var content = Path.Combine(Corpus.RepoRoot, "tests", "Cli.Tests", "Fixtures", "content");
        new IndexBuild().Run(new IndexFolder(IndexDir), [Docs, content], defaultSources: false);
    }

    /// <summary>One Sphinx tree: the CLI fixture's pages and ours, so relative links between them resolve.</summary>
    private static void CopyFixtureDocs(string target)
    {
        foreach (var source in new[]
        {
            Path.Combine(Corpus.RepoRoot, "tests", "Cli.Tests", "Fixtures", "docs"),
            Path.Combine(Corpus.RepoRoot, "tests", "Server.Tests", "Fixtures", "docs"),
        })
        {
            foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
            {
                var to = Path.Combine(target, Path.GetRelativePath(source, file));
                Directory.CreateDirectory(Path.GetDirectoryName(to)!);
                File.Copy(file, to, overwrite: true);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        Http?.Dispose();
        if (_viewer is not null)
        {
            await _viewer.DisposeAsync();
        }
        Directory.Delete(Root, recursive: true);
    }
}
