using Help.Core.Model;
using Help.Core.Query;
using Help.Indexer.Tests.Seeds;
using Help.Tests.Shared;
using Xunit;

namespace Help.Indexer.Tests.Markdown;

/// <summary>The tool's own manual, <c>content/manual/*.md</c>, indexed as the tool indexes its content folder.</summary>
public sealed class ManualTests
{
    private static string Content => Path.Combine(Corpus.RepoRoot, "content");

    [Fact]
    public void Lookup_Help_ShowsTheManual()
    {
        using var index = BuiltIndex.Build(Content);

        var found = index.Query.Lookup("help");

        Assert.Equal(LookupStatus.Found, found.Status);
        Assert.Equal((TopicKind.Manual, "pyhelp"), (found.Topic!.Kind, found.Topic.DocSet));
        var text = index.Shown(found.Topic);
        Assert.Contains("pyhelp KEY", text);
        Assert.Contains("Related help topics: pyhelp-keys, pyhelp-search, pyhelp-index,", text);
        Assert.DoesNotContain("---", text.Split('\n')[3]); // The front matter is not part of the text.
    }

    [Fact]
    public void Build_Manual_EveryAliasRelatedKeyAndLinkResolves()
    {
        using var index = BuiltIndex.Build(Content);
        var manual = index.Topics().Where(t => t.DocSet == "pyhelp").ToList();

        Assert.Contains(manual, t => t.Key == "help");
        Assert.All(manual.Where(t => t.Kind == TopicKind.Manual), t => Assert.StartsWith("manual/", t.SourcePage));
        Assert.DoesNotContain(index.Diagnostics, d => d.Path.Contains("manual"));
        var named = manual.SelectMany(t => t.Aliases.Concat(t.Related).Concat(Links(t.Body)));
        foreach (var key in named.Distinct())
        {
            Assert.True(index.Query.Lookup(key, docSet: "pyhelp").Status == LookupStatus.Found, $"the manual names '{key}', which does not resolve");
        }
    }

    [Fact]
    public void Lookup_HelpWithPythonsBuiltinIndexed_ManualWinsAndBuiltinReachableByKind()
    {
        var functions = Path.Combine(Corpus.RequirePythonDocs(), "library", "functions.html");
        using var index = BuiltIndex.Build(Content, functions);

        Assert.Equal(TopicKind.Manual, index.Query.Lookup("help").Topic!.Kind);
        var builtin = index.Query.Lookup("help", TopicKind.Function);
        Assert.Equal(LookupStatus.Found, builtin.Status);
        Assert.Equal("python-3.11", builtin.Topic!.DocSet);
        Assert.Equal(TopicKind.Manual, index.Query.Lookup("help.keys").Topic!.Kind);
    }

    private static IEnumerable<string> Links(IEnumerable<Block> blocks) => blocks.SelectMany(b => b switch
    {
        Section s => Inlines(s.Title).Concat(Links(s.Body)),
        Paragraph p => Inlines(p.Content),
        Admonition a => Links(a.Body),
        BulletList l => l.Items.SelectMany(i => Links(i.Content)),
        EnumeratedList l => l.Items.SelectMany(i => Links(i.Content)),
        TopicInclude => [],
        _ => [],
    });

    private static IEnumerable<string> Inlines(IEnumerable<Inline> inlines) => inlines.SelectMany(i => i switch
    {
        Link { External: false, Target: { } target } => [target],
        Strong s => Inlines(s.Content),
        Emphasis e => Inlines(e.Content),
        _ => [],
    });
}
