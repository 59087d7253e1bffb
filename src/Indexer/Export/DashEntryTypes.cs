using Help.Core.Model;

namespace Help.Indexer.Export;

/// <summary>
/// Dash's entry types (https://kapeli.com/docsets#supportedentrytypes) for our kinds and Sphinx roles.
/// </summary>
public static class DashEntryTypes
{
    /// <summary>The entry type, or null for what gets no entry (unnamed sections: their keys are <c>page#anchor</c>).</summary>
    public static string? Of(Topic topic) => topic.Kind switch
    {
        TopicKind.Keyword => "Keyword",
        TopicKind.Topic => "Guide",
        TopicKind.Symbol => "Operator",
        TopicKind.Module => "Module",
        TopicKind.Class => "Class",
        TopicKind.Exception => "Exception",
        TopicKind.Function or TopicKind.Decorator => "Function",
        TopicKind.Method => "Method",
        TopicKind.Attribute => topic.Role == "py:property" ? "Property" : "Attribute",
        TopicKind.Data => IsConstantName(topic.Key) ? "Constant" : "Variable",
        TopicKind.Label => "Section",
        TopicKind.Term => "Word",
        TopicKind.Page => "Guide",
        TopicKind.Section => null,
        _ => OfRole(topic.Role),
    };

    /// <summary>Sphinx's other roles: C API, command-line options, environment variables, opcodes.</summary>
    private static string OfRole(string? role) => role switch
    {
        "c:function" => "Function",
        "c:macro" => "Macro",
        "c:type" or "c:struct" or "c:union" or "c:enum" => "Type",
        "c:member" => "Field",
        "c:var" or "c:data" => "Variable",
        "c:enumerator" => "Constant",
        "std:envvar" => "Environment",
        "std:option" or "std:cmdoption" => "Option",
        "std:opcode" => "Instruction",
        "std:pdbcommand" => "Command",
        "std:token" => "Notation",
        "std:2to3fixer" => "Filter",
        "std:monitoring-event" => "Event",
        _ => "Entry",
    };

    /// <summary><c>os.SEEK_SET</c>, <c>sys.maxsize</c>: a data name all in capitals is a constant by Python's convention (PEP 8).</summary>
    private static bool IsConstantName(string key)
    {
        var last = key[(key.LastIndexOf('.') + 1)..];
        return last.Any(char.IsAsciiLetterUpper) && !last.Any(char.IsAsciiLetterLower);
    }
}
