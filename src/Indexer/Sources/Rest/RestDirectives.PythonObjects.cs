using Help.Indexer.Sources.Highlighting;
using System.Text.RegularExpressions;
using Help.Core.Model;
using Help.Indexer.Sources.Sphinx;

namespace Help.Indexer.Sources.Rest;

// Python objects: the signatures of py:function, py:class, py:method and the rest, as Sphinx parses them.
internal sealed partial class RestDirectives
{
    // --- Python objects (Sphinx's PyObject.handle_signature).

    private void PythonObject(string directive, string firstLine, string[] body, int depth, List<Block> blocks)
    {
        var (args, options, content) = Split(firstLine, body, hasArguments: true);
        var module = options.TryGetValue("module", out var m) ? m.Trim() : parser.References.Module;
        var noIndex = options.ContainsKey("noindex") || options.ContainsKey("no-index");
        var role = "py:" + directive;
        var record = new DescriptionRecord(role, parser.Container);
        // Sphinx nests content in the last signature's names (self.names[-1]): `set` then `frozenset` nests in frozenset.
        string? lastPrefix = null;
        string? lastFullName = null;
        foreach (var signature in JoinContinuations(args))
        {
            var (text, fullName, namePrefix) = SignatureText(directive, signature, module, options);
            record.Signatures.Add(new Signature(text, noIndex || fullName is null ? null : (module is { Length: > 0 } ? module + "." : "") + fullName));
            if (fullName is not null)
            {
                (lastFullName, lastPrefix) = (fullName, namePrefix);
            }
        }
        parser.NoteDescription(record);

        // Nested objects: a class's content is in that class; any other object's content is in the class
        // its name was prefixed with (PyObject.before_content).
        var outerClass = _class;
        var outerModule = parser.References.Module;
        var nests = directive is "class" or "exception";
        if (nests && lastFullName is not null)
        {
            _class = lastFullName;
        }
        else if (lastPrefix is { Length: > 0 })
        {
            _class = lastPrefix.TrimEnd('.');
        }
        parser.References.Module = module;
        var blocksInside = ParseContent(record, content, depth);
        _class = outerClass;
        parser.References.Module = outerModule;
        blocks.Add(record.Block = new Description(role, record.Signatures, blocksInside));
    }

    private List<Block> ParseContent(DescriptionRecord record, string[] content, int depth)
    {
        var outer = parser.CurrentDescription;
        parser.CurrentDescription = record;
        var result = parser.ParseNested(content, depth + 1);
        parser.CurrentDescription = outer;
        return result;
    }

    /// <summary>The signature as Sphinx's HTML shows it, the object's full name (without module), and its class prefix.</summary>
    private (string Text, string? FullName, string? Prefix) SignatureText(
        string directive, string signature, string? module, Dictionary<string, string> options)
    {
        var sig = Collapse(signature);
        var match = PythonSignature().Match(sig);
        if (!match.Success)
        {
            return (sig, null, null);
        }
        var prefix = match.Groups[1].Success && match.Groups[1].Length > 0 ? match.Groups[1].Value : null;
        var name = match.Groups[2].Value;
        var hasArgs = match.Groups[3].Success;
        var arglist = match.Groups[3].Value.Trim();
        var returns = match.Groups[4].Success ? match.Groups[4].Value.Trim() : null;

        string fullName;
        var addModule = true;
        if (_class is not null)
        {
            addModule = false;
            if (prefix is not null && (prefix == _class + "." || prefix.StartsWith(_class + ".", StringComparison.Ordinal)))
            {
                fullName = prefix + name;
                prefix = prefix[_class.Length..].TrimStart('.');
                prefix = prefix.Length == 0 ? null : prefix;
            }
            else if (prefix is not null)
            {
                fullName = _class + "." + prefix + name;
            }
            else
            {
                fullName = _class + "." + name;
            }
        }
        else
        {
            fullName = prefix is not null ? prefix + name : name;
        }

        var annotation = PythonObjects[directive];
        if (directive == "method")
        {
            annotation = (options.ContainsKey("abstractmethod") ? "abstract " : "")
                + (options.ContainsKey("async") ? "async " : "")
                + (options.ContainsKey("classmethod") ? "classmethod " : "")
                + (options.ContainsKey("staticmethod") ? "static " : "");
        }
        else if (directive == "function" && options.ContainsKey("async"))
        {
            annotation = "async ";
        }
        else if (directive is "class" or "exception" && options.ContainsKey("final"))
        {
            annotation = "final " + annotation;
        }

        var text = new System.Text.StringBuilder(annotation);
        if (directive is "decorator" or "decoratormethod")
        {
            text.Append('@');
        }
        if (prefix is not null)
        {
            text.Append(prefix);
        }
        else if (addModule && module is { Length: > 0 })
        {
            text.Append(module).Append('.');
        }
        text.Append(name);
        var needsArglist = directive is "function" or "coroutinefunction" or "awaitablefunction" or "method" or "classmethod"
            or "staticmethod" or "coroutinemethod" or "awaitablemethod" or "abstractmethod";
        if (hasArgs && arglist.Length > 0)
        {
            text.Append('(').Append(Arguments(arglist)).Append(')');
        }
        else if (needsArglist)
        {
            text.Append("()");
        }
        if (returns is not null)
        {
            text.Append(" \u2192 ").Append(returns);
        }
        if (options.TryGetValue("type", out var type) && type.Length > 0)
        {
            text.Append(": ").Append(type.Trim());
        }
        if (options.TryGetValue("value", out var value) && value.Length > 0)
        {
            text.Append(" = ").Append(value.Trim());
        }
        return (text.ToString(), fullName, match.Groups[1].Success && match.Groups[1].Length > 0 ? match.Groups[1].Value : null);
    }

