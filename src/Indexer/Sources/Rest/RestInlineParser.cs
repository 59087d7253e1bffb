using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Help.Core.Model;
using Help.Indexer.Sources.Sphinx;

namespace Help.Indexer.Sources.Rest;

/// <summary>
/// Parses reST inline markup (docutils spec, "Inline Markup") into the model's inlines, as Sphinx's
/// HTML for the same text reads once the HTML importer has converted it: xref roles give literals
/// (<c>:func:</c> adds "()"), <c>:ref:</c> and <c>:term:</c> plain text, <c>:pep:</c> a strong
/// "PEP 492", text goes through SmartQuotes. One instance per document: not shared between threads.
/// </summary>
/// <remarks>
/// Recognition follows docutils' "Inline markup recognition rules": a start-string is preceded by
/// white space, the start of the text, or punctuation (rule 1), and followed by non-white space
/// (rule 2); an end-string is preceded by non-white space (rule 3) and followed by white space, the
/// end of the text or punctuation (rule 4); an opening quote or bracket before a start-string must not
/// be closed right after it (rule 5); content is never empty (rule 6); a backslash escapes (rule 7).
/// A start-string without a valid end-string is text. Searches that failed are remembered, so a text
/// full of lone start-strings is read in linear time.
/// </remarks>
internal sealed partial class RestInlineParser(RestReferences references)
{
    private readonly Dictionary<string, int> _noEndFrom = new(StringComparer.Ordinal);

    /// <summary>Parses one text element (a paragraph, a title, a term): lines joined with <c>\n</c>.</summary>
    public IReadOnlyList<Inline> Parse(string text)
    {
        _noEndFrom.Clear();
        // docutils keeps a line's leading white space in argument text; the HTML reads any run of white
        // space holding a line break as one space.
        text = LineBreakRun().Replace(text, " ");
        var raw = new List<Inline>();
        ParseInto(text, raw);
        var educated = Educate(raw);
        return SphinxInlines.Normalize(educated);
    }

    /// <summary>The plain text of parsed inlines, as titles and keys use it.</summary>
    public string PlainText(string text) => SphinxInlines.PlainText(Parse(text));

    private void ParseInto(string text, List<Inline> output)
    {
        var sb = new StringBuilder();
        var i = 0;
        var n = text.Length;
        while (i < n)
        {
            var c = text[i];
            if (c == '\\')
            {
                // Rule 7: an escaped character is text; an escaped white space disappears.
                if (i + 1 < n && !char.IsWhiteSpace(text[i + 1]))
                {
                    sb.Append(text[i + 1]);
                }
                i += 2;
                continue;
            }
            if (c is '`' or '*' or ':' or '|' or '[' or '_' && StartAllowed(text, i) && TryMarkup(text, i, output, sb, out var next))
            {
                i = next;
                continue;
            }
            if (char.IsLetterOrDigit(c) && (i == 0 || !char.IsLetterOrDigit(text[i - 1])))
            {
                if (TryStandaloneUri(text, i, output, sb, out var next2) || TrySimpleReference(text, i, output, sb, out next2))
                {
                    i = next2;
                    continue;
                }
            }
            sb.Append(c == '\n' ? ' ' : c);
            i++;
        }
        FlushText(sb, output);
    }

    private static void FlushText(StringBuilder sb, List<Inline> output)
    {
        if (sb.Length > 0)
        {
            output.Add(new TextRun(sb.ToString()));
            sb.Clear();
        }
    }

    private bool TryMarkup(string text, int i, List<Inline> output, StringBuilder sb, out int next)
    {
        next = i;
        var c = text[i];
        if (c == '`' && At(text, i, "``"))
        {
            var end = FindEnd(text, i + 2, "``", literal: true);
            if (end < 0)
            {
                return false;
            }
            FlushText(sb, output);
            output.Add(new Code(LiteralText(text[(i + 2)..end])));
            next = end + 2;
            return true;
        }
        if (c == '*')
        {
            var marker = At(text, i, "**") ? "**" : "*";
            if (!FollowedByNonSpace(text, i + marker.Length))
            {
                return false;
            }
            var end = FindEnd(text, i + marker.Length, marker, literal: false);
            if (end < 0)
            {
                return false;
            }
            FlushText(sb, output);
            // Inline markup does not nest (docutils spec): the content is text.
            List<Inline> content = [new TextRun(Unescape(text[(i + marker.Length)..end]).Replace('\n', ' '))];
            output.Add(marker == "**" ? new Strong(content) : new Emphasis(content));
            next = end + marker.Length;
            return true;
        }
        if (c == ':' && RolePrefix().Match(text, i) is { Success: true } role && role.Index == i)
        {
            var start = i + role.Length;
            if (!FollowedByNonSpace(text, start))
            {
                return false;
            }
            var end = FindEnd(text, start, "`", literal: false);
            if (end < 0)
            {
                return false;
            }
            FlushText(sb, output);
            output.AddRange(references.Role(role.Groups[1].Value, Unescape(text[start..end])));
            next = end + 1;
            return true;
        }
        if (c == '`')
        {
            return TryInterpreted(text, i, output, sb, out next);
        }
        if (c == '|')
        {
            if (!FollowedByNonSpace(text, i + 1))
            {
                return false;
            }
            var end = FindEnd(text, i + 1, "|", literal: false);
            if (end < 0)
            {
                return false;
            }
            FlushText(sb, output);
            var name = text[(i + 1)..end];
            output.Add(new TextRun(references.Substitution(name)));
            next = end + 1;
            while (next < text.Length && text[next] == '_')
            {
                next++;
            }
            return true;
        }
        if (c == '[' && FootnoteReference().Match(text, i) is { Success: true } fn && fn.Index == i
            && EndAllowed(text, i + fn.Length))
        {
            FlushText(sb, output);
            output.Add(new FootnoteRef(references.FootnoteLabel(fn.Groups[1].Value)));
            next = i + fn.Length;
            return true;
        }
        return false;
    }

