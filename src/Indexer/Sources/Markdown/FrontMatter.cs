namespace Help.Indexer.Sources.Markdown;

/// <summary>
/// The front matter of a Markdown topic file: a block between two <c>---</c> lines at the very top,
/// in the small subset of YAML that topic files need (YAML 1.2, 2.1 "Collections"): <c>name: value</c>
/// lines, values plain or quoted, lists written <c>[a, b]</c> or as following <c>- a</c> lines, and
/// <c>#</c> comments. Fields: <c>key</c>, <c>aliases</c>, <c>title</c>, <c>kind</c>,
/// <c>related</c>, <c>docset</c>.
/// </summary>
public sealed record FrontMatter
{
    public static readonly IReadOnlySet<string> Fields = new HashSet<string>(StringComparer.Ordinal)
    {
        "key", "aliases", "title", "kind", "related", "docset",
    };

    public string? Key { get; init; }
    public string? Title { get; init; }
    public string? Kind { get; init; }
    public string? DocSet { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public IReadOnlyList<string> Related { get; init; } = [];

    /// <summary>The line of the Markdown body's first line in the file (1-based), so body line numbers can be reported.</summary>
    public int BodyLine { get; init; } = 1;

    /// <summary>
    /// Splits <paramref name="text"/> into front matter and body. Problems (an unknown field, a line
    /// that is not <c>name: value</c>, an unclosed block) come back as (line, message) pairs; the
    /// fields that could be read are kept.
    /// </summary>
    public static (FrontMatter Matter, string Body, IReadOnlyList<(int Line, string Message)> Problems) Parse(string text)
    {
        var problems = new List<(int, string)>();
        var lines = text.Split('\n');
        if (lines.Length == 0 || lines[0].TrimEnd('\r', ' ') != "---")
        {
            return (new FrontMatter(), text, problems);
        }
        var end = Array.FindIndex(lines, 1, l => l.TrimEnd('\r', ' ') is "---" or "...");
        if (end < 0)
        {
            problems.Add((1, "front matter opened with '---' is never closed; the file is read as Markdown"));
            return (new FrontMatter(), text, problems);
        }

        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        string? listField = null;
        for (var i = 1; i < end; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var trimmed = line.Trim();
            if (trimmed.Length == 0 || trimmed.StartsWith('#'))
            {
                continue;
            }
            if (trimmed.StartsWith("- ", StringComparison.Ordinal) || trimmed == "-")
            {
                if (listField is null)
                {
                    problems.Add((i + 1, "a list item outside a list field"));
                }
                else
                {
                    ((List<string>)values[listField]).Add(Unquote(WithoutComment(trimmed[1..].Trim())));
                }
                continue;
            }
            var colon = line.IndexOf(':');
            if (colon <= 0 || char.IsWhiteSpace(line[0]))
            {
                problems.Add((i + 1, $"expected 'name: value', found '{Short(trimmed)}'"));
                listField = null;
                continue;
            }
            var name = line[..colon].Trim();
            var value = WithoutComment(line[(colon + 1)..].Trim());
            listField = null;
            if (!Fields.Contains(name))
            {
                problems.Add((i + 1, $"unknown field '{name}' (known: {string.Join(", ", Fields.Order(StringComparer.Ordinal))})"));
                continue;
            }
            if (name is "aliases" or "related")
            {
                var list = new List<string>();
                if (value.StartsWith('[') && value.EndsWith(']'))
                {
                    list.AddRange(value[1..^1].Split(',').Select(v => Unquote(v.Trim())).Where(v => v.Length > 0));
                }
                else if (value.Length == 0)
                {
                    listField = name;
                }
                else
                {
                    list.Add(Unquote(value));
                }
                values[name] = list;
            }
            else
            {
                values[name] = Unquote(value);
            }
        }

        var matter = new FrontMatter
        {
            Key = Scalar("key"),
            Title = Scalar("title"),
            Kind = Scalar("kind"),
            DocSet = Scalar("docset"),
            Aliases = values.GetValueOrDefault("aliases") as List<string> ?? [],
            Related = values.GetValueOrDefault("related") as List<string> ?? [],
            BodyLine = end + 2,
        };
        return (matter, string.Join('\n', lines[(end + 1)..]), problems);

        string? Scalar(string field) => values.GetValueOrDefault(field) is string { Length: > 0 } s ? s : null;
    }

    /// <summary>A plain value ends where " #" starts a comment (YAML 1.2, 6.6 "Comments"); a quoted one is kept whole.</summary>
    private static string WithoutComment(string value)
    {
        if (value.StartsWith('"') || value.StartsWith('\''))
        {
            return value;
        }
        var hash = value.IndexOf(" #", StringComparison.Ordinal);
        return hash >= 0 ? value[..hash].TrimEnd() : value;
    }

    private static string Unquote(string value) =>
        value.Length >= 2 && (value[0] == '"' && value[^1] == '"' || value[0] == '\'' && value[^1] == '\'')
            ? value[1..^1]
            : value;

    private static string Short(string s) => s.Length <= 40 ? s : s[..40] + "...";
}
