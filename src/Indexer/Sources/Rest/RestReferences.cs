using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Help.Core.Model;
using Help.Indexer.Sources.Inventory;

namespace Help.Indexer.Sources.Rest;

/// <summary>
/// What inline roles and references turn into, as Sphinx's HTML for them reads after the HTML
/// importer: which roles give a literal, which plain text, which a strong; the titles of <c>:ref:</c>
/// and <c>:doc:</c> from the inventory (or the document's own labels); link targets relative to the page.
/// One instance per document.
/// </summary>
internal sealed partial class RestReferences
{
    // Roles whose text Sphinx writes as a literal (code), by the role name without its domain.
    private static readonly HashSet<string> LiteralXrefs = new(StringComparer.Ordinal)
    {
        "class", "exc", "mod", "data", "attr", "const", "obj", "type", "keyword", "option", "envvar", "token",
        "opcode", "pdbcmd", "member", "var", "macro", "enum", "enumerator", "expr", "texpr", "struct", "union",
        "literal", "code", "kbd", "cmdoption", "2to3fixer", "monitoring-event",
    };

    // Python and C roles to which Sphinx adds "()" (add_function_parentheses).
    private static readonly HashSet<string> FunctionXrefs = new(StringComparer.Ordinal) { "func", "meth" };

    private static readonly ConditionalWeakTable<SphinxInventory, Dictionary<string, List<InventoryEntry>>> ByName = new();

    private readonly string _pagePath;
    private readonly SphinxInventory? _inventory;
    private readonly RestLocalTargets _local;
    private readonly Dictionary<string, string> _substitutions = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _namedTargets = new(StringComparer.OrdinalIgnoreCase);
    private int _autoFootnote;
    private int _indexTargets;

    public RestReferences(string pagePath, SphinxInventory? inventory, RestLocalTargets local)
    {
        _pagePath = pagePath;
        _inventory = inventory;
        _local = local;
    }

    /// <summary>Where the ids of index targets go as they are made (the parser notes them in the page's outline).</summary>
    public Action<string>? TargetMade { get; set; }

    /// <summary>
    /// The next index target's id, as Sphinx numbers them per document in the order it reads them
    /// (<c>env.new_serialno('index')</c>): <c>index-0</c>, <c>index-1</c>... An <c>index</c> directive makes one, and so do
    /// the roles that add an index entry (<c>:pep:</c>, <c>:rfc:</c>, <c>:envvar:</c>, <c>:index:</c>).
    /// </summary>
    public string IndexTarget()
    {
        var id = "index-" + (_indexTargets++).ToString(System.Globalization.CultureInfo.InvariantCulture);
        TargetMade?.Invoke(id);
        return id;
    }

    /// <summary>The current module (<c>.. module::</c>, <c>.. currentmodule::</c>), for resolving short names.</summary>
    public string? Module { get; set; }

    /// <summary>Unknown roles met so far, for one warning each.</summary>
    public HashSet<string> UnknownRoles { get; } = new(StringComparer.Ordinal);

    public void DefineSubstitution(string name, string text) => _substitutions[name] = text;

    public void DefineTarget(string name, string uri) => _namedTargets[name] = uri;

    public string Substitution(string name) => _substitutions.TryGetValue(name, out var text) ? text : name;

    public string? NamedTarget(string? name) => name is not null && _namedTargets.TryGetValue(name, out var uri) ? uri : null;

    /// <summary>Auto-numbered footnotes (<c>[#]_</c>) number in order of reference, as docutils does.</summary>
    public string FootnoteLabel(string label) => label.StartsWith('#') ? (++_autoFootnote).ToString(System.Globalization.CultureInfo.InvariantCulture) : label;

