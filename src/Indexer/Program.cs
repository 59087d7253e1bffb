using Help.Core.Index;
using Help.Indexer.Export;
using Help.Indexer.Pipeline;

// Help.Indexer build  [--index DIR] [--source PATH]... [--force]  (does nothing when the sources are unchanged)
//   --defaults: the built-in default sources, whatever the sources file says (what pyhelp indexes)
//   --events: progress as BuildEvents lines on stdout, for pyhelp's native build (src/HelpCli/IndexerProcess.cs)
//   exit codes: 0 built, 1 built but some sources were skipped, 2 usage error, 3 failed.
// Help.Indexer export --format pydoc|json|docset|inventory --out PATH [--index DIR] [--docset ID] [--keys FILE]
//   exit codes: 0 written, 2 usage error, 3 no index (or the output could not be written).
return args switch
{
    ["build", .. var rest] => Build(rest),
    ["export", .. var rest] => ExportCommand.Run(rest, Console.Out, Console.Error),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Help.Indexer build [--index DIR] [--source PATH]... [--config FILE] [--force]");
    Console.Error.WriteLine("       " + ExportCommand.Usage["usage: ".Length..]);
    return 2;
}

static int Build(string[] args)
{
    var sources = new List<string>();
    string? indexDir = null;
    string? configPath = null;
    var force = false;
    var builtInDefaults = false;
    var events = false;
    for (var i = 0; i < args.Length; i++)
    {
        switch (args[i])
        {
            case "--index" when i + 1 < args.Length:
                indexDir = args[++i];
                break;
            case "--source" when i + 1 < args.Length:
                sources.Add(args[++i]);
                break;
            case "--config" when i + 1 < args.Length:
                configPath = args[++i];
                break;
            case "--force":
                force = true;
                break;
            case "--defaults":
                builtInDefaults = true;
                break;
            case "--events":
                events = true;
                break;
            default:
                Console.Error.WriteLine($"Help.Indexer: unknown argument {args[i]}");
                return 2;
        }
    }
    var folder = IndexFolder.Resolve(indexDir);
    IReadOnlyList<SourceSpec> paths;
    bool defaults;
    try
    {
        (paths, defaults) = builtInDefaults && sources.Count == 0 && configPath is null
            ? (DefaultSources.Find().Select(SourceSpec.Of).ToList(), true)
            : DefaultSources.Resolve(sources, configPath);
    }
    catch (SourcesConfigException e)
    {
        // Before anything is built: the current index stays as it is.
        Console.Error.WriteLine($"Help.Indexer: {e.Message}");
        return 2;
    }
    // Unchanged sources: nothing to do (a stat per folder of the sources, well under a second). A config
    // can change doc sets without changing paths, so a build from one always runs.
    if (!force && configPath is null
        && IndexFreshness.WhyRebuild(folder, defaults ? [] : paths.Select(p => p.Path).ToList()) is null)
    {
        Console.WriteLine($"up to date: {folder.CurrentGeneration()} (--force rebuilds)");
        return 0;
    }
    try
    {
        if (events)
        {
            return BuildWithEvents(folder, paths, defaults);
        }
        var result = new IndexBuild(step => Console.Error.WriteLine(step)).Run(folder, paths, defaults);
        foreach (var d in result.Diagnostics)
        {
            Console.Error.WriteLine(d);
        }
        Console.WriteLine($"{result.TopicCount} topics in {result.Elapsed.TotalSeconds:0.00} s -> {result.Generation}");
        foreach (var (kind, count) in result.TopicsByKind)
        {
            Console.WriteLine($"  {kind,-10} {count,7}");
        }
        return result.AnySkipped ? 1 : 0;
    }
    catch (Exception e) when (e is IOException or UnauthorizedAccessException)
    {
        Console.Error.WriteLine($"Help.Indexer: could not write the index in {folder.Root}: {e.Message}");
        return 3;
    }
}

// Every step, page count and skipped source as a line on stdout (BuildEvents), flushed as it happens.
static int BuildWithEvents(IndexFolder folder, IReadOnlyList<SourceSpec> paths, bool defaults)
{
    var output = Console.Out;
    void Send(string line)
    {
        lock (output)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }
    var build = new IndexBuild(step => Send(BuildEvents.Step(step)))
    {
        PageProgress = (done, total) => Send(BuildEvents.Pages(done, total)),
    };
    var result = build.Run(folder, paths, defaults);
    foreach (var d in result.Diagnostics.Where(d => d.Level == DiagnosticLevel.Skipped))
    {
        Send(BuildEvents.Skipped(d.ToString()));
    }
    Send(BuildEvents.Built(result.TopicCount, result.Elapsed, result.Generation));
    return result.AnySkipped ? 1 : 0;
}
