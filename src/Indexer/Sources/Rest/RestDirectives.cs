using Help.Indexer.Sources.Highlighting;
using System.Text.RegularExpressions;
using Help.Core.Model;
using Help.Indexer.Sources.Sphinx;

namespace Help.Indexer.Sources.Rest;

/// <summary>
/// The directives the Python docs use (docutils' and Sphinx's, and CPython's own <c>pyspecific</c>
/// ones), each giving the blocks Sphinx's HTML for it reads as. Unknown directives keep their content
/// as paragraphs, with one warning per directive name per file.
/// </summary>
/// <remarks>
/// A directive block (docutils spec, "Directives") is the text after <c>::</c> and the indented lines
/// that follow. For a directive with arguments, the arguments run to the first blank line, with
/// options (a field list) at their end; the content follows the blank line. Without arguments, the
/// options come first and everything else is content.
/// </remarks>
internal sealed partial class RestDirectives(RestBlockParser parser)
{
    private static readonly HashSet<string> Admonitions = new(StringComparer.Ordinal)
    {
        "note", "warning", "important", "tip", "caution", "attention", "danger", "error", "hint", "seealso",
    };

    // Directives with nothing to show in HTML (or nothing a reader of the topic needs).
    private static readonly HashSet<string> Invisible = new(StringComparer.Ordinal)
    {
        "index", "sectionauthor", "moduleauthor", "codeauthor", "tabularcolumns", "contents", "testsetup",
        "testcleanup", "raw", "default-role", "role", "meta", "highlightlang", "audit-event-table", "toctree",
        "include", "literalinclude", "title", "rst-class", "cssclass", "sectnum", "header", "footer", "target-notes",
        "program", "default-domain",
    };

    /// <summary>
    /// Directives that add no node to the document: a label written before one still reaches the element after it
    /// (docutils' PropagateTargets moves a target's ids to the next element), as <c>.. _json-commandline:</c> over
    /// <c>.. program:: json.tool</c> names the section that follows.
    /// </summary>
    public static readonly HashSet<string> MakeNoNode = new(StringComparer.Ordinal)
    {
        "sectionauthor", "moduleauthor", "codeauthor", "program", "currentmodule", "py:currentmodule", "highlight",
        "highlightlang", "default-role", "default-domain", "role",
    };

    // Directives whose content Sphinx shows as a literal block.
    private static readonly HashSet<string> CodeDirectives = new(StringComparer.Ordinal)
    {
        "code-block", "sourcecode", "code", "doctest", "testcode", "testoutput",
    };

    // Containers whose content simply flows into the page.
    private static readonly HashSet<string> Containers = new(StringComparer.Ordinal)
    {
        "only", "container", "compound", "hlist", "ifconfig", "cssclass", "class-block", "epigraph", "highlights", "pull-quote",
    };

    // Python object directives (Sphinx's py domain and pyspecific): the annotation before the name.
    private static readonly Dictionary<string, string> PythonObjects = new(StringComparer.Ordinal)
    {
        ["function"] = "",
        ["coroutinefunction"] = "coroutine ",
        ["awaitablefunction"] = "awaitable ",
        ["decorator"] = "",
        ["class"] = "class ",
        ["exception"] = "exception ",
        ["method"] = "",
        ["classmethod"] = "classmethod ",
        ["staticmethod"] = "static ",
        ["coroutinemethod"] = "coroutine ",
        ["awaitablemethod"] = "awaitable ",
        ["abstractmethod"] = "abstractmethod ",
        ["decoratormethod"] = "",
        ["attribute"] = "",
        ["property"] = "property ",
        ["data"] = "",
    };

    private readonly HashSet<string> _warned = new(StringComparer.Ordinal);
    private string? _class;
    private string? _program;

    /// <summary>The language of <c>::</c> blocks: the last <c>highlight</c> directive's, else the Python docs' default.</summary>
    public string HighlightLanguage { get; private set; } = "python3";

