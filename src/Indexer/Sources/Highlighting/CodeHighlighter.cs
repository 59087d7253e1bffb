using ColorCode;
using ColorCode.Common;
using ColorCode.Parsing;
using ColorCode.Styling;
using Help.Core.Model;

namespace Help.Indexer.Sources.Highlighting;

/// <summary>
/// Colours the code blocks of sources that carry no tokens (reST, Markdown) with ColorCode, as the same Pygments
/// token classes Sphinx's HTML carries (<c>k</c>, <c>c</c>, <c>s</c>, <c>nb</c>), so the viewer styles both alike.
/// </summary>
public sealed class CodeHighlighter : CodeColorizerBase
{
    // ColorCode's parser compiles each language's rules on first use and keeps them: one instance for all threads
    // would share that work, but its parser is not documented as thread-safe, so there is one per thread.
    [ThreadStatic]
    private static CodeHighlighter? _perThread;

    private List<CodeRun>? _runs;

    private CodeHighlighter() : base(StyleDictionary.DefaultLight, null)
    {
    }

    /// <summary><paramref name="block"/> with its tokens, when its language is one ColorCode knows and it has none yet.</summary>
    public static LiteralBlock Colour(LiteralBlock block)
    {
        if (block.Highlight.Count > 0 || LanguageOf(block.Language) is not { } language)
        {
            return block;
        }
        var runs = (_perThread ??= new CodeHighlighter()).Runs(block.Text, language);
        return runs.Count == 0 ? block : block with { Highlight = runs };
    }

    /// <summary>ColorCode's language for a Sphinx or Markdown language name (<c>python3</c>, <c>pycon</c>, <c>js</c>), or null.</summary>
    private static ILanguage? LanguageOf(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        "python" or "python3" or "py" or "py3" or "pycon" or "pycon3" or "ipython" or "ipython3" or "default" => Languages.Python,
        "javascript" or "js" => Languages.JavaScript,
        "typescript" or "ts" => Languages.Typescript,
        "json" or "json5" => Languages.FindById("json"),
        "html" or "htmldjango" or "html+jinja" or "jinja" => Languages.Html,
        "xml" => Languages.Xml,
        "css" => Languages.Css,
        "sql" => Languages.Sql,
        "c" or "cpp" or "c++" => Languages.Cpp,
        "java" => Languages.Java,
        "powershell" or "ps1" => Languages.PowerShell,
        _ => null,
    };

    private List<CodeRun> Runs(string text, ILanguage language)
    {
        _runs = [];
        var at = 0;
        languageParser.Parse(text, language, (parsed, scopes) =>
        {
            foreach (var scope in scopes.OrderBy(s => s.Index))
            {
                at = Add(parsed, scope, at);
            }
        });
        Plain(text.Length - at);
        var runs = _runs;
        _runs = null;
        return runs.Any(r => r.Token.Length > 0) ? runs : [];
    }

    /// <summary>Adds the plain text before <paramref name="scope"/>, then the scope itself (its innermost scopes win).</summary>
    private int Add(string text, Scope scope, int at)
    {
        if (scope.Index < at)
        {
            return at; // overlapping scopes: the first one kept
        }
        Plain(scope.Index - at);
        at = scope.Index;
        var token = TokenOf(scope.Name);
        foreach (var child in scope.Children.OrderBy(c => c.Index))
        {
            if (child.Index > at)
            {
                Run(token, child.Index - at);
                at = child.Index;
            }
            at = Add(text, child, at);
        }
        Run(token, scope.Index + scope.Length - at);
        return Math.Max(at, scope.Index + scope.Length);
    }

    private void Plain(int length) => Run("", length);

    private void Run(string token, int length)
    {
        if (length <= 0)
        {
            return;
        }
        if (_runs!.Count > 0 && _runs[^1].Token == token)
        {
            _runs[^1] = _runs[^1] with { Length = _runs[^1].Length + length };
        }
        else
        {
            _runs.Add(new CodeRun(token, length));
        }
    }

    /// <summary>ColorCode's scope names as Pygments' short token classes.</summary>
    private static string TokenOf(string scope) => scope switch
    {
        ScopeName.Keyword or ScopeName.ControlKeyword or ScopeName.PseudoKeyword => "k",
        ScopeName.PreprocessorKeyword => "cp",
        ScopeName.Comment or ScopeName.HtmlComment or ScopeName.XmlComment or ScopeName.XmlDocComment => "c",
        ScopeName.String or ScopeName.StringCSharpVerbatim or ScopeName.JsonString or ScopeName.HtmlAttributeValue
            or ScopeName.XmlAttributeValue or ScopeName.CssPropertyValue => "s",
        ScopeName.StringEscape => "se",
        ScopeName.Number or ScopeName.JsonNumber => "m",
        ScopeName.Intrinsic or ScopeName.BuiltinFunction or ScopeName.SqlSystemFunction or ScopeName.PowerShellCommand => "nb",
        ScopeName.BuiltinValue or ScopeName.JsonConst or ScopeName.Predefined => "kc",
        ScopeName.ClassName or ScopeName.Type or ScopeName.PowerShellType or ScopeName.TypeVariable => "nc",
        ScopeName.NameSpace => "nn",
        ScopeName.Operator or ScopeName.PowerShellOperator or ScopeName.HtmlOperator => "o",
        ScopeName.HtmlElementName or ScopeName.XmlName or ScopeName.JsonKey or ScopeName.CssSelector => "nt",
        ScopeName.HtmlAttributeName or ScopeName.XmlAttribute or ScopeName.CssPropertyName or ScopeName.Attribute => "na",
        ScopeName.PowerShellVariable => "nv",
        _ => "",
    };

    protected override void Write(string parsedSourceCode, IList<Scope> scopes)
    {
    }
}
