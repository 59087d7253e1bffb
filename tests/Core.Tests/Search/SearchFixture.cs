using Help.Core.Model;
using Help.Core.Search;

namespace Help.Core.Tests.Search;

/// <summary>
/// A small index of made-up topics (own words, shaped like the Python docs), built once per test class into
/// a temporary folder that is deleted afterwards.
/// </summary>
public sealed class SearchFixture : IDisposable
{
    public const string DocSet = "python-3.11";
    public const string OtherDocSet = "python-3.12";

    public SearchFixture()
    {
        Folder = Directory.CreateTempSubdirectory("pyhelp-search-").FullName;
        Path = System.IO.Path.Combine(Folder, SearchIndex.FolderName);
        Build(Path, Documents);
        Index = SearchIndex.Open(Path);
    }

    public string Folder { get; }

    public string Path { get; }

    public SearchIndex Index { get; }

    public static IReadOnlyList<SearchDocument> Documents { get; } =
    [
        new("concurrent.futures.ThreadPoolExecutor", TopicKind.Class, DocSet, "concurrent.futures.ThreadPoolExecutor",
            "concurrent.futures.ThreadPoolExecutor(max_workers=None, thread_name_prefix='')",
            "Runs submitted calls on a fixed set of worker threads.",
            "ThreadPoolExecutor is an Executor subclass. Every call handed to submit is queued and picked up by one of the worker threads, which are started lazily and reused.",
            "library/concurrent.futures.html#concurrent.futures.ThreadPoolExecutor"),
        new("concurrent.futures.Executor", TopicKind.Class, DocSet, "concurrent.futures.Executor",
            "concurrent.futures.Executor", "The abstract base of the executors.",
            "An abstract class with methods to run calls asynchronously. Use one of its subclasses, such as ThreadPoolExecutor or ProcessPoolExecutor, and never this class itself.",
            "library/concurrent.futures.html#concurrent.futures.Executor"),
        new("concurrent.futures.as_completed", TopicKind.Function, DocSet, "concurrent.futures.as_completed",
            "concurrent.futures.as_completed(fs, timeout=None)", "Yields each future of fs as soon as it finishes.",
            "Gives back an iterator over the given futures that yields each one once it finishes, whether it was cancelled or raised.",
            "library/concurrent.futures.html#concurrent.futures.as_completed"),
        new("asyncio.gather", TopicKind.Function, DocSet, "asyncio.gather",
            "asyncio.gather(*aws, return_exceptions=False)", "Await several awaitables at once and collect their results.",
            "Schedules the awaitables concurrently. When all of them are done the results come back as a list in the order of aws.",
            "library/asyncio-task.html#asyncio.gather"),
        new("asyncio.gather", TopicKind.Function, OtherDocSet, "asyncio.gather",
            "asyncio.gather(*aws, return_exceptions=False)", "Await many awaitables together (newer wording).",
            "Schedules the awaitables concurrently and returns their results in order.",
            "library/asyncio-task.html#asyncio.gather"),
        new("asyncio.run", TopicKind.Function, DocSet, "asyncio.run",
            "asyncio.run(coro, *, debug=None)", "Execute a coroutine and return what it returns.",
            "Creates a new event loop, drives the coroutine to its end and closes the loop again. Call it once, from the main program.",
            "library/asyncio-runner.html#asyncio.run"),
        new("threading.Thread.run", TopicKind.Method, DocSet, "threading.Thread.run",
            "run()", "The activity of the thread.",
            "Subclasses may override this method. By default it invokes the callable passed as target.",
            "library/threading.html#threading.Thread.run"),
        new("http.server.HTTPServer", TopicKind.Class, DocSet, "http.server.HTTPServer",
            "http.server.HTTPServer(server_address, RequestHandlerClass)", "A socket server that speaks the web protocol.",
            "Listens on an address and hands each connection to a handler class.",
            "library/http.server.html#http.server.HTTPServer"),
        new("whatsnew/3.11.html#asyncio", TopicKind.Section, DocSet, "What's New In Python 3.11: asyncio",
            null, "Changes to the asyncio package.",
            "The gather helper can now collect results faster. Collect results from many tasks: gather collects results, and results are collected in order. More results, collected sooner.",
            "whatsnew/3.11.html#asyncio"),
        new("changelog#library", TopicKind.Section, DocSet, "Changelog: Library",
            null, "Library changes.",
            "Fixed a worker threads leak in ThreadPoolExecutor. ThreadPoolExecutor now names its worker threads. Worker threads exit sooner.",
            "whatsnew/changelog.html#library"),
        new("tutorial/interpreter.html#invoking", TopicKind.Section, DocSet, "Invoking the Interpreter",
            null, "How to start Python from a shell.",
            "Type the command name at the prompt of a shell to start it. The interpreter then reads statements one by one.",
            "tutorial/interpreter.html#invoking"),
    ];

    /// <summary>Writes the index of <paramref name="documents"/> into the folder <paramref name="path"/>, as the indexer does.</summary>
    public static void Build(string path, IEnumerable<SearchDocument> documents, string builder = "fixture") =>
        SearchIndexBuild.Write(path, Stamped(documents), builder, previousPath: null);

    /// <summary>The documents with a stamp each (a digest of their fields), as the indexer hands them over.</summary>
    public static List<StampedSearchDocument> Stamped(IEnumerable<SearchDocument> documents) =>
        documents.Select(d => new StampedSearchDocument(d.DocSet, d.Key, d.Kind, StableHash(d.ToString()), () => d)).ToList();

    private static long StableHash(string text)
    {
        var h = 14695981039346656037UL;
        foreach (var c in text)
        {
            h = (h ^ c) * 1099511628211UL;
        }
        return (long)h;
    }

    public void Dispose()
    {
        Index.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