    /// <summary>`text`, `text`_, `text &lt;uri&gt;`_, `text`__, `text`:role:.</summary>
    private bool TryInterpreted(string text, int i, List<Inline> output, StringBuilder sb, out int next)
    {
        next = i;
        if (!FollowedByNonSpace(text, i + 1))
        {
            return false;
        }
        var end = FindInterpretedEnd(text, i + 1, out var suffixLength, out var suffix);
        if (end < 0)
        {
            return false;
        }
        FlushText(sb, output);
        var content = Unescape(text[(i + 1)..end]);
        if (suffix.StartsWith('_'))
        {
            var (title, target) = RestReferences.SplitExplicitTitle(content);
            var uri = target ?? references.NamedTarget(title);
            var external = uri is not null && RestReferences.HasScheme(uri);
            output.Add(new Link([new TextRun(title ?? target ?? "")], uri, external));
        }
        else if (suffix.StartsWith(':'))
        {
            output.AddRange(references.Role(suffix.Trim(':'), content));
        }
        else
        {
            // No default role in the Python docs: docutils' title-reference, which Sphinx writes as <cite>.
            output.AddRange(references.Role("title-reference", content));
        }
        next = end + 1 + suffixLength;
        return true;
    }

    private int FindInterpretedEnd(string text, int from, out int suffixLength, out string suffix)
    {
        suffixLength = 0;
        suffix = "";
        for (var k = text.IndexOf('`', from); k >= 0; k = text.IndexOf('`', k + 1))
        {
            if (k == from || char.IsWhiteSpace(text[k - 1]) || IsEscaped(text, k))
            {
                continue;
            }
            var rest = k + 1;
            if (At(text, rest, "__") && EndAllowed(text, rest + 2))
            {
                suffixLength = 2;
                suffix = "__";
                return k;
            }
            if (At(text, rest, "_") && EndAllowed(text, rest + 1))
            {
                suffixLength = 1;
                suffix = "_";
                return k;
            }
            if (rest < text.Length && text[rest] == ':' && RolePrefix().Match(text, rest) is { Success: true } m
                && m.Index == rest && EndAllowed(text, rest + m.Length))
            {
                suffixLength = m.Length;
                suffix = m.Value;
                return k;
            }
            if (EndAllowed(text, rest))
            {
                return k;
            }
        }
        return -1;
    }

    /// <summary>The first valid end-string at or after <paramref name="from"/> (rules 3, 4, 6 and 7), or -1.</summary>
    private int FindEnd(string text, int from, string end, bool literal)
    {
        var key = end + (literal ? "L" : "");
        if (_noEndFrom.TryGetValue(key, out var failedFrom) && from >= failedFrom)
        {
            return -1;
        }
        for (var k = text.IndexOf(end, from, StringComparison.Ordinal); k >= 0; k = text.IndexOf(end, k + 1, StringComparison.Ordinal))
        {
            if (k == from || char.IsWhiteSpace(text[k - 1]) || (!literal && IsEscaped(text, k)))
            {
                continue;
            }
            if (EndAllowed(text, k + end.Length))
            {
                return k;
            }
        }
        // Valid end positions do not depend on where the search starts: none after a later start either.
        _noEndFrom[key] = from;
        return -1;
    }

    private static bool IsEscaped(string text, int k)
    {
        var backslashes = 0;
        for (var j = k - 1; j >= 0 && text[j] == '\\'; j--)
        {
            backslashes++;
        }
        return backslashes % 2 == 1;
    }

    private bool TryStandaloneUri(string text, int i, List<Inline> output, StringBuilder sb, out int next)
    {
        next = i;
        var m = StandaloneUri().Match(text, i);
        if (!m.Success || m.Index != i)
        {
            return false;
        }
        var uri = m.Value.TrimEnd('.', ',', ';', ':', '!', '?', ')', '\'', '"');
        FlushText(sb, output);
        output.Add(new Link([new TextRun(uri)], uri, External: true));
        next = i + uri.Length;
        return true;
    }

