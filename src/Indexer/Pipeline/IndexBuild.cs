using System.Diagnostics;
using Help.Core.Index;
using Help.Core.Model;
using Help.Core.Rendering;
using Help.Core.Search;
using Help.Indexer.Sources.Capture;
using Help.Indexer.Sources.Inventory;
using Help.Indexer.Sources.Markdown;
using Help.Indexer.Sources.PydocTopics;
using Help.Indexer.Sources.Rest;
using Help.Indexer.Sources.Sphinx;
using Help.Indexer.Writing;

namespace Help.Indexer.Pipeline;

/// <summary>What a build produced.</summary>
public sealed record BuildResult(string Generation, int TopicCount, IReadOnlyDictionary<string, int> TopicsByKind,
    IReadOnlyList<Diagnostic> Diagnostics, TimeSpan Elapsed)
{
    public bool AnySkipped => Diagnostics.Any(d => d.Level == DiagnosticLevel.Skipped);

    /// <summary>HTML pages parsed by this build; the others of their trees came unchanged from <see cref="PageCache"/>.</summary>
    public int PagesRead { get; init; }

    /// <summary>Nothing was built: a build this one waited for made what was needed (<see cref="IndexBuild.StillNeeded"/>).</summary>
    public bool BuiltMeanwhile { get; init; }
}

/// <summary>
/// The whole build: import every source, merge them into one set of topics, add pydoc's keys, then
/// write the topics table and the search index into a new generation and make it current.
/// </summary>
public sealed class IndexBuild
{
    private static readonly SphinxHtmlImporter Sphinx = new();
    private readonly Action<string> _progress;
    private readonly BuildTimings _timings = new();
    private int _pagesRead;
    // The general index of each Sphinx tree read, by doc set id: search weighs the entries (SearchSignals).
    private readonly Dictionary<string, IReadOnlyList<IndexEntry>> _indexEntries = [];
    // The modules each tree's module index marks deprecated, by doc set id.
    private readonly Dictionary<string, IReadOnlySet<string>> _deprecatedModules = [];
    // The folder each Sphinx tree was read from, by doc set id (IndexManifest.DocSetRoots).
    private readonly Dictionary<string, string> _docSetRoots = [];

    /// <param name="progress">Receives one line per step (the CLI prints them on stderr).</param>
    public IndexBuild(Action<string>? progress = null) => _progress = progress ?? (_ => { });

    /// <summary>Receives (pages read, pages in the tree) as an HTML tree is imported; called from worker threads.</summary>
    public Action<int, int>? PageProgress { get; init; }

    /// <summary>
    /// Asked once the build holds the folder's build lock, with the generation current then: false when a build
    /// this one waited for has made the index the caller needed, and this build then ends without building.
    /// Two pyhelp started together after a package was installed build once, not twice.
    /// </summary>
    public Func<string, bool>? StillNeeded { get; init; }

    /// <summary>Builds from <paramref name="sourcePaths"/> into <paramref name="folder"/> and swaps the result in.</summary>
    public BuildResult Run(IndexFolder folder, IReadOnlyList<string> sourcePaths, bool defaultSources) =>
        Run(folder, sourcePaths.Select(SourceSpec.Of).ToList(), defaultSources);