    public void Run(string name, string firstLine, string[] body, int depth, List<Block> blocks)
    {
        var bare = name.StartsWith("py:", StringComparison.Ordinal) ? name[3..] : name;
        if (PythonObjects.ContainsKey(bare))
        {
            PythonObject(bare, firstLine, body, depth, blocks);
            return;
        }
        if (Admonitions.Contains(name))
        {
            var (_, _, content) = Split(firstLine, body, hasArguments: false);
            blocks.Add(new Admonition(name, null, parser.ParseNested(content, depth + 1)));
            return;
        }
        switch (name)
        {
            case "admonition":
            {
                var (args, _, content) = Split(firstLine, body, hasArguments: true);
                blocks.Add(new Admonition("admonition", parser.ParseInlines(string.Join('\n', args)), parser.ParseNested(content, depth + 1)));
                return;
            }
            case "versionadded" or "versionchanged" or "deprecated" or "deprecated-removed":
                VersionNote(name, firstLine, body, depth, blocks);
                return;
            case "module":
            {
                var (args, options, _) = Split(firstLine, body, hasArguments: true);
                var module = string.Join(' ', args).Trim();
                parser.References.Module = module;
                _class = null;
                if (module.Length > 0 && !options.ContainsKey("noindex") && !options.ContainsKey("no-index"))
                {
                    parser.NoteModule(module, blocks);
                }
                return;
            }
            case "currentmodule":
            {
                var module = string.Join(' ', Split(firstLine, body, hasArguments: true).Arguments).Trim();
                parser.References.Module = module is "" or "None" ? null : module;
                _class = null;
                return;
            }
            case "program":
                _program = firstLine.Trim() is { Length: > 0 } program && program != "None" ? program.Replace(' ', '-') : null;
                return;
            case "highlight":
                HighlightLanguage = firstLine.Trim();
                return;
            case "rubric":
                blocks.Add(new Rubric(parser.ParseInlines(firstLine)));
                return;
            case "centered":
                blocks.Add(new Paragraph([new Strong(parser.ParseInlines(firstLine))]));
                return;
            case "productionlist":
                blocks.Add(Productions(firstLine, body));
                return;
            case "glossary":
                blocks.Add(RestGlossary.Parse(parser, Split("", body, hasArguments: false).Content, depth));
                return;
            case "availability":
            {
                var (args, _, _) = Split(firstLine, body, hasArguments: true);
                var inlines = new List<Inline>
                {
                    new Link([new TextRun("Availability")], null, External: false),
                    new TextRun(": "),
                };
                inlines.AddRange(parser.ParseInlines(string.Join('\n', args)));
                blocks.Add(new Paragraph(SphinxInlines.Normalize(inlines)));
                return;
            }
            case "audit-event":
                blocks.Add(AuditEvent(firstLine, body, depth));
                return;
            case "impl-detail":
                ImplementationDetail(firstLine, body, depth, blocks);
                return;
            case "sidebar" or "topic":
            {
                var (args, _, content) = Split(firstLine, body, hasArguments: true);
                blocks.Add(new Rubric(parser.ParseInlines(string.Join('\n', args))));
                blocks.AddRange(parser.ParseNested(content, depth + 1));
                return;
            }
            case "table":
            {
                var (args, _, content) = Split(firstLine, body, hasArguments: true);
                if (args.Length > 0 && args[0].Length > 0)
                {
                    blocks.Add(new Rubric(parser.ParseInlines(string.Join('\n', args))));
                }
                blocks.AddRange(parser.ParseNested(content, depth + 1));
                return;
            }
            case "list-table":
                blocks.AddRange(RestTables.ListTable(parser, Split(firstLine, body, hasArguments: true), depth));
                return;
            case "image" or "figure":
            {
                var (args, options, content) = Split(firstLine, body, hasArguments: true);
                var caption = name == "figure" ? parser.ParseNested(content, depth + 1) : [];
                blocks.Add(new Image(string.Join("", args).Trim(), options.GetValueOrDefault("alt"), caption));
                return;
            }
        }
        if (CodeDirectives.Contains(name))
        {
            // doctest and testcode take a group name, not a language.
            var (args, _, content) = Split(firstLine, body, hasArguments: true);
            var language = name is "code-block" or "sourcecode" or "code" && args.Length > 0 && args[0].Trim().Length > 0 ? args[0].Trim()
                : name is "doctest" or "testcode" or "testoutput" ? "default" : HighlightLanguage;
            var text = string.Join('\n', content).Trim('\n');
            if (text.Length > 0)
            {
                blocks.Add(CodeHighlighter.Colour(new LiteralBlock(text, language)));
            }
            return;
        }
        if (name == "index")
        {
            // Its target: an anchor where it stands (Sphinx moves the id to the element after it).
            blocks.Add(new Anchor(parser.References.IndexTarget()));
            return;
        }
        if (Invisible.Contains(name))
        {
            return;
        }
        if (Containers.Contains(name))
        {
            blocks.AddRange(parser.ParseNested(Split(firstLine, body, hasArguments: name is "only" or "ifconfig").Content, depth + 1));
            return;
        }
        if (OtherObject(name) is { } role)
        {
            var (args, _, content) = Split(firstLine, body, hasArguments: true);
            var signatures = args.Where(a => a.Trim().Length > 0).Select(a => new Signature(Collapse(a), OtherAnchor(role, Collapse(a)))).ToList();
            var record = new DescriptionRecord(role, parser.Container);
            record.Signatures.AddRange(signatures);
            parser.NoteDescription(record);
            blocks.Add(record.Block = new Description(role, signatures, ParseContent(record, content, depth)));
            return;
        }
        if (_warned.Add(name))
        {
            parser.Diagnostics.Warn(parser.Path, $"unknown directive '{name}': its content is kept as text");
        }
        var whole = Split(firstLine, body, hasArguments: false).Content;
        blocks.AddRange(parser.ParseNested(whole, depth + 1));
    }