    /// <summary>An argument list as Sphinx prints it: one space after each top-level comma, none inside brackets' edges.</summary>
    private static string Arguments(string arglist)
    {
        var sb = new System.Text.StringBuilder(arglist.Length);
        var quote = '\0';
        for (var i = 0; i < arglist.Length; i++)
        {
            var c = arglist[i];
            if (quote != '\0')
            {
                sb.Append(c);
                if (c == quote && arglist[i - 1] != '\\')
                {
                    quote = '\0';
                }
                continue;
            }
            if (c is '\'' or '"')
            {
                quote = c;
                sb.Append(c);
                continue;
            }
            if (c == ',')
            {
                while (sb.Length > 0 && sb[^1] == ' ')
                {
                    sb.Length--;
                }
                sb.Append(", ");
                while (i + 1 < arglist.Length && arglist[i + 1] == ' ')
                {
                    i++;
                }
                continue;
            }
            if (c == ' ' && sb.Length > 0 && sb[^1] is '[' or '(' )
            {
                continue;
            }
            if (c is ']' or ')' && sb.Length > 0 && sb[^1] == ' ' && !(sb.Length >= 2 && sb[^2] == ','))
            {
                sb.Length--;
            }
            sb.Append(c);
        }
        // Sphinx's _pseudo_parse_arglist writes an optional group's bracket before its separator.
        var result = sb.ToString().Trim();
        while (result.Contains(", [", StringComparison.Ordinal))
        {
            result = result.Replace(", [", "[, ", StringComparison.Ordinal);
        }
        return result;
    }

    /// <summary>Signature lines; a line ending in a backslash continues on the next (Sphinx's get_signatures).</summary>
    private static IEnumerable<string> JoinContinuations(string[] args)
    {
        var current = "";
        foreach (var line in args)
        {
            if (line.EndsWith('\\'))
            {
                current += line[..^1];
                continue;
            }
            var whole = (current + line).Trim();
            current = "";
            if (whole.Length > 0)
            {
                yield return whole;
            }
        }
        if (current.Trim().Length > 0)
        {
            yield return current.Trim();
        }
    }

    /// <summary>
    /// The id Sphinx gives a command-line option (<c>Cmdoption.add_target_and_index</c>): <c>cmdoption</c>,
    /// the program, <c>arg</c> for a positional one, then the first option name, through Sphinx's
    /// <c>make_id</c> (which keeps dots and underscores). Other std and C objects: none here.
    /// </summary>
    private string? OtherAnchor(string role, string signature)
    {
        if (role != "std:cmdoption")
        {
            return null;
        }
        var first = signature.Split(',')[0].Trim();
        var space = first.IndexOfAny([' ', '=', '[']);
        var option = space > 0 ? first[..space] : first;
        var prefix = "cmdoption" + (_program is null ? "" : "-" + _program) + (option.StartsWith('-') || option.StartsWith('/') ? "" : "-arg");
        return SphinxId().Replace(prefix + "-" + option, "-").Trim('-', '.', '_');
    }

    private static string? OtherObject(string name) => name switch
    {
        "cmdoption" or "option" => "std:cmdoption",
        "envvar" => "std:envvar",
        "describe" or "object" => "std:describe",
        "opcode" => "std:opcode",
        "pdbcommand" => "std:pdbcommand",
        "2to3fixer" => "std:2to3fixer",
        "monitoring-event" => "std:monitoring-event",
        _ when name.StartsWith("c:", StringComparison.Ordinal) || name.StartsWith("cpp:", StringComparison.Ordinal) => name,
        "cfunction" => "c:function",
        "cmember" => "c:member",
        "cmacro" => "c:macro",
        "ctype" => "c:type",
        "cvar" => "c:var",
        _ => null,
    };
}
