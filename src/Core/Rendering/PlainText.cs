using System.Text;
using Help.Core.Model;

namespace Help.Core.Rendering;

/// <summary>
/// Model content as plain one-line text, without markup: for search results, <c>key - summary</c>
/// listings, titles in JSON.
/// </summary>
public static class PlainText
{
    // Abbreviations whose period ends no sentence (lower case, without the final period).
    private static readonly string[] Abbreviations = ["e.g", "i.e", "etc", "vs", "cf", "approx"];

    /// <summary>
    /// The first sentence of the first paragraph, one line: section titles, signatures, code, tables,
    /// notes, version notes and CPython's <c>Source code:</c> line are passed over, and sections, descriptions, quotes and lists searched
    /// in order. For a pydoc topic kept as <see cref="Preformatted"/> text, the first paragraph after
    /// its title. Empty when there is no paragraph.
    /// </summary>
    public static string Summary(IReadOnlyList<Block> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var paragraph = FirstParagraph(blocks) ?? OnlyVersionNote(blocks);
        return paragraph is null ? "" : FirstSentence(paragraph);
    }

    /// <summary>
    /// For an object whose only text is a version note (<c>Deprecated since version 1.4: use scalar_subquery()</c>), that
    /// note with its words, as the text writer shows it; null when there is none with a paragraph.
    /// </summary>
    private static string? OnlyVersionNote(IReadOnlyList<Block> blocks)
    {
        var own = blocks is [Description d] ? d.Body : blocks is [Section s] ? s.Body : blocks;
        return own.OfType<VersionNote>().Select(v => (Note: v, Body: Text.Blocks.VersionNoteRenderer.ShownBody(v))).Where(v => v.Body is [Paragraph, ..])
            .Select(v => $"{Text.Blocks.VersionNoteRenderer.Label(v.Note)}: {Inline(((Paragraph)v.Body[0]).Content)}")
            .FirstOrDefault();
    }

    /// <summary>
    /// Inline content as plain text: code, emphasis, strong and links give their text, footnote
    /// references are left out, white space runs become one space; trimmed.
    /// </summary>
    public static string Inline(IReadOnlyList<Inline> content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var builder = new StringBuilder();
        Append(builder, content);
        return Collapse(builder.ToString());
    }

