using System.Text;
using Help.Core.Model;

namespace Help.Tests.Shared;

/// <summary>
/// A plain-text dump of topics and blocks, one node a line, for comparing whole models (records
/// holding lists compare lists by reference, so structural equality needs this) and for messages.
/// </summary>
public static class ModelDump
{
    public static string Topics(IEnumerable<Topic> topics)
    {
        var sb = new StringBuilder();
        foreach (var t in topics)
        {
            sb.Append($"topic {TopicKinds.Name(t.Kind)} '{t.Key}' docset={t.DocSet} title='{t.Title}' role={t.Role} sig={t.Signature} parent={t.Parent} ")
                .Append($"source={t.Source} origin={t.Origin} aliases=[{string.Join(", ", t.Aliases)}] related=[{string.Join(", ", t.Related)}] ")
                .Append($"anchors=[{string.Join(", ", t.Anchors)}]\n");
            foreach (var (href, to) in t.Links.OrderBy(l => l.Key, StringComparer.Ordinal))
            {
                sb.Append($"  link {href} -> {TopicKinds.Name(to.Kind)} '{to.Key}' #{to.Anchor}\n");
            }
            foreach (var b in t.Body)
            {
                Block(b, 1, sb);
            }
        }
        return sb.ToString();
    }

    public static string Blocks(IEnumerable<Block> blocks)
    {
        var sb = new StringBuilder();
        foreach (var b in blocks)
        {
            Block(b, 0, sb);
        }
        return sb.ToString();
    }

    public static string Inlines(IEnumerable<Inline> inlines)
    {
        var sb = new StringBuilder();
        foreach (var i in inlines)
        {
            Inline(i, sb);
        }
        return sb.ToString();
    }

    private static void Block(Block block, int depth, StringBuilder sb)
    {
        var pad = new string(' ', depth * 2);
        switch (block)
        {
            case Section s:
                sb.Append($"{pad}section #{s.Anchor} {Inlines(s.Title)}\n");
                Children(s.Body, depth, sb);
                break;
            case Paragraph p:
                sb.Append($"{pad}p {Inlines(p.Content)}\n");
                break;
            case LiteralBlock l:
                sb.Append($"{pad}literal[{l.Language}] doctest={l.IsDoctest} {l.Text.Replace("\n", "\\n")}\n");
                if (l.Highlight.Count > 0)
                {
                    sb.Append($"{pad}  tokens {string.Join(' ', l.Highlight.Select(r => $"{r.Token}:{r.Length}"))}\n");
                }
                break;
            case Grammar g:
                sb.Append($"{pad}grammar\n");
                foreach (var p in g.Productions)
                {
                    sb.Append($"{pad}  production {p.Name ?? "(cont)"} ::= {p.Definition}\n");
                }
                break;
            case BulletList b:
                sb.Append($"{pad}bullets\n");
                Items(b.Items, depth, sb);
                break;
            case EnumeratedList e:
                sb.Append($"{pad}enumerated start={e.Start}\n");
                Items(e.Items, depth, sb);
                break;
            case DefinitionList d:
                sb.Append($"{pad}definitions glossary={d.IsGlossary}\n");
                foreach (var item in d.Items)
                {
                    sb.Append($"{pad}  term #{item.Anchor} {Inlines(item.Term)}\n");
                    Children(item.Definition, depth + 1, sb);
                }
                break;
            case FieldList f:
                sb.Append($"{pad}fields\n");
                foreach (var field in f.Fields)
                {
                    sb.Append($"{pad}  field {Inlines(field.Name)}\n");
                    Children(field.Body, depth + 1, sb);
                }
                break;
            case Table t:
                sb.Append($"{pad}table widths={string.Join(",", t.ColumnWidths ?? [])}\n");
                Rows("head", t.HeaderRows, depth, sb);
                Rows("row", t.BodyRows, depth, sb);
                break;
            case Admonition a:
                sb.Append($"{pad}admonition {a.Kind} title={(a.Title is null ? "-" : Inlines(a.Title))}\n");
                Children(a.Body, depth, sb);
                break;
            case VersionNote v:
                sb.Append($"{pad}version {v.Change} {v.Version} removed={v.RemovedIn}\n");
                Children(v.Body, depth, sb);
                break;
            case BlockQuote q:
                sb.Append($"{pad}quote\n");
                Children(q.Content, depth, sb);
                break;
            case LineBlock l:
                sb.Append($"{pad}lines\n");
                foreach (var line in l.Lines)
                {
                    sb.Append($"{pad}  line {Inlines(line)}".TrimEnd()).Append('\n');
                }
                break;
            case Rubric r:
                sb.Append($"{pad}rubric {Inlines(r.Content)}\n");
                break;
            case Transition:
                sb.Append($"{pad}transition\n");
                break;
            case Footnote f:
                sb.Append($"{pad}footnote {f.Label}\n");
                Children(f.Content, depth, sb);
                break;
            case Image i:
                sb.Append($"{pad}image {i.Source} alt={i.Alt}\n");
                Children(i.Caption, depth, sb);
                break;
            case Description d:
                sb.Append($"{pad}description {d.Role}\n");
                foreach (var s in d.Signatures)
                {
                    sb.Append($"{pad}  signature #{s.Anchor} {s.Text}\n");
                }
                Children(d.Body, depth, sb);
                break;
            case TopicInclude i:
                sb.Append($"{pad}include {TopicKinds.Name(i.Kind)} {i.Key}\n");
                break;
            case Anchor a:
                sb.Append($"{pad}anchor #{a.Id}\n");
                break;
            case Preformatted p:
                sb.Append($"{pad}preformatted {p.Text.Replace("\n", "\\n")}\n");
                break;
            default:
                throw new NotSupportedException($"ModelDump has no line for {block.GetType().Name}: add one");
        }
    }