    // --- Version notes (Sphinx's VersionChange).

    private void VersionNote(string name, string firstLine, string[] body, int depth, List<Block> blocks)
    {
        var (args, _, content) = Split(firstLine, body, hasArguments: true);
        var argText = string.Join('\n', args).Trim();
        var versionCount = name == "deprecated-removed" ? 2 : 1;
        var parts = argText.Split((char[]?)null, versionCount + 1, StringSplitOptions.RemoveEmptyEntries);
        var version = parts.Length > 0 ? parts[0] : "";
        var removedIn = name == "deprecated-removed" && parts.Length > 1 ? parts[1] : null;
        // The explanation after the version(s) keeps its line breaks for the inline parser.
        var explanation = ExplanationAfter(argText, versionCount);
        var inner = new List<Block>();
        if (explanation.Length > 0)
        {
            var inlines = parser.ParseInlines(explanation);
            if (inlines.Count > 0)
            {
                inner.Add(new Paragraph(inlines));
            }
        }
        var contentBlocks = parser.ParseNested(content, depth + 1);
        inner.AddRange(contentBlocks);
        var change = name switch
        {
            "versionadded" => VersionChange.Added,
            "versionchanged" => VersionChange.Changed,
            _ => VersionChange.Deprecated,
        };
        blocks.Add(new VersionNote(change, version, inner) { RemovedIn = removedIn });
    }

    private static string ExplanationAfter(string argText, int words)
    {
        var i = 0;
        for (var w = 0; w < words; w++)
        {
            while (i < argText.Length && char.IsWhiteSpace(argText[i]))
            {
                i++;
            }
            while (i < argText.Length && !char.IsWhiteSpace(argText[i]))
            {
                i++;
            }
        }
        return i >= argText.Length ? "" : argText[i..].Trim();
    }

    // --- CPython's pyspecific directives.

    private Paragraph AuditEvent(string firstLine, string[] body, int depth)
    {
        var (args, _, content) = Split(firstLine, body, hasArguments: true);
        var words = string.Join(' ', args).Split(' ', 2, StringSplitOptions.RemoveEmptyEntries);
        var eventName = words.Length > 0 ? words[0] : "";
        var rest = words.Length > 1 ? words[1].Trim() : "";
        // Arguments: a comma-separated list, then an optional target (an object name, no commas).
        var argNames = rest.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        if (argNames.Count > 0 && argNames[^1].Contains(' '))
        {
            argNames[^1] = argNames[^1].Split(' ')[0];
        }
        if (content.Any(l => l.Trim().Length > 0))
        {
            var blocks = parser.ParseNested(content, depth + 1);
            if (blocks is [Paragraph p])
            {
                return p;
            }
        }
        var inlines = new List<Inline>
        {
            new TextRun("Raises an "),
            new Link([new TextRun("auditing event")], null, External: false),
            new TextRun(" "),
            new Code(eventName),
        };
        if (argNames.Count == 0)
        {
            inlines.Add(new TextRun(" with no arguments."));
        }
        else
        {
            inlines.Add(new TextRun(argNames.Count == 1 ? " with argument " : " with arguments "));
            for (var k = 0; k < argNames.Count; k++)
            {
                if (k > 0)
                {
                    inlines.Add(new TextRun(", "));
                }
                inlines.Add(new Code(argNames[k]));
            }
            inlines.Add(new TextRun("."));
        }
        return new Paragraph(SphinxInlines.Normalize(inlines));
    }

