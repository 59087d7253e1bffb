using System.Text.Json;
using Help.Tests.Shared;
using Xunit;

namespace Help.Cli.Tests;

/// <summary>An index of Debian's whole python3.11-doc tree and pydoc key map, built once for these tests.</summary>
public sealed class PythonDocsIndex : IDisposable
{
    public string Dir { get; } = Directory.CreateTempSubdirectory("pyhelp-py311-").FullName;
    private CliRunner.Run? _build;

    /// <summary>Builds on first use, so that the tests skip (or fail under CI) with the reason when the docs are absent.</summary>
    public CliRunner.Run Build()
    {
        Corpus.RequirePythonDocs();
        return _build ??= CliRunner.Invoke(Args("--rebuild"));
    }

    public string[] Args(params string[] rest) =>
        ["--index", Dir, "--source", Corpus.PythonDocs, "--source", Path.Combine(Corpus.RepoRoot, "content"), .. rest];

    public void Dispose() => Directory.Delete(Dir, recursive: true);
}

/// <summary>Lookups over the real docs: the right signature and first sentence for objects, modules, labels and terms across the docs.</summary>
[Trait("Category", "corpus")]
public sealed class PythonDocsTests(PythonDocsIndex index) : IClassFixture<PythonDocsIndex>
{
    // key, kind, signature (null for prose), the first words of the summary (facts checked against the 3.11 HTML).
    public static TheoryData<string, string, string?, string> Objects => new()
    {
        { "concurrent.futures.Executor.submit", "method", "submit(fn, /, *args, **kwargs)", "Schedules the callable," },
        { "asyncio.run", "function", "asyncio.run(coro, *, debug=None)", "Execute the coroutine" },
        { "asyncio.gather", "function", "awaitable asyncio.gather(*aws, return_exceptions=False)", "Run awaitable objects" },
        { "os.path.join", "function", "os.path.join(path, *paths)", "Join one or more" },
        { "re.compile", "function", "re.compile(pattern, flags=0)", "Compile a regular expression" },
        { "str.join", "method", "str.join(iterable)", "Return a string which" },
        { "dict.get", "method", "get(key[, default])", "Return the value for" },
        { "list.sort", "method", "sort(*, key=None, reverse=False)", "This method sorts the" },
        { "len", "function", "len(s)", "Return the length" },
        { "collections.OrderedDict", "class", "class collections.OrderedDict([items])", "Return an instance of" },
        { "pathlib.Path.read_text", "method", "Path.read_text(encoding=None, errors=None)", "Return the decoded contents" },
        { "itertools.chain", "function", "itertools.chain(*iterables)", "Make an iterator that" },
        { "functools.lru_cache", "function", "@functools.lru_cache(user_function)", "Decorator to wrap a" },
        { "threading.Lock", "class", "class threading.Lock", "The class implementing primitive" },
        { "typing.Optional", "data", "typing.Optional", "Optional type." },
        { "contextlib.contextmanager", "function", "@contextlib.contextmanager", "This function is a" },
        { "ValueError", "exception", "exception ValueError", "Raised when an operation" },
        { "sys.argv", "data", "sys.argv", "The list of command" },
        { "math.sqrt", "function", "math.sqrt(x)", "Return the square root" },
        { "io.StringIO", "class", "class io.StringIO(initial_value='', newline='\\n')", "A text stream using" },
        { "logging.getLogger", "function", "logging.getLogger(name=None)", "Return a logger with" },
        { "asyncio.Task.cancel", "method", "cancel(msg=None)", "Request the Task to" },
        { "unittest.TestCase.assertEqual", "method", "assertEqual(first, second, msg=None)", "Test that first and" },
        { "heapq.heappush", "function", "heapq.heappush(heap, item)", "Push the value item" },
        { "datetime.datetime.now", "method", "classmethod datetime.now(tz=None)", "Return the current local" },
        { "socket.socket.connect", "method", "socket.connect(address)", "Connect to a remote" },
    };