    private static void Children(IEnumerable<Block> blocks, int depth, StringBuilder sb)
    {
        foreach (var b in blocks)
        {
            Block(b, depth + 1, sb);
        }
    }

    private static void Items(IEnumerable<ListItem> items, int depth, StringBuilder sb)
    {
        foreach (var item in items)
        {
            sb.Append(new string(' ', depth * 2 + 2)).Append("item\n");
            Children(item.Content, depth + 1, sb);
        }
    }

    private static void Rows(string name, IEnumerable<TableRow> rows, int depth, StringBuilder sb)
    {
        foreach (var row in rows)
        {
            sb.Append(new string(' ', depth * 2 + 2)).Append(name).Append('\n');
            foreach (var cell in row.Cells)
            {
                sb.Append(new string(' ', depth * 2 + 4)).Append($"cell {cell.ColumnSpan}x{cell.RowSpan}\n");
                Children(cell.Content, depth + 2, sb);
            }
        }
    }

    private static void Inline(Inline inline, StringBuilder sb)
    {
        switch (inline)
        {
            case TextRun t: sb.Append(t.Text); break;
            case Emphasis e: sb.Append("*").Append(Inlines(e.Content)).Append('*'); break;
            case Strong s: sb.Append("**").Append(Inlines(s.Content)).Append("**"); break;
            case Code c: sb.Append('`').Append(c.Text).Append('`'); break;
            case Link l: sb.Append('[').Append(Inlines(l.Content)).Append("](").Append(l.Target).Append(l.External ? " ext" : "").Append(')'); break;
            case FootnoteRef f: sb.Append("[^").Append(f.Label).Append(']'); break;
            case Script s: sb.Append(s.Superscript ? "^(" : "_(").Append(Inlines(s.Content)).Append(')'); break;
            case LineBreak: sb.Append("<br>"); break;
            default: throw new NotSupportedException($"ModelDump has no form for {inline.GetType().Name}: add one");
        }
    }
}