    /// <summary>Builds from sources already recognized (and perhaps given a doc set by <see cref="SourcesConfig"/>).</summary>
    public BuildResult Run(IndexFolder folder, IReadOnlyList<SourceSpec> sources, bool defaultSources)
    {
        var clock = Stopwatch.StartNew();
        using var buildLock = IndexPublisher.LockForBuild(folder);
        if (StillNeeded is { } needed && folder.CurrentGeneration() is { } built && !needed(built)
            && IndexManifest.TryRead(built) is { } made)
        {
            return new BuildResult(built, made.TopicCount, made.TopicsByKind, [], clock.Elapsed) { BuiltMeanwhile = true };
        }
        // Taken first: a package installed while this build runs moves the stamp, and the next lookup looks again.
        var watch = defaultSources ? SourceDiscovery.WatchStamp() : null;
        var docTrees = defaultSources ? SourceDiscovery.DocTrees() : [];
        var diagnostics = new Diagnostics();
        // Pages whose files did not change since the current generation are taken from its cache.
        var previousGeneration = folder.CurrentGeneration();
        var previousPages = PageCache.Load(previousGeneration);
        _timings.Lap("load pages.cache");
        var pages = new PageCache();
        _pagesRead = 0;
        _indexEntries.Clear();
        _deprecatedModules.Clear();
        _docSetRoots.Clear();

        // Imported in priority order: on a clash of (doc set, key, kind) the first wins, so the HTML,
        // the richest form, is kept, and pydoc's topics table only fills in what the HTML lacks.
        var imported = new List<Topic>();
        PydocKeyMap? keyMap = null;
        string? keyMapPath = null;
        foreach (var source in sources.OrderBy(s => Rank(s.Format)))
        {
            var before = imported.Count;
            switch (source.Format)
            {
                case SourceFormat.SphinxHtmlTree:
                    imported.AddRange(ImportSphinxTree(source.Path, diagnostics, previousPages, pages));
                    break;
                case SourceFormat.SphinxHtmlPage:
                    imported.AddRange(ImportSphinxPage(source.Path, diagnostics));
                    break;
                case SourceFormat.RestTree:
                    var fromRest = RestSourceTree.ImportTree(source.Path, diagnostics);
                    _progress($"Indexing {fromRest.Count} topics from the reST sources in {source.Path}");
                    imported.AddRange(fromRest);
                    break;
                case SourceFormat.RestFile:
                    _progress($"Indexing reST file {source.Path}");
                    imported.AddRange(RestSourceTree.ImportFile(source.Path, diagnostics));
                    break;
                case SourceFormat.PydocTopics:
                    imported.AddRange(ImportPydocTopics(source.Path, diagnostics));
                    break;
                case SourceFormat.MarkdownTopic:
                    imported.AddRange(MarkdownImporter.ImportFile(source.Path, Path.GetDirectoryName(source.Path)!, source.DocSet?.Id, diagnostics));
                    break;
                case SourceFormat.ContentFolder:
                    var markdown = MarkdownImporter.ImportFolder(source.Path, source.DocSet?.Id, diagnostics);
                    if (markdown.Count > 0)
                    {
                        _progress($"Indexing {markdown.Count} Markdown topics in {source.Path}");
                        imported.AddRange(markdown);
                    }
                    var mapPath = Path.Combine(source.Path, "pydoc", "keys.json");
                    if (File.Exists(mapPath))
                    {
                        try
                        {
                            keyMap = PydocKeyMap.Load(mapPath);
                            keyMapPath = mapPath;
                        }
                        catch (InvalidDataException e)
                        {
                            diagnostics.Skip(mapPath, e.Message);
                        }
                    }
                    break;
                default:
                    diagnostics.Skip(source.Path, source.Reason ?? "not a format this indexer reads");
                    break;
            }
            if (source.DocSet is { } configured)
            {
                // A configured doc set overrides the one the source states.
                for (var i = before; i < imported.Count; i++)
                {
                    imported[i] = imported[i] with { DocSet = configured.Id };
                }
            }
        }

        _timings.Lap("import sources");
        var topics = Merge(imported);
        if (keyMap is not null && keyMapPath is not null)
        {
            _progress("Adding pydoc keywords, topics and symbols");
            var labels = topics.Where(t => t.Kind == TopicKind.Label).ToDictionary(t => (t.DocSet, t.Key));
            // pydoc's keys are Python's: the language's keywords, topics and symbols, never a library's.
            var docSets = topics.Select(t => t.DocSet).Distinct().Where(PydocKeyTopics.IsPythonDocSet).Order(StringComparer.Ordinal);
            topics = Merge(topics.Concat(PydocKeyTopics.Create(keyMap, labels, docSets, diagnostics, keyMapPath)).ToList());
        }

        var valid = new List<Topic>(topics.Count);
        foreach (var t in topics)
        {
            if (TopicValidation.Problem(t) is { } problem)
            {
                diagnostics.Warn(t.Origin ?? "(unknown source)", $"topic left out: {problem}");
            }
            else
            {
                valid.Add(t);
            }
        }

        _timings.Lap("merge and validate");
        _progress($"Writing {valid.Count} topics");
        var byKind = valid.GroupBy(t => TopicKinds.Name(t.Kind)).OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count());
        var manifest = new IndexManifest
        {
            DefaultSources = defaultSources,
            Watch = watch,
            DocTrees = docTrees,
            Sources = sources.Select(s => SourceFingerprint.Of(s.Path)).ToList(),
            DocSetRoots = new SortedDictionary<string, string>(_docSetRoots, StringComparer.Ordinal),
            TopicCount = valid.Count,
            TopicsByKind = byKind,
            Diagnostics = diagnostics.Items.Select(d => d.ToString()).ToList(),
        };
        var generation = IndexPublisher.Publish(folder, lockHeld: true, write: dir =>
        {
            // The cache is written beside the index, on its own thread: both are mostly one thread's work.
            var cacheWritten = Task.Run(() => pages.Write(dir));
            try
            {
                WriteArtifacts(dir, valid, manifest, previousGeneration);
            }
            finally
            {
                // Never left writing into a folder that a failed build is about to remove.
                Task.WaitAny(cacheWritten);
            }
            cacheWritten.GetAwaiter().GetResult();
            _timings.Lap("finish writing pages.cache");
        });
        _timings.Lap("seal and swap");
        return new BuildResult(generation, valid.Count, byKind, diagnostics.Items, clock.Elapsed) { PagesRead = _pagesRead };
    }

    private static int Rank(SourceFormat format) => format switch
    {
        SourceFormat.SphinxHtmlTree or SourceFormat.SphinxHtmlPage => 0,
        // The reST the HTML was built from reads the same, so it only fills what no HTML page covers.
        SourceFormat.RestTree or SourceFormat.RestFile => 1,
        SourceFormat.PydocTopics => 2,
        SourceFormat.MarkdownTopic or SourceFormat.ContentFolder => 3,
        _ => 4,
    };

    private static List<Topic> Merge(IReadOnlyList<Topic> topics) => topics
        .GroupBy(t => (t.DocSet, t.Key, t.Kind))
        .Select(g => g.First())
        .ToList();

    private IEnumerable<Topic> ImportSphinxTree(string root, Diagnostics diagnostics, PageCache previous, PageCache next)
    {
        var inventory = SphinxInventory.TryLoad(root, diagnostics, "the HTML");
        var docSet = SphinxDocTree.DetectDocSet(root, inventory);
        _indexEntries[docSet.Id] = [.. _indexEntries.GetValueOrDefault(docSet.Id) ?? [], .. SphinxGenIndex.Read(root, diagnostics)];
        _deprecatedModules[docSet.Id] = SphinxModuleIndex.Deprecated(root, diagnostics);
        _docSetRoots.TryAdd(docSet.Id, Path.GetFullPath(root));
        var pages = SphinxDocTree.Pages(root).ToList();
        var treeStamp = PageCache.TreeStamp(root, docSet);
        var stamps = pages.Select(p => PageCache.PageStamp(root, p, treeStamp)).ToList();
        var cached = pages.Select((p, i) => previous.Find(Path.Combine(root, p), stamps[i])).ToList();
        var toRead = cached.Count(c => c is null);
        _progress(toRead == pages.Count
            ? $"Indexing {docSet.Id}: {pages.Count} pages in {root}"
            : $"Indexing {docSet.Id}: {toRead} of {pages.Count} pages in {root} changed; the others come from the last build");
        var results = new IReadOnlyList<Topic>[pages.Count];
        var done = 0;
        Parallel.For(0, pages.Count, i =>
        {
            var path = Path.Combine(root, pages[i]);
            var entry = cached[i];
            if (entry is null)
            {
                // Reported per page first, so that the cache can replay exactly what this page said.
                var own = new Diagnostics();
                var topics = ReadPage(path, pages[i], docSet, inventory, own);
                entry = new PageCache.Entry(stamps[i], own.Items, topics);
                Interlocked.Increment(ref _pagesRead);
            }
            foreach (var d in entry.Diagnostics)
            {
                if (d.Level == DiagnosticLevel.Skipped) diagnostics.Skip(d.Path, d.Message);
                else diagnostics.Warn(d.Path, d.Message);
            }
            next.Add(path, entry);
            results[i] = entry.Topics;
            PageProgress?.Invoke(Interlocked.Increment(ref done), pages.Count);
        });
        var topics = Redirects.Resolve(results.SelectMany(r => r).ToList(), diagnostics.Warn);
        return inventory is null ? topics : InventoryAliases.Add(topics, inventory, docSet.Id);
    }

    /// <summary>
    /// A page without its tree (a saved or captured page): its path in the tree and its doc set are
    /// read from the page itself, since a capture's file name and folder say nothing about either.
    /// </summary>
    private IEnumerable<Topic> ImportSphinxPage(string path, Diagnostics diagnostics)
    {
        var html = ReadHtml(path, diagnostics);
        if (html is null)
        {
            return [];
        }
        var folder = Path.GetDirectoryName(path)!;
        var docSet = PageIdentity.DocSetOf(html, folder) ?? SphinxDocTree.DetectDocSet(folder, null);
        var pagePath = PageIdentity.PagePath(html) ?? Path.ChangeExtension(Path.GetFileName(path), ".html");
        _progress($"Indexing {docSet.Id}: {path} as {pagePath}");
        return Redirects.Resolve(ImportHtml(path, pagePath, html, docSet, null, diagnostics), diagnostics.Warn);
    }

    private static IReadOnlyList<Topic> ReadPage(string path, string pagePath, DocSet docSet, SphinxInventory? inventory, Diagnostics diagnostics) =>
        ReadHtml(path, diagnostics) is { } html ? ImportHtml(path, pagePath, html, docSet, inventory, diagnostics) : [];

    /// <summary>
    /// A page's text with any capture noise taken off, or null when the file is skipped (too large,
    /// unreadable). Each problem is reported once, against the file's path.
    /// </summary>
    private static string? ReadHtml(string path, Diagnostics diagnostics)
    {
        string text;
        try
        {
            if (SourceLimits.TooLarge(path) is { } tooLarge)
            {
                diagnostics.Skip(path, tooLarge);
                return null;
            }
            text = SourceText.Read(path, diagnostics);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Skip(path, $"cannot read: {e.Message}");
            return null;
        }
        var cleaned = CaptureNoise.Clean(text);
        foreach (var note in cleaned.Removed)
        {
            diagnostics.Warn(path, note);
        }
        return cleaned.Text;
    }

    private static IReadOnlyList<Topic> ImportHtml(string path, string pagePath, string html, DocSet docSet, SphinxInventory? inventory, Diagnostics diagnostics)
    {
        // Checked before parsing: the converters recurse per element, and a stack overflow ends the process.
        if (HtmlNesting.Exceeds(html, SourceLimits.MaxHtmlNesting))
        {
            diagnostics.Skip(path, $"HTML nested more than {SourceLimits.MaxHtmlNesting} elements deep; not a documentation page this indexer can read");
            return [];
        }
        var topics = Sphinx.ImportPage(pagePath, html, docSet, inventory, diagnostics);
        // A moved page's stub is short and often unclosed: that is no damage.
        if (topics is not [{ Role: Redirects.Role }] && html.Trim().Length > 0
            && html.AsSpan()[Math.Max(0, html.Length - 512)..].IndexOf("</html>", StringComparison.OrdinalIgnoreCase) < 0)
        {
            diagnostics.Warn(path, "the page ends before </html> (truncated?); what is there was indexed");
        }
        return topics;
    }

    private IEnumerable<Topic> ImportPydocTopics(string path, Diagnostics diagnostics)
    {
        PydocTopicsTable table;
        try
        {
            if (SourceLimits.TooLarge(path) is { } tooLarge)
            {
                diagnostics.Skip(path, tooLarge);
                return [];
            }
            table = PydocTopicsReader.Read(path, diagnostics);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            diagnostics.Skip(path, e.Message);
            return [];
        }
        var version = table.PythonVersion ?? PythonVersionInPath(path) ?? "3";
        var docSet = new DocSet($"python-{version}", "Python", version, Path.GetDirectoryName(path));
        _progress($"Indexing {docSet.Id}: pydoc topics table {path} ({table.Topics.Count} topics)");
        return PydocTopicsReader.ToTopics(table, docSet, path);
    }

    /// <summary><c>3.11</c> from <c>.../lib/python3.11/pydoc_data/topics.py</c>: a table read from source does not state its version.</summary>
    private static string? PythonVersionInPath(string path)
    {
        var match = System.Text.RegularExpressions.Regex.Match(path, @"python(3\.\d+)[/\\]");
        return match.Success ? match.Groups[1].Value : null;
    }

    /// <summary>
    /// Writes the topics table and the search index. With a previous generation, both carry over what did not
    /// change: compressed records of the table by the digest of their bytes, rows of the search index by a
    /// stamp of what they are made from; either comes out as a full build would write it (the table byte for
    /// byte, the index search for search).
    /// </summary>
    private void WriteArtifacts(string dir, IReadOnlyList<Topic> topics, IndexManifest manifest, string? previousGeneration)
    {
        var stored = TopicLinks.Apply(NestedTopics.Apply(topics));
        _timings.Lap("nest topics, resolve links");
        var encoded = new TopicsTableWriter.EncodedTopic[stored.Count];
        Parallel.For(0, stored.Count, i => encoded[i] = TopicsTableWriter.EncodedTopic.Of(stored[i]));
        _timings.Lap("encode topics");
        var compressed = TopicsTableWriter.Write(Path.Combine(dir, TopicsTableFormat.FileName), stored, encoded,
            previousGeneration is null ? null : Path.Combine(previousGeneration, TopicsTableFormat.FileName));
        _timings.Lap($"write topics.tbl ({compressed} compressed)");

        var byKey = topics.ToDictionary(t => (t.DocSet, t.Key, t.Kind));
        var signals = SearchSignals.Compute(stored, _indexEntries, _deprecatedModules);
        _timings.Lap("index entries and links");
        var documents = new StampedSearchDocument[stored.Count];
        Parallel.For(0, stored.Count, i =>
        {
            var t = stored[i];
            var original = byKey[(t.DocSet, t.Key, t.Kind)];
            var summaryBody = original.Body is [TopicInclude inc] && byKey.TryGetValue((t.DocSet, inc.Key, inc.Kind), out var target)
                ? target.Body
                : original.Body;
            var summary = PlainText.Summary(summaryBody);
            var entries = signals.EntriesOf(t);
            var links = signals.LinksTo(t);
            var deprecated = signals.IsDeprecated(t);
            // The stored topic's bytes give every field of the document but the summary, which comes from the
            // topic as imported (a nested topic's own text is in its owner's record), and the doc set's signals.
            var stamp = BitConverter.ToInt64(Digest128.Of([.. encoded[i].Digest,
                .. System.Text.Encoding.UTF8.GetBytes($"{summary}\u0000{string.Join('\u0000', entries)}\u0000{links}\u0000{deprecated}")]));
            // The topic's own text only: nested topics are indexed under their own keys.
            documents[i] = new StampedSearchDocument(t.DocSet, t.Key, t.Kind, stamp,
                () => new SearchDocument(t.Key, t.Kind, t.DocSet, t.Title, t.Signature, summary, SearchDocument.BodyOf(t.Body), t.Source)
                {
                    Aliases = t.Aliases,
                    IndexEntries = entries,
                    InboundLinks = links,
                    Deprecated = deprecated,
                });
        });
        _timings.Lap("summarize and stamp");

        // A previous generation that fails its seal is not built upon: its damage would carry into the new one.
        var damage = previousGeneration is null ? null : IndexIntegrity.QuickCheck(previousGeneration);
        var previousSearch = previousGeneration is null || damage is not null ? null : Path.Combine(previousGeneration, SearchIndex.FolderName);
        var result = SearchIndexBuild.Write(Path.Combine(dir, SearchIndex.FolderName), documents, PageCache.ToolStamp, previousSearch);
        _progress(result.FullBuildReason is null
            ? $"Updated the search index: {result.Added} documents indexed, {result.Removed} removed, {result.Kept} unchanged"
            : $"Built the search index anew ({(damage is null ? result.FullBuildReason : $"the previous index is damaged: {damage}")})");
        _timings.Lap($"write the search index ({result.Added} added, {result.Removed} removed, {result.Kept} kept)");
        manifest.Write(dir);
    }
}