    /// <summary>
    /// Blocks as plain text, one line per paragraph, title, list item, table row or line of code, with no markup
    /// of any writer: no heading underlines, no quotes around code, no bullets. Nested topics
    /// (<see cref="TopicInclude"/>) are left out. What search indexes and cuts its snippets from.
    /// </summary>
    public static string Blocks(IReadOnlyList<Block> blocks)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        var builder = new StringBuilder();
        AppendBlocks(builder, blocks);
        return builder.ToString().TrimEnd();
    }

    private static void AppendBlocks(StringBuilder builder, IReadOnlyList<Block> blocks)
    {
        foreach (var block in blocks)
        {
            AppendBlock(builder, block);
        }
    }

    private static void Line(StringBuilder builder, IReadOnlyList<Inline> content)
    {
        var text = Inline(content);
        if (text.Length > 0)
        {
            builder.Append(text).Append('\n');
        }
    }

    private static void Line(StringBuilder builder, string? text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            builder.Append(text.TrimEnd()).Append('\n');
        }
    }

    private static void AppendBlock(StringBuilder builder, Block block)
    {
        switch (block)
        {
            case Section section:
                Line(builder, section.Title);
                AppendBlocks(builder, section.Body);
                break;
            case Paragraph paragraph:
                Line(builder, paragraph.Content);
                break;
            case LiteralBlock literal:
                Line(builder, literal.Text);
                break;
            case Grammar grammar:
                foreach (var production in grammar.Productions)
                {
                    Line(builder, production.Name is null ? production.Definition : $"{production.Name} ::= {production.Definition}");
                }
                break;
            case BulletList list:
                list.Items.ToList().ForEach(item => AppendBlocks(builder, item.Content));
                break;
            case EnumeratedList list:
                list.Items.ToList().ForEach(item => AppendBlocks(builder, item.Content));
                break;
            case DefinitionList list:
                foreach (var item in list.Items)
                {
                    Line(builder, item.Term);
                    AppendBlocks(builder, item.Definition);
                }
                break;
            case FieldList list:
                foreach (var field in list.Fields)
                {
                    Line(builder, field.Name);
                    AppendBlocks(builder, field.Body);
                }
                break;
            case Table table:
                foreach (var row in table.HeaderRows.Concat(table.BodyRows))
                {
                    Line(builder, string.Join(" ", row.Cells.Select(c => Blocks(c.Content).ReplaceLineEndings(" "))));
                }
                break;
            case Admonition admonition:
                if (admonition.Title is { } title)
                {
                    Line(builder, title);
                }
                AppendBlocks(builder, admonition.Body);
                break;
            case VersionNote note:
                AppendBlocks(builder, note.Body);
                break;
            case BlockQuote quote:
                AppendBlocks(builder, quote.Content);
                break;
            case LineBlock lines:
                lines.Lines.ToList().ForEach(line => Line(builder, line));
                break;
            case Rubric rubric:
                Line(builder, rubric.Content);
                break;
            case Footnote footnote:
                AppendBlocks(builder, footnote.Content);
                break;
            case Image image:
                Line(builder, image.Alt);
                AppendBlocks(builder, image.Caption);
                break;
            case Description description:
                description.Signatures.ToList().ForEach(signature => Line(builder, signature.Text));
                AppendBlocks(builder, description.Body);
                break;
            case Preformatted preformatted:
                // Text laid out by Sphinx's text writer (pydoc's topics): its heading underlines are layout, not words.
                foreach (var line in preformatted.Text.ReplaceLineEndings("\n").Split('\n').Where(l => !IsUnderline(l)))
                {
                    Line(builder, line);
                }
                break;
        }
    }

    private static void Append(StringBuilder builder, IReadOnlyList<Inline> content)
    {
        foreach (var inline in content)
        {
            switch (inline)
            {
                case TextRun run:
                    builder.Append(run.Text);
                    break;
                case Code code:
                    builder.Append(code.Text);
                    break;
                case Emphasis emphasis:
                    Append(builder, emphasis.Content);
                    break;
                case Strong strong:
                    Append(builder, strong.Content);
                    break;
                case Link link:
                    Append(builder, link.Content);
                    break;
                case Script script:
                    Append(builder, script.Content);
                    break;
                case LineBreak:
                    builder.Append(' ');
                    break;
            }
        }
    }

    private static string? FirstParagraph(IReadOnlyList<Block> blocks)
    {
        foreach (var block in blocks)
        {
            var found = block switch
            {
                Paragraph paragraph => Inline(paragraph.Content) is { Length: > 0 } text && !IsSourceLink(text) ? text : null,
                Section section => FirstParagraph(section.Body),
                Description description => FirstParagraph(description.Body),
                BlockQuote quote => FirstParagraph(quote.Content),
                BulletList list => FirstInItems(list.Items),
                EnumeratedList list => FirstInItems(list.Items),
                DefinitionList list => list.Items.Select(item => FirstParagraph(item.Definition)).FirstOrDefault(p => p is not null),
                FieldList list => list.Fields.Select(field => FirstParagraph(field.Body)).FirstOrDefault(p => p is not null),
                Preformatted preformatted => FirstPreformattedParagraph(preformatted.Text),
                _ => null,
            };
            if (found is not null)
            {
                return found;
            }
        }
        return null;
    }

    /// <summary>The <c>Source code: Lib/x.py</c> line that opens CPython's module pages: a link, not a summary.</summary>
    private static bool IsSourceLink(string text) => text.StartsWith("Source code:", StringComparison.Ordinal);

    private static string? FirstInItems(IReadOnlyList<ListItem> items) =>
        items.Select(item => FirstParagraph(item.Content)).FirstOrDefault(p => p is not null);

    /// <summary>
    /// The first run of unindented lines in text laid out like pydoc's topics, skipping titles (a line
    /// followed by its underline) and anything indented (code, grammar, quoted text).
    /// </summary>
    private static string? FirstPreformattedParagraph(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var paragraph = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            if (paragraph.Count == 0 && i + 1 < lines.Length && IsUnderline(lines[i + 1]) && line.Trim().Length > 0)
            {
                i++;
                continue;
            }
            if (line.Trim().Length == 0 || char.IsWhiteSpace(line[0]))
            {
                if (paragraph.Count > 0)
                {
                    break;
                }
                continue;
            }
            paragraph.Add(line.Trim());
        }
        return paragraph.Count == 0 ? null : Collapse(string.Join(" ", paragraph));
    }

    private static bool IsUnderline(string line)
    {
        var trimmed = line.TrimEnd();
        return trimmed.Length > 0 && trimmed.All(c => c == trimmed[0]) && "*=-~\"+`^#".Contains(trimmed[0], StringComparison.Ordinal);
    }

    /// <summary>
    /// Up to the first <c>.</c>, <c>!</c> or <c>?</c> followed by a space that does not end a common
    /// abbreviation or an ellipsis; the whole text when there is none. A lower-case word after it
    /// still starts a sentence: in these docs it is usually a parameter or code (<c>prefix can ...</c>).
    /// </summary>
    private static string FirstSentence(string text)
    {
        for (var i = 0; i + 1 < text.Length; i++)
        {
            if (text[i] is not ('.' or '!' or '?') || text[i + 1] != ' ')
            {
                continue;
            }
            if (text[i] == '.' && ((i > 0 && text[i - 1] == '.') || EndsWithAbbreviation(text, i)))
            {
                continue;
            }
            return text[..(i + 1)];
        }
        return text;
    }

    private static bool EndsWithAbbreviation(string text, int period)
    {
        var start = period;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]) && text[start - 1] != '(')
        {
            start--;
        }
        var word = text[start..period];
        return Abbreviations.Any(a => string.Equals(word, a, StringComparison.OrdinalIgnoreCase));
    }

    private static string Collapse(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = builder.Length > 0;
                continue;
            }
            if (space)
            {
                builder.Append(' ');
                space = false;
            }
            builder.Append(c);
        }
        return builder.ToString();
    }
}