    private void ImplementationDetail(string firstLine, string[] body, int depth, List<Block> blocks)
    {
        var (_, _, content) = Split(firstLine, body, hasArguments: false);
        var inner = parser.ParseNested(content, depth + 1);
        var label = new Strong([new TextRun("CPython implementation detail:")]);
        if (inner.Count > 0 && inner[0] is Paragraph p)
        {
            inner[0] = new Paragraph([label, new TextRun(" "), .. p.Content]);
        }
        else
        {
            inner.Insert(0, new Paragraph([label]));
        }
        blocks.AddRange(inner);
    }

    private static Grammar Productions(string firstLine, string[] body)
    {
        var productions = new List<Production>();
        var lines = body.ToList();
        if (firstLine.Trim().Length > 0 && firstLine.Contains(':'))
        {
            lines.Insert(0, firstLine);
        }
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }
            var colon = line.IndexOf(':');
            if (colon < 0)
            {
                productions.Add(new Production(null, line));
                continue;
            }
            var name = line[..colon].Trim();
            var definition = line[(colon + 1)..].Trim();
            if (name.Length == 0)
            {
                // Sphinx keeps a continuation's text after the colon as written (sphinx/domains/std.py
                // ProductionList: rule.split(':', 1), tokens unstripped): what it has beyond the one space
                // after the colon is the source's own indentation, which the text writer shows.
                var tokens = line[(colon + 1)..];
                var extra = Math.Max(0, tokens.Length - tokens.TrimStart().Length - 1);
                definition = new string(' ', extra) + definition;
            }
            productions.Add(new Production(name.Length == 0 ? null : name, definition));
        }
        return new Grammar(productions);
    }

    // --- The directive block.

    /// <summary>Splits a directive block into its arguments (lines), options and content.</summary>
    internal static (string[] Arguments, Dictionary<string, string> Options, string[] Content) Split(
        string firstLine, string[] body, bool hasArguments)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        var lines = new List<string>();
        if (firstLine.Length > 0)
        {
            lines.Add(firstLine);
        }
        lines.AddRange(body);
        var i = 0;
        var arguments = new List<string>();
        if (hasArguments)
        {
            while (i < lines.Count && lines[i].Trim().Length > 0 && !IsOption(lines[i]))
            {
                arguments.Add(lines[i]);
                i++;
            }
        }
        else if (firstLine.Length > 0)
        {
            // No arguments: text on the directive's line is content.
            return (Array.Empty<string>(), options, ReadOptionsThenContent(lines, 1, options, firstContent: firstLine));
        }
        return (arguments.ToArray(), options, ReadOptionsThenContent(lines, i, options, null));
    }

    private static string[] ReadOptionsThenContent(List<string> lines, int i, Dictionary<string, string> options, string? firstContent)
    {
        if (firstContent is null)
        {
            while (i < lines.Count && IsOption(lines[i]))
            {
                var m = RestBlockParser.FieldMarker().Match(lines[i]);
                var value = m.Groups[2].Value;
                i++;
                while (i < lines.Count && lines[i].StartsWith(' ') && lines[i].Trim().Length > 0)
                {
                    value += " " + lines[i].Trim();
                    i++;
                }
                options[m.Groups[1].Value] = value.Trim();
            }
        }
        var rest = lines.Skip(i).ToList();
        if (firstContent is not null)
        {
            rest.Insert(0, firstContent);
        }
        return rest.ToArray();
    }

    private static bool IsOption(string line) => line.StartsWith(':') && RestBlockParser.FieldMarker().IsMatch(line);

    private static string Collapse(string text) => WhiteSpace().Replace(text, " ").Trim();

    // Sphinx's py_sig_re: an optional dotted prefix, the name, an optional argument list and return annotation.
    [GeneratedRegex(@"^([\w.]*\.)?(\w+)\s*(?:\[\s*.*?\s*\])?(?:\((.*)\)(?:\s*->\s*(.*))?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex PythonSignature();

    [GeneratedRegex(@"[^a-zA-Z0-9._]+", RegexOptions.CultureInvariant)]
    private static partial Regex SphinxId();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WhiteSpace();
}