    /// <summary>The inlines of an interpreted text with a role: <c>:func:`~os.path.join`</c>.</summary>
    public IReadOnlyList<Inline> Role(string role, string text)
    {
        var colon = role.LastIndexOf(':');
        var domain = colon > 0 ? role[..colon] : "py";
        var name = colon > 0 ? role[(colon + 1)..] : role;
        var (title, target) = SplitExplicitTitle(text);
        var explicitTitle = target is not null;
        target ??= title ?? "";
        title ??= target;

        switch (name)
        {
            case "ref":
            {
                var refLabel = target.ToLowerInvariant();
                var shown = new TextRun(explicitTitle ? title : RefTitle(refLabel));
                return [Find(refLabel, "std:label") is { } entry ? Linked(shown, entry)
                    : _local.LabelTitles.ContainsKey(refLabel) ? new Link([shown], "#" + RestIds.Make(refLabel), External: false)
                    : shown];
            }
            case "doc":
                return [Linked(new TextRun(explicitTitle ? title : DocTitle(target)), null)];
            case "term":
                // Sphinx's text writer (and so pydoc) shows a term reference as emphasis: *iterable*.
            {
                var term = target.ToLowerInvariant();
                var emphasis = new Emphasis([new TextRun(title)]);
                return [Find(term, "std:term") is { } entry ? Linked(emphasis, entry)
                    : _local.TermAnchors.TryGetValue(term, out var anchor) ? new Link([emphasis], "#" + anchor, External: false)
                    : emphasis];
            }
            case "pep" or "PEP" or "rfc" or "RFC":
                IndexTarget();
                var kind = name.ToUpperInvariant();
                var label = explicitTitle ? title : $"{kind} {target}";
                return [new Link([new Strong([new TextRun(label)])], kind == "PEP" ? PepUri(target) : RfcUri(target), External: true)];
            case "source":
                return [new Link([new TextRun(title)], "https://github.com/python/cpython/tree/3.11/" + target, External: true)];
            case "issue":
                return [new Link([new TextRun(explicitTitle ? title : "bpo-" + target)], "https://bugs.python.org/issue?@action=redirect&bpo=" + target, External: true)];
            case "gh":
                return [new Link([new TextRun(explicitTitle ? title : "gh-" + target)], "https://github.com/python/cpython/issues/" + target, External: true)];
            case "program" or "command" or "strong":
                return [new Strong([new TextRun(text)])];
            case "dfn" or "emphasis" or "mimetype" or "newsgroup" or "manpage":
                return [new Emphasis([new TextRun(text)])];
            case "file" or "samp":
                // Braces mark variable parts, which Sphinx emphasizes inside the literal.
                return [new Code(RestInlineParser.LiteralText(Braces().Replace(text, "$1")))];
            case "abbr":
                return Abbreviated(text);
            case "menuselection":
                return [new TextRun(text.Replace("-->", "\u2023"))];
            case "guilabel":
                return [new TextRun(text.Replace("&", ""))];
            case "sub" or "subscript":
                return [new Script([new TextRun(text)], Superscript: false)];
            case "sup" or "superscript":
                return [new Script([new TextRun(text)], Superscript: true)];
            case "index":
                IndexTarget();
                return [new TextRun(title)];
            case "title-reference" or "t" or "title" or "math":
                return [new TextRun(text)];
        }

        if (name == "envvar" && !target.StartsWith('!'))
        {
            IndexTarget(); // Sphinx's EnvVarXRefRole indexes every reference it links
        }
        var isFunction = FunctionXrefs.Contains(name);
        if (!isFunction && !LiteralXrefs.Contains(name) && domain is "py" or "c" or "std" or "cpp")
        {
            UnknownRoles.Add(role);
            return [new Code(RestInlineParser.LiteralText(text))];
        }
        // Sphinx's XRefRole: "!" disables the link; "~" shows the last component; a leading "." is relative.
        var noLink = target.StartsWith('!');
        if (noLink)
        {
            target = target[1..];
        }
        if (!explicitTitle)
        {
            title = target.TrimStart('.');
            if (noLink && title.StartsWith('~'))
            {
                title = title[1..];
            }
            if (title.StartsWith('~'))
            {
                title = title[1..];
                var dot = title.LastIndexOf('.');
                if (dot >= 0)
                {
                    title = title[(dot + 1)..];
                }
            }
            if (isFunction)
            {
                if (title.EndsWith("()", StringComparison.Ordinal))
                {
                    title = title[..^2];
                }
                title += "()";
            }
        }
        target = target.TrimStart('~', '.');
        if (target.EndsWith("()", StringComparison.Ordinal))
        {
            target = target[..^2];
        }
        Inline code = new Code(RestInlineParser.LiteralText(title));
        return [noLink ? code : Linked(code, domain == "py" ? FindPython(target) : null)];
    }

    /// <summary>
    /// docutils' explicit title form, <c>title &lt;target&gt;</c>: (title, target); otherwise (text, null).
    /// </summary>
    public static (string? Title, string? Target) SplitExplicitTitle(string text)
    {
        var m = ExplicitTitle().Match(text);
        if (m.Success)
        {
            return (m.Groups[1].Value.Trim(), m.Groups[2].Value.Trim());
        }
        if (text.StartsWith('<') && text.EndsWith('>'))
        {
            var target = text[1..^1].Trim();
            return (target, target);
        }
        return (text, null);
    }

    // RFC 3986 section 3.1: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":".
    public static bool HasScheme(string uri) => UriScheme().IsMatch(uri);

