namespace Help.Core.Model;

/// <summary>What a topic documents. The numeric values are part of the topics table format: append only.</summary>
public enum TopicKind : byte
{
    /// <summary>A pydoc keyword (<c>assert</c>, <c>match</c>): a section shown with pydoc's related topics.</summary>
    Keyword = 0,
    /// <summary>A pydoc topic in capitals (<c>FORMATTING</c>).</summary>
    Topic = 1,
    /// <summary>A pydoc symbol (<c>%</c>, <c>**</c>).</summary>
    Symbol = 2,
    Module = 3,
    Class = 4,
    Exception = 5,
    Function = 6,
    Method = 7,
    Attribute = 8,
    Data = 9,
    Decorator = 10,
    /// <summary>A Sphinx label (<c>.. _assert:</c>): the section it names.</summary>
    Label = 11,
    /// <summary>A section without a label of its own, keyed <c>page#anchor</c>.</summary>
    Section = 12,
    /// <summary>A glossary term.</summary>
    Term = 13,
    /// <summary>A whole page that documents no module (a tutorial or HOWTO page), keyed by its path.</summary>
    Page = 14,
    /// <summary>Anything else Sphinx describes (C API entries, options, environment variables, opcodes).</summary>
    Other = 15,
    /// <summary>
    /// A page of the tool's own manual (<c>help</c>, <c>pyhelp-search</c>), from <c>content/manual/</c>.
    /// Ranked with pydoc's keywords, so <c>help</c> shows the manual and Python's <c>help()</c> needs <c>--kind function</c>.
    /// </summary>
    Manual = 16,
}

/// <summary>Names and ordering of <see cref="TopicKind"/> shared by the CLI, the server and the table.</summary>
public static class TopicKinds
{
    /// <summary>The lower-case name used on the command line, in JSON and in the search index.</summary>
    public static string Name(TopicKind kind) => kind switch
    {
        TopicKind.Keyword => "keyword",
        TopicKind.Topic => "topic",
        TopicKind.Symbol => "symbol",
        TopicKind.Module => "module",
        TopicKind.Class => "class",
        TopicKind.Exception => "exception",
        TopicKind.Function => "function",
        TopicKind.Method => "method",
        TopicKind.Attribute => "attribute",
        TopicKind.Data => "data",
        TopicKind.Decorator => "decorator",
        TopicKind.Label => "label",
        TopicKind.Section => "section",
        TopicKind.Term => "term",
        TopicKind.Page => "page",
        TopicKind.Manual => "manual",
        _ => "other",
    };

    public static bool TryParse(string name, out TopicKind kind)
    {
        foreach (var k in Enum.GetValues<TopicKind>())
        {
            if (string.Equals(Name(k), name, StringComparison.OrdinalIgnoreCase))
            {
                kind = k;
                return true;
            }
        }
        kind = default;
        return false;
    }

    /// <summary>
    /// When one key names several topics (<c>type</c> is a class, a label and a glossary term), the
    /// lookup shows the one a reader most likely meant first: pydoc's own keys, then modules and
    /// objects, then prose.
    /// </summary>
    public static int Priority(TopicKind kind) => kind switch
    {
        TopicKind.Symbol => 0,
        TopicKind.Keyword or TopicKind.Manual => 1,
        TopicKind.Topic => 2,
        TopicKind.Module => 3,
        TopicKind.Class or TopicKind.Exception or TopicKind.Function => 4,
        TopicKind.Method or TopicKind.Attribute or TopicKind.Data or TopicKind.Decorator => 5,
        TopicKind.Page => 6,
        TopicKind.Term => 7,
        TopicKind.Label => 8,
        TopicKind.Section => 9,
        _ => 10,
    };

    /// <summary>Maps a Sphinx inventory role (<c>py:coroutinefunction</c>, <c>std:term</c>) to a kind.</summary>
    public static TopicKind FromSphinxRole(string role) => role switch
    {
        "py:module" => TopicKind.Module,
        "py:class" => TopicKind.Class,
        "py:exception" => TopicKind.Exception,
        "py:function" or "py:coroutinefunction" => TopicKind.Function,
        "py:method" or "py:classmethod" or "py:staticmethod" or "py:coroutinemethod"
            or "py:abstractmethod" => TopicKind.Method,
        "py:attribute" or "py:property" => TopicKind.Attribute,
        "py:data" => TopicKind.Data,
        "py:decorator" or "py:decoratormethod" => TopicKind.Decorator,
        "std:label" => TopicKind.Label,
        "std:term" => TopicKind.Term,
        "std:doc" => TopicKind.Page,
        _ => TopicKind.Other,
    };
}