    /// <summary>A simple reference name followed by <c>_</c> (<c>Python_</c>): a link whose text is the name.</summary>
    private bool TrySimpleReference(string text, int i, List<Inline> output, StringBuilder sb, out int next)
    {
        next = i;
        var m = SimpleReference().Match(text, i);
        if (!m.Success || m.Index != i || !EndAllowed(text, i + m.Length) || !StartAllowed(text, i))
        {
            return false;
        }
        FlushText(sb, output);
        var name = m.Groups[1].Value;
        output.Add(new Link([new TextRun(name)], references.NamedTarget(name), false));
        next = i + m.Length;
        return true;
    }

    // --- docutils' recognition rules.

    private static bool StartAllowed(string text, int i)
    {
        if (i == 0)
        {
            return true;
        }
        var before = text[i - 1];
        if (char.IsWhiteSpace(before) || "-:/'\"<([{".Contains(before))
        {
            // Rule 5: a quote or bracket right before must not be closed right after.
            var after = i + 1 < text.Length ? text[i + 1] : '\0';
            return !(before == '\'' && after == '\'') && !(before == '"' && after == '"')
                && !(before == '(' && after == ')') && !(before == '[' && after == ']')
                && !(before == '{' && after == '}') && !(before == '<' && after == '>');
        }
        return CharUnicodeInfo.GetUnicodeCategory(before) is UnicodeCategory.OpenPunctuation
            or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
            or UnicodeCategory.DashPunctuation or UnicodeCategory.OtherPunctuation;
    }

    private static bool EndAllowed(string text, int i)
    {
        if (i >= text.Length)
        {
            return true;
        }
        var after = text[i];
        if (char.IsWhiteSpace(after) || "-.,:;!?\\/'\")]}>".Contains(after))
        {
            return true;
        }
        return CharUnicodeInfo.GetUnicodeCategory(after) is UnicodeCategory.ClosePunctuation
            or UnicodeCategory.InitialQuotePunctuation or UnicodeCategory.FinalQuotePunctuation
            or UnicodeCategory.DashPunctuation or UnicodeCategory.OtherPunctuation;
    }

    private static bool FollowedByNonSpace(string text, int i) => i < text.Length && !char.IsWhiteSpace(text[i]);

    private static bool At(string text, int i, string s) => string.CompareOrdinal(text, i, s, 0, s.Length) == 0 && i + s.Length <= text.Length;

    /// <summary>Interpreted text keeps backslash escapes until its role reads it; here they are resolved.</summary>
    private static string Unescape(string text)
    {
        if (!text.Contains('\\'))
        {
            return text;
        }
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
                if (!char.IsWhiteSpace(text[i]))
                {
                    sb.Append(text[i]);
                }
                continue;
            }
            sb.Append(text[i]);
        }
        return sb.ToString();
    }

    /// <summary>A literal's text: the source's line breaks read as spaces.</summary>
    internal static string LiteralText(string text) => text.Replace('\n', ' ');

    // --- SmartQuotes over the element's text, literal text giving context only.

    private static List<Inline> Educate(List<Inline> raw)
    {
        char? previous = null;
        return EducateList(raw, ref previous);
    }

    private static List<Inline> EducateList(IReadOnlyList<Inline> items, ref char? previous)
    {
        var result = new List<Inline>(items.Count);
        foreach (var item in items)
        {
            switch (item)
            {
                case TextRun t:
                    var educated = SmartQuotes.Educate(t.Text, previous);
                    result.Add(new TextRun(educated));
                    previous = t.Text.Length > 0 ? t.Text[^1] : previous;
                    break;
                case Code c:
                    result.Add(c);
                    previous = c.Text.Length > 0 ? c.Text[^1] : previous;
                    break;
                case Emphasis e:
                    result.Add(new Emphasis(EducateList(e.Content, ref previous)));
                    break;
                case Strong s:
                    result.Add(new Strong(EducateList(s.Content, ref previous)));
                    break;
                case Link l:
                    result.Add(new Link(EducateList(l.Content, ref previous), l.Target, l.External));
                    break;
                case Script s:
                    result.Add(new Script(EducateList(s.Content, ref previous), s.Superscript));
                    break;
                default:
                    result.Add(item);
                    break;
            }
        }
        return result;
    }

    [GeneratedRegex(@"[ \t]*\n\s*", RegexOptions.CultureInvariant)]
    private static partial Regex LineBreakRun();

    [GeneratedRegex(@"\G:([A-Za-z0-9](?:[A-Za-z0-9_+.-]|:(?!`))*):`", RegexOptions.CultureInvariant)]
    private static partial Regex RolePrefix();

    [GeneratedRegex(@"\G\[([0-9]+|#[A-Za-z0-9_.-]*|\*|[A-Za-z][A-Za-z0-9_.-]*)\]_", RegexOptions.CultureInvariant)]
    private static partial Regex FootnoteReference();

    // docutils' standalone URIs, for the schemes the Python docs write out.
    [GeneratedRegex(@"\G(?:(?:https?|ftp)://[^\s<>""`]+|mailto:[^\s<>""`]+)", RegexOptions.CultureInvariant)]
    private static partial Regex StandaloneUri();

    [GeneratedRegex(@"\G([A-Za-z0-9]+(?:[-._+:][A-Za-z0-9]+)*)_(?!_)", RegexOptions.CultureInvariant)]
    private static partial Regex SimpleReference();
}
