namespace Help.Indexer.Sources.Sphinx;

/// <summary>
/// Every CSS class and selector the Sphinx importer relies on, in one place. The markup differs
/// across Sphinx (3.x to 8.x) and docutils (0.16 to 0.21) versions; where it does, each form is named.
/// </summary>
public static class SphinxSelectors
{
    // --- Where the document is, across themes (basic/classic/pydoctheme: div.body[role=main]; furo and
    // other themes: article[role=main] or a main element).

    /// <summary>The main content, in the order tried.</summary>
    public static readonly IReadOnlyList<string> BodyCandidates =
    [
        "[role=main]",
        "div.body",
        "article",
        "main",
        "div.document",
    ];

    // --- Chrome: page furniture that is not part of the document (removed before conversion).

    /// <summary>Elements removed with their content.</summary>
    public static readonly IReadOnlyList<string> Chrome =
    [
        "script", "style", "link", "meta", "template", "noscript", "form", "button", "input", "select",
        "iframe", "object", "nav", "footer",
        "div.sphinxsidebar", "div.related", "div.footer", "div.clearer", "div.mobile-nav", "div.menu-wrapper",
        "[role=navigation]", "[role=search]",
        "a.headerlink", "span.section-number", "a.viewcode-link", "span.viewcode-link",
    ];

    /// <summary>The class of link wrappers whose text stays while the link goes (contents back-references in titles).</summary>
    public const string TocBackref = "toc-backref";

    // --- Structure.

    public const string Section = "section";
    /// <summary>docutils' HTML4 writer and Sphinx before 4 (docutils &lt; 0.17): sections are divs.</summary>
    public const string SectionClass = "section";
    /// <summary>The id prefix of a glossary term: <c>term-awaitable</c>.</summary>
    public const string TermIdPrefix = "term-";

    // --- Object descriptions (Sphinx desc nodes).

    /// <summary>Domains whose descriptions carry the domain as the first class (Sphinx 4+): <c>dl.py.method</c>.</summary>
    public static readonly IReadOnlySet<string> DescriptionDomains = new HashSet<string>(StringComparer.Ordinal)
    {
        "py", "c", "cpp", "std", "js", "rst",
    };