    /// <summary>
    /// <c>:abbr:`LIFO (last-in, first-out)`</c>: the abbreviation, then its explanation in parentheses, as
    /// Sphinx's text writer spells it out (sphinx/roles.py <c>Abbreviation</c>: <c>\((.*)\)$</c>, the
    /// abbreviation stripped, the explanation as written).
    /// </summary>
    private static IReadOnlyList<Inline> Abbreviated(string text)
    {
        var match = Abbreviation().Match(text);
        if (!match.Success)
        {
            return [new TextRun(text)];
        }
        var explanation = WhiteSpaceRun().Replace(match.Groups[1].Value, " ");
        return [new TextRun(text[..match.Index].Trim()), new TextRun($" ({explanation})")];
    }

    private Inline Linked(Inline inline, InventoryEntry? entry)
    {
        if (entry is null)
        {
            return inline;
        }
        return new Link([inline], RelativeUri(entry), External: false);
    }

    private string RefTitle(string label)
    {
        if (Find(label, "std:label") is { } entry)
        {
            return entry.DisplayName;
        }
        return _local.LabelTitles.TryGetValue(label, out var title) ? title : label;
    }

    private string DocTitle(string path)
    {
        var name = path.TrimStart('/');
        if (!path.StartsWith('/') && _pagePath.Contains('/'))
        {
            // A relative document name is relative to the current document's folder.
            name = Path.GetDirectoryName(_pagePath)!.Replace('\\', '/') + "/" + name;
            name = NormalizePath(name);
        }
        return Find(name, "std:doc")?.DisplayName ?? path;
    }

    private InventoryEntry? FindPython(string name)
    {
        if (_inventory is null)
        {
            return null;
        }
        return Find(name, null) ?? (Module is not null ? Find(Module + "." + name, null) : null);
    }

    private InventoryEntry? Find(string name, string? role)
    {
        if (_inventory is null)
        {
            return null;
        }
        var byName = ByName.GetValue(_inventory, inv => inv.Entries
            .GroupBy(e => e.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal));
        if (!byName.TryGetValue(name, out var entries))
        {
            return null;
        }
        return role is null
            ? entries.FirstOrDefault(e => e.Role.StartsWith("py:", StringComparison.Ordinal))
            : entries.FirstOrDefault(e => e.Role == role);
    }

    /// <summary>The entry's location relative to this page: <c>sys.html#auditing</c>, <c>../glossary.html#term-x</c>.</summary>
    private string RelativeUri(InventoryEntry entry)
    {
        var anchor = string.IsNullOrEmpty(entry.Anchor) ? "" : "#" + entry.Anchor;
        if (entry.Page == _pagePath)
        {
            return anchor.Length > 0 ? anchor : entry.Page[(entry.Page.LastIndexOf('/') + 1)..];
        }
        var from = _pagePath.Split('/')[..^1];
        var to = entry.Page.Split('/');
        var common = 0;
        while (common < from.Length && common < to.Length - 1 && from[common] == to[common])
        {
            common++;
        }
        var up = string.Concat(Enumerable.Repeat("../", from.Length - common));
        return up + string.Join('/', to[common..]) + anchor;
    }

    private static string NormalizePath(string path)
    {
        var parts = new List<string>();
        foreach (var part in path.Split('/'))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                {
                    parts.RemoveAt(parts.Count - 1);
                }
            }
            else if (part is not ("." or ""))
            {
                parts.Add(part);
            }
        }
        return string.Join('/', parts);
    }

    private static string PepUri(string target)
    {
        var hash = target.IndexOf('#');
        var number = hash < 0 ? target : target[..hash];
        var fragment = hash < 0 ? "" : target[hash..];
        return int.TryParse(number, out var n) ? $"https://peps.python.org/pep-{n:D4}/{fragment}" : "https://peps.python.org/";
    }

    private static string RfcUri(string target)
    {
        var hash = target.IndexOf('#');
        var number = hash < 0 ? target : target[..hash];
        return $"https://datatracker.ietf.org/doc/html/rfc{number}.html" + (hash < 0 ? "" : target[hash..]);
    }

    [GeneratedRegex(@"^(.+?)\s*<([^<>]+)>$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex ExplicitTitle();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.-]*:", RegexOptions.CultureInvariant)]
    private static partial Regex UriScheme();

    [GeneratedRegex(@"(?<!\\)\{([^{}]*)\}", RegexOptions.CultureInvariant)]
    private static partial Regex Braces();

    [GeneratedRegex(@"\((.*)\)$", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex Abbreviation();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WhiteSpaceRun();
}
