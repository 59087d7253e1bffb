namespace Help.Cli.Tests.Relevance;

/// <summary>
/// Queries a developer types, by kind, each with the topics that answer it (judged by reading the
/// Python 3.11 docs). A result answers a query when it is one of those topics: the same page and anchor.
/// </summary>
public static class RelevanceQueries
{
    public sealed record Query(string Kind, string Text, params string[] Relevant);

    public const string Name = "exact name";
    public const string Partial = "partial name";
    public const string Concept = "concept";
    public const string Question = "question";
    public const string Typo = "typo";

    public static readonly Query[] All =
    [
        new(Name, "asyncio.gather", "asyncio.gather"),
        new(Name, "concurrent.futures.ThreadPoolExecutor", "concurrent.futures.ThreadPoolExecutor"),
        new(Name, "os.path.join", "os.path.join"),
        new(Name, "json.dumps", "json.dumps"),
        new(Name, "functools.lru_cache", "functools.lru_cache"),
        new(Name, "collections.defaultdict", "collections.defaultdict"),
        new(Name, "subprocess.run", "subprocess.run"),
        new(Name, "pathlib.Path.read_text", "pathlib.Path.read_text"),
        new(Name, "itertools.groupby", "itertools.groupby"),
        new(Name, "re.sub", "re.sub"),
        new(Name, "str.format", "str.format"),
        new(Name, "datetime.timedelta", "datetime.timedelta"),
        new(Name, "typing.Optional", "typing.Optional"),

        new(Partial, "gather", "asyncio.gather"),
        new(Partial, "Executor.submit", "concurrent.futures.Executor.submit"),
        new(Partial, "ThreadPoolExecutor", "concurrent.futures.ThreadPoolExecutor"),
        new(Partial, "as_completed", "concurrent.futures.as_completed", "asyncio.as_completed"),
        new(Partial, "namedtuple", "collections.namedtuple"),
        new(Partial, "getLogger", "logging.getLogger"),
        new(Partial, "urlopen", "urllib.request.urlopen"),
        new(Partial, "deepcopy", "copy.deepcopy"),
        new(Partial, "dataclass", "dataclasses.dataclass"),
        new(Partial, "Path.glob", "pathlib.Path.glob"),
        new(Partial, "heappush", "heapq.heappush"),
        new(Partial, "create_task", "asyncio.create_task", "asyncio.TaskGroup.create_task", "asyncio.loop.create_task"),
        new(Partial, "TemporaryDirectory", "tempfile.TemporaryDirectory"),

        new(Concept, "run coroutines concurrently", "asyncio.gather", "asyncio.TaskGroup", "library/asyncio-task#running-tasks-concurrently"),
        new(Concept, "format string syntax", "formatstrings"),
        new(Concept, "walrus operator", "reference/expressions#assignment-expressions"),
        new(Concept, "thread pool", "concurrent.futures.ThreadPoolExecutor", "multiprocessing.pool.ThreadPool"),
        new(Concept, "context manager", "context manager", "context-managers", "contextlib"),
        new(Concept, "list comprehension", "list comprehension", "tut-listcomps", "comprehensions"),
        new(Concept, "decorator", "decorator"),
        new(Concept, "generator expression", "generator expression", "genexpr"),
        new(Concept, "f-strings", "f-strings", "f-string"),
        new(Concept, "unpacking argument lists", "tut-unpacking-arguments"),
        new(Concept, "virtual environment", "venv", "tut-venv"),
        new(Concept, "regular expression syntax", "re-syntax"),
        new(Concept, "sorting with a key function", "list.sort", "sorted", "sortinghowto"),

        new(Question, "how do I read a file line by line", "tut-filemethods", "io.IOBase.readline", "io.IOBase.readlines"),
        new(Question, "how do I sleep for a number of seconds", "time.sleep", "asyncio.sleep"),
        new(Question, "how to get the current date and time", "datetime.datetime.now"),
        new(Question, "how do I check if a file exists", "os.path.exists", "pathlib.Path.exists"),
        new(Question, "how to convert a string to an integer", "int"),
        new(Question, "how do I parse command line arguments", "argparse"),
        new(Question, "how do I run a shell command and capture its output", "subprocess.run", "subprocess.check_output"),
        new(Question, "how to make an HTTP request", "urllib.request.urlopen", "http.client"),
        new(Question, "how do I remove a directory tree", "shutil.rmtree"),
        new(Question, "how to copy a file", "shutil.copyfile", "shutil.copy"),
        new(Question, "how do I generate a random number", "random.random", "random.randint"),
        new(Question, "how to join a list of strings", "str.join"),
        new(Question, "how do I read environment variables", "os.environ", "os.getenv"),

        new(Typo, "asyncio.gahter", "asyncio.gather"),
        new(Typo, "ThreadPolExecutor", "concurrent.futures.ThreadPoolExecutor"),
        new(Typo, "defaultdcit", "collections.defaultdict"),
        new(Typo, "namedtupel", "collections.namedtuple"),
        new(Typo, "os.path.jion", "os.path.join"),
        new(Typo, "subprocces", "subprocess"),
        new(Typo, "itertols", "itertools"),
        new(Typo, "json.lodas", "json.loads"),
        new(Typo, "getLoger", "logging.getLogger"),
        new(Typo, "lru_cahce", "functools.lru_cache"),
        new(Typo, "dataclases", "dataclasses"),
        new(Typo, "asyncio.create_tsak", "asyncio.create_task"),
        new(Typo, "contextmanger", "contextlib.contextmanager"),
    ];
}