    /// <summary>Object types of Sphinx 3 and older, which wrote <c>dl.method</c> without a domain class.</summary>
    public static readonly IReadOnlyDictionary<string, string> DomainlessDescriptions = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["function"] = "py:function",
        ["class"] = "py:class",
        ["exception"] = "py:exception",
        ["method"] = "py:method",
        ["classmethod"] = "py:classmethod",
        ["staticmethod"] = "py:staticmethod",
        ["abstractmethod"] = "py:abstractmethod",
        ["coroutinefunction"] = "py:coroutinefunction",
        ["coroutinemethod"] = "py:coroutinemethod",
        ["attribute"] = "py:attribute",
        ["property"] = "py:property",
        ["data"] = "py:data",
        ["module"] = "py:module",
        ["decorator"] = "py:decorator",
        ["decoratormethod"] = "py:decoratormethod",
        ["cfunction"] = "c:function",
        ["cmember"] = "c:member",
        ["cmacro"] = "c:macro",
        ["ctype"] = "c:type",
        ["cvar"] = "c:var",
        ["cmdoption"] = "std:cmdoption",
        ["envvar"] = "std:envvar",
        ["opcode"] = "std:opcode",
        ["pdbcommand"] = "std:pdbcommand",
        ["2to3fixer"] = "std:2to3fixer",
        ["describe"] = "std:describe",
        ["object"] = "std:object",
    };

    // --- Code.

    /// <summary>The class prefix of a highlighted literal block: <c>div.highlight-python3</c>.</summary>
    public const string HighlightPrefix = "highlight-";
    /// <summary>A docutils literal is split into words, each in a <c>span.pre</c>.</summary>
    public const string Pre = "pre";
    /// <summary>A literal block without highlighting.</summary>
    public const string LiteralBlock = "literal-block";
    /// <summary>The id prefix of a grammar production's name (<c>strong#grammar-token-python-grammar-assert_stmt</c>).</summary>
    public const string GrammarTokenIdPrefix = "grammar-token";
    /// <summary>Productions as a <c>dl</c> or <c>pre</c> with this class (other Sphinx versions).</summary>
    public const string ProductionList = "productionlist";

    // --- Lists and tables.

    public const string Glossary = "glossary";
    public const string FieldList = "field-list";

    /// <summary>The wrapper of a doctest block (<c>div.doctest.highlight-default</c>).</summary>
    public const string Doctest = "doctest";

    /// <summary>The inner span of a <c>:term:</c> reference to the glossary.</summary>
    public const string TermReference = "std-term";

    /// <summary>Sphinx's <c>hlist</c> directive: a list laid out as a table, not a table of the source.</summary>
    public const string HorizontalList = "hlist";
    /// <summary>The colon docutils 0.18+ puts after a field name.</summary>
    public const string Colon = "colon";
    /// <summary>HTML4 field lists: <c>table.field-list</c> with these cells.</summary>
    public const string FieldName = "field-name";
    public const string FieldBody = "field-body";

    // --- Admonitions and version notes.

    public const string Admonition = "admonition";
    public const string AdmonitionTitle = "admonition-title";
    /// <summary><c>div.seealso</c> in old Sphinx; <c>div.admonition.seealso</c> in new.</summary>
    public const string SeeAlso = "seealso";

    /// <summary>The admonition kinds with a fixed title, as the model names them.</summary>
    public static readonly IReadOnlyList<string> AdmonitionKinds =
    [
        "note", "warning", "important", "tip", "caution", "attention", "danger", "error", "hint", "seealso",
    ];

    /// <summary>The span that opens a version note's first paragraph: "Changed in version 3.5: ".</summary>
    public const string VersionModified = "versionmodified";
    public const string VersionAdded = "versionadded";
    public const string VersionChanged = "versionchanged";
    public const string Deprecated = "deprecated";
    public const string DeprecatedRemoved = "deprecated-removed";
    /// <summary>Sphinx 7.3+.</summary>
    public const string VersionRemoved = "versionremoved";

    // --- Other body elements.

    public const string Rubric = "rubric";
    public const string LineBlock = "line-block";
    public const string Line = "line";
    /// <summary>The reST <c>sidebar</c> and <c>topic</c> directives (content, unlike <c>div.sphinxsidebar</c>).</summary>
    public const string Sidebar = "sidebar";
    public const string SidebarTitle = "sidebar-title";
    public const string Topic = "topic";
    public const string TopicTitle = "topic-title";

    /// <summary>docutils' HTML4 writer and docutils &lt; 0.17: a figure is <c>div.figure</c> with <c>p.caption</c> and <c>div.legend</c>.</summary>
    public const string Figure = "figure";
    public const string Caption = "caption";
    public const string Legend = "legend";

    // --- Footnotes and citations: dl.footnote (docutils 0.17), aside.footnote (0.18+),
    // div.citation (0.18+), table.footnote (HTML4 writer).

    public const string Footnote = "footnote";
    public const string Citation = "citation";
    public const string FootnoteReference = "footnote-reference";
    /// <summary>A footnote's label (<c>span.label</c>, <c>dt.label</c>, <c>td.label</c>).</summary>
    public const string Label = "label";
    /// <summary>The brackets around a footnote label (docutils 0.18+).</summary>
    public const string FootnoteBracket = "fn-bracket";
    /// <summary>The back-references after a footnote label: <c>span.backrefs</c> (0.18+), <c>span.fn-backref</c> (0.17).</summary>
    public const string Backrefs = "backrefs";
    public const string FootnoteBackref = "fn-backref";
    /// <summary>docutils 0.17 wraps the label in <c>span.brackets</c>.</summary>
    public const string Brackets = "brackets";

    // --- Inlines.

    public const string External = "external";

    /// <summary>Elements read as inline content; everything else is a block.</summary>
    public static readonly IReadOnlySet<string> InlineTags = new HashSet<string>(StringComparer.Ordinal)
    {
        "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "br", "cite", "code", "data", "del", "dfn", "em",
        "font", "i", "img", "ins", "kbd", "label", "mark", "q", "s", "samp", "small", "span", "strike",
        "strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "math",
    };
}
