using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Help.Tests.Shared;

namespace Help.Tests.Shared;

/// <summary>Runs Debian's python3.11 as the reference (skips when it is not installed).</summary>
internal static class Python
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> DebianTopics = new(() => TopicsOf(Corpus.PydocTopicsPy));

    /// <summary>pydoc's topics table of Debian's Python 3.11, label to text, read once per test run.</summary>
    public static IReadOnlyDictionary<string, string> ReferenceTopics()
    {
        Corpus.RequirePython();
        Corpus.Require(File.Exists(Corpus.PydocTopicsPy), $"{Corpus.PydocTopicsPy} is missing; apt-get install python3.11");
        return DebianTopics.Value;
    }

    private static readonly Lazy<byte[]> DebianTopicsPyc = new(() =>
    {
        var pyc = Path.Combine(Directory.CreateTempSubdirectory("pyhelp-pyc-").FullName, "topics.cpython-311.pyc");
        try
        {
            Compile(Corpus.PydocTopicsPy, pyc);
            return File.ReadAllBytes(pyc);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(pyc)!, recursive: true);
        }
    });

    /// <summary>Debian's topics.py compiled by Debian's Python 3.11 (as py_compile writes it to __pycache__), once per test run.</summary>
    public static byte[] ReferenceTopicsCompiled()
    {
        ReferenceTopics();
        return DebianTopicsPyc.Value;
    }

    /// <summary>What <c>python3.11 -m pydoc KEY</c> prints.</summary>
    public static string Pydoc(string key) => Run("import pydoc, sys; sys.argv = ['pydoc', sys.argv[1]]; pydoc.cli()", key);

    private static readonly Lazy<IReadOnlyDictionary<string, string>> PydocKeys = new(() =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(Run("""
            import contextlib, io, json, pydoc, sys
            out, real = {}, sys.stdout
            for key in sorted({*pydoc.Helper.keywords, *pydoc.Helper.topics, *pydoc.Helper.symbols}):
                # What `python3.11 -m pydoc KEY` prints through its plain pager (True, False and None go
                # through pydoc.doc, which writes to sys.stdout).
                buffer = io.StringIO()
                with contextlib.redirect_stdout(buffer):
                    pydoc.Helper(input=None, output=buffer).help(key)
                out[key] = buffer.getvalue()
            json.dump(out, real)
            """))!);

    /// <summary>Every keyword, topic and symbol Debian's pydoc knows, with what <c>python3.11 -m pydoc KEY</c> prints for it; one Python process.</summary>
    public static IReadOnlyDictionary<string, string> PydocAllKeys()
    {
        Corpus.RequirePython();
        return PydocKeys.Value;
    }

    /// <summary>Runs <paramref name="script"/> (given on standard input) with arguments; returns standard output.</summary>
    public static string Run(string script, params string[] args)
    {
        var python = Corpus.RequirePython();
        var start = new ProcessStartInfo(python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-");
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        // Keep user site-packages and a PYTHONPATH out of the reference.
        start.Environment["PYTHONNOUSERSITE"] = "1";
        start.Environment.Remove("PYTHONPATH");
        start.Environment["PYTHONIOENCODING"] = "utf-8";
        using var process = Process.Start(start)!;
        process.StandardInput.Write(script);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill();
            throw new TimeoutException($"{python} did not finish");
        }
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{python} failed ({process.ExitCode}): {stderr.Result}");
        }
        return stdout.Result;
    }

    /// <summary>The <c>topics</c> dict of a topics.py, as Python evaluates it.</summary>
    public static Dictionary<string, string> TopicsOf(string sourcePath) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(Run("""
            import json, sys
            ns = {}
            with open(sys.argv[1], encoding='utf-8') as f:
                exec(compile(f.read(), sys.argv[1], 'exec'), ns)
            sys.stdout.write(json.dumps(ns['topics']))
            """, sourcePath))!;

    /// <summary>Compiles a source to a .pyc file, as py_compile does for __pycache__.</summary>
    public static void Compile(string sourcePath, string pycPath) =>
        Run("""
            import py_compile, sys
            py_compile.compile(sys.argv[1], cfile=sys.argv[2], doraise=True)
            """, sourcePath, pycPath);
}