    [Theory]
    [MemberData(nameof(Objects))]
    public void Lookup_Object_PrintsSignatureAndFirstSentence(string key, string kind, string? signature, string summaryStart)
    {
        index.Build();
        var json = CliRunner.Invoke(index.Args("--json", key));
        Assert.True(json.ExitCode == 0, $"{key}: exit {json.ExitCode}\n{json.Out}{json.Err}");
        using var doc = JsonDocument.Parse(json.Out);
        var root = doc.RootElement;
        Assert.Equal(key, root.GetProperty("key").GetString());
        Assert.Equal(kind, root.GetProperty("kind").GetString());
        Assert.Equal(signature, root.GetProperty("signature").GetString());
        Assert.StartsWith(summaryStart, root.GetProperty("summary").GetString());

        var text = CliRunner.Invoke(index.Args(key)).Out;
        Assert.Contains(signature!, text);
        Assert.Contains(summaryStart, Words(text));
    }

    // Prose: modules, labels, glossary terms and pydoc keys; the title, and words the text must hold.
    public static TheoryData<string, string, string, string> Prose => new()
    {
        { "asyncio", "module", "asyncio", "is a library to write concurrent code" },
        { "concurrent.futures", "module", "concurrent.futures", "provides a high-level interface" },
        { "json", "module", "json", "JSON (JavaScript Object Notation)" },
        { "typesseq", "label", "Sequence Types", "There are three basic sequence types" },
        { "formatstrings", "label", "Format String Syntax", "replacement fields" },
        { "awaitable", "term", "awaitable", "An object that can be used in an" },
        { "coroutine", "term", "coroutine", "Coroutines are a more generalized form of subroutines." },
        { "assert", "keyword", "The assert statement", "Assert statements are a convenient way" },
        { "FORMATTING", "topic", "Format String Syntax", "Related help topics:" },
        { "%", "symbol", "Operator precedence", "Related help topics:" },
        { "match", "keyword", "The match statement", "The match statement is used for pattern matching." },
    };

    [Theory]
    [MemberData(nameof(Prose))]
    public void Lookup_Prose_PrintsTitleAndText(string key, string kind, string title, string words)
    {
        index.Build();
        var json = CliRunner.Invoke(index.Args("--json", key));
        Assert.True(json.ExitCode == 0, $"{key}: exit {json.ExitCode}\n{json.Out}{json.Err}");
        using var doc = JsonDocument.Parse(json.Out);
        var root = doc.RootElement;
        Assert.Equal(kind, root.GetProperty("kind").GetString());
        Assert.Contains(title, root.GetProperty("title").GetString());
        Assert.Contains(words, Words(CliRunner.Invoke(index.Args(key)).Out));
    }

    /// <summary>The text's words on one line, without the text writer's markup (*emphasis*, **strong**, "literal").</summary>
    private static string Words(string text) =>
        string.Join(' ', text.Replace("*", "").Replace("\"", "").Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void Build_WholeTree_NoPageSkipped()
    {
        var build = index.Build();
        Assert.Equal(0, build.ExitCode);
        Assert.DoesNotContain("skipped:", build.Err);
    }

    [Fact]
    public void Lookup_PydocKeyword_EndsWithRelatedTopicsLikePydoc()
    {
        index.Build();
        var text = CliRunner.Invoke(index.Args("%")).Out.TrimEnd();
        var related = text[text.LastIndexOf("\n\nRelated help topics:", StringComparison.Ordinal)..].Trim();
        // pydoc 3.11's own wording for '%': OPERATORS' related topics plus FORMATTING, wrapped at 72.
        Assert.StartsWith("Related help topics: lambda, or, and, not, in, is, BOOLEAN, COMPARISON,\n", related);
        Assert.EndsWith("FORMATTING", related);
        Assert.All(related.Split('\n'), line => Assert.True(line.Length <= 72, line));
    }

    [Theory]
    [InlineData("__init__", "object.__init__")]
    [InlineData("__len__", "object.__len__")]
    [InlineData("__name__", "__name__")]
    public void Lookup_SpecialName_ResolvesToTheDataModel(string key, string expected)
    {
        index.Build();
        var run = CliRunner.Invoke(index.Args("--json", key));
        Assert.Equal(0, run.ExitCode);
        using var doc = JsonDocument.Parse(run.Out);
        Assert.Equal(expected, doc.RootElement.GetProperty("key").GetString());
    }

    [Fact]
    public void Lookup_Assert_ReadsExactlyLikePydoc()
    {
        var theirs = Python.Pydoc("assert");
        index.Build();
        Assert.Equal(theirs, CliRunner.Invoke(index.Args("assert")).Out);
    }
}
