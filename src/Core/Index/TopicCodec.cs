using System.Text;
using Help.Core.Model;

namespace Help.Core.Index;

/// <summary>
/// Encodes one <see cref="Topic"/> as the bytes of a topics table record (before compression).
/// </summary>
/// <remarks>
/// Layout: strings are UTF-8 with a 7-bit encoded length (<see cref="BinaryWriter.Write(string)"/>);
/// optional strings are a presence byte then the string; lists are a 7-bit count then the items.
/// Every block and inline starts with a one-byte tag (<see cref="BlockTag"/>, <see cref="InlineTag"/>).
/// Tags and field order are part of the table format: a change here needs a new
/// <see cref="TopicsTableFormat.Version"/>.
/// </remarks>
public static class TopicCodec
{
    // The values are bytes of the stored format: append only, never renumber.
    private enum BlockTag : byte
    {
        Section = 1,
        Paragraph = 2,
        LiteralBlock = 3,
        Grammar = 4,
        BulletList = 5,
        EnumeratedList = 6,
        DefinitionList = 7,
        FieldList = 8,
        Table = 9,
        Admonition = 10,
        VersionNote = 11,
        BlockQuote = 12,
        LineBlock = 13,
        Rubric = 14,
        Transition = 15,
        Footnote = 16,
        Image = 17,
        Description = 18,
        TopicInclude = 19,
        Preformatted = 20,
        Anchor = 21,
    }

    private enum InlineTag : byte
    {
        Text = 1,
        Emphasis = 2,
        Strong = 3,
        Code = 4,
        Link = 5,
        FootnoteRef = 6,
        Script = 7,
        LineBreak = 8,
    }

    /// <param name="body">The body to store, which may differ from <c>topic.Body</c> (nested topics replaced by includes).</param>
    public static byte[] Encode(Topic topic, IReadOnlyList<Block> body)
    {
        using var stream = new MemoryStream();
        using (var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(topic.Key);
            w.Write((byte)topic.Kind);
            w.Write(topic.DocSet);
            w.Write(topic.Title);
            WriteOptional(w, topic.Role);
            WriteOptional(w, topic.Signature);
            WriteOptional(w, topic.Parent);
            WriteOptional(w, topic.SourcePage);
            WriteOptional(w, topic.Anchor);
            WriteOptional(w, topic.Origin);
            WriteStrings(w, topic.Aliases);
            WriteStrings(w, topic.Related);
            WriteStrings(w, topic.Anchors);
            WriteLinks(w, topic.Links);
            WriteBlocks(w, body);
        }
        return stream.ToArray();
    }

    public static Topic Decode(ReadOnlySpan<byte> bytes)
    {
        using var stream = new MemoryStream(bytes.ToArray(), writable: false);
        using var r = new BinaryReader(stream, Encoding.UTF8);
        return new Topic
        {
            Key = r.ReadString(),
            Kind = (TopicKind)r.ReadByte(),
            DocSet = r.ReadString(),
            Title = r.ReadString(),
            Role = ReadOptional(r),
            Signature = ReadOptional(r),
            Parent = ReadOptional(r),
            SourcePage = ReadOptional(r),
            Anchor = ReadOptional(r),
            Origin = ReadOptional(r),
            Aliases = ReadStrings(r),
            Related = ReadStrings(r),
            Anchors = ReadStrings(r),
            Links = ReadLinks(r),
            Body = ReadBlocks(r),
        };
    }

    private static void WriteLinks(BinaryWriter w, IReadOnlyDictionary<string, LinkTo> links)
    {
        w.Write7BitEncodedInt(links.Count);
        foreach (var (href, to) in links.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            w.Write(href);
            w.Write(to.Key);
            w.Write((byte)to.Kind);
            WriteOptional(w, to.Anchor);
        }
    }

    private static IReadOnlyDictionary<string, LinkTo> ReadLinks(BinaryReader r)
    {
        var count = r.Read7BitEncodedInt();
        var links = new Dictionary<string, LinkTo>(count, StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            links[r.ReadString()] = new LinkTo(r.ReadString(), (TopicKind)r.ReadByte(), ReadOptional(r));
        }
        return links;
    }

    private static void WriteOptional(BinaryWriter w, string? s)
    {
        w.Write(s is not null);
        if (s is not null)
        {
            w.Write(s);
        }
    }

    private static string? ReadOptional(BinaryReader r) => r.ReadBoolean() ? r.ReadString() : null;

    private static void WriteStrings(BinaryWriter w, IReadOnlyList<string> items)
    {
        w.Write7BitEncodedInt(items.Count);
        foreach (var s in items)
        {
            w.Write(s);
        }
    }

    private static string[] ReadStrings(BinaryReader r)
    {
        var items = new string[r.Read7BitEncodedInt()];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = r.ReadString();
        }
        return items;
    }

    private static void WriteList<T>(BinaryWriter w, IReadOnlyList<T> items, Action<BinaryWriter, T> write)
    {
        w.Write7BitEncodedInt(items.Count);
        foreach (var item in items)
        {
            write(w, item);
        }
    }

    private static T[]? NullIfEmpty<T>(T[] items) => items.Length == 0 ? null : items;

    private static T[] ReadList<T>(BinaryReader r, Func<BinaryReader, T> read)
    {
        var items = new T[r.Read7BitEncodedInt()];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = read(r);
        }
        return items;
    }

    private static void WriteBlocks(BinaryWriter w, IReadOnlyList<Block> blocks) => WriteList(w, blocks, WriteBlock);

    private static Block[] ReadBlocks(BinaryReader r) => ReadList(r, ReadBlock);

    private static void WriteInlines(BinaryWriter w, IReadOnlyList<Inline> inlines) => WriteList(w, inlines, WriteInline);

    private static Inline[] ReadInlines(BinaryReader r) => ReadList(r, ReadInline);

    private static void WriteItems(BinaryWriter w, IReadOnlyList<ListItem> items) =>
        WriteList(w, items, (w2, i) => WriteBlocks(w2, i.Content));

    private static ListItem[] ReadItems(BinaryReader r) => ReadList(r, r2 => new ListItem(ReadBlocks(r2)));

    private static void WriteRows(BinaryWriter w, IReadOnlyList<TableRow> rows) =>
        WriteList(w, rows, (w2, row) => WriteList(w2, row.Cells, (w3, cell) =>
        {
            WriteBlocks(w3, cell.Content);
            w3.Write7BitEncodedInt(cell.ColumnSpan);
            w3.Write7BitEncodedInt(cell.RowSpan);
        }));

    private static TableRow[] ReadRows(BinaryReader r) =>
        ReadList(r, r2 => new TableRow(ReadList(r2, r3 =>
            new TableCell(ReadBlocks(r3), r3.Read7BitEncodedInt(), r3.Read7BitEncodedInt()))));

    private static void WriteBlock(BinaryWriter w, Block block)
    {
        switch (block)
        {
            case Section s:
                w.Write((byte)BlockTag.Section);
                WriteInlines(w, s.Title);
                WriteBlocks(w, s.Body);
                WriteOptional(w, s.Anchor);
                break;
            case Paragraph p:
                w.Write((byte)BlockTag.Paragraph);
                WriteInlines(w, p.Content);
                break;
            case LiteralBlock l:
                w.Write((byte)BlockTag.LiteralBlock);
                w.Write(l.Text);
                WriteOptional(w, l.Language);
                w.Write(l.IsDoctest);
                WriteList(w, l.Highlight, (w2, run) =>
                {
                    w2.Write(run.Token);
                    w2.Write7BitEncodedInt(run.Length);
                });
                break;
            case Grammar g:
                w.Write((byte)BlockTag.Grammar);
                WriteList(w, g.Productions, (w2, p) =>
                {
                    WriteOptional(w2, p.Name);
                    w2.Write(p.Definition);
                });
                break;
            case BulletList b:
                w.Write((byte)BlockTag.BulletList);
                WriteItems(w, b.Items);
                break;
            case EnumeratedList e:
                w.Write((byte)BlockTag.EnumeratedList);
                WriteItems(w, e.Items);
                w.Write7BitEncodedInt(e.Start);
                break;
            case DefinitionList d:
                w.Write((byte)BlockTag.DefinitionList);
                WriteList(w, d.Items, (w2, item) =>
                {
                    WriteInlines(w2, item.Term);
                    WriteBlocks(w2, item.Definition);
                    WriteOptional(w2, item.Anchor);
                });
                w.Write(d.IsGlossary);
                break;
            case FieldList f:
                w.Write((byte)BlockTag.FieldList);
                WriteList(w, f.Fields, (w2, field) =>
                {
                    WriteInlines(w2, field.Name);
                    WriteBlocks(w2, field.Body);
                });
                break;
            case Table t:
                w.Write((byte)BlockTag.Table);
                WriteRows(w, t.HeaderRows);
                WriteRows(w, t.BodyRows);
                WriteList(w, t.ColumnWidths ?? [], (w2, width) => w2.Write7BitEncodedInt(width));
                break;
            case Admonition a:
                w.Write((byte)BlockTag.Admonition);
                w.Write(a.Kind);
                w.Write(a.Title is not null);
                if (a.Title is not null)
                {
                    WriteInlines(w, a.Title);
                }
                WriteBlocks(w, a.Body);
                break;
            case VersionNote v:
                w.Write((byte)BlockTag.VersionNote);
                w.Write((byte)v.Change);
                w.Write(v.Version);
                WriteBlocks(w, v.Body);
                WriteOptional(w, v.RemovedIn);
                break;
            case BlockQuote q:
                w.Write((byte)BlockTag.BlockQuote);
                WriteBlocks(w, q.Content);
                break;
            case LineBlock lb:
                w.Write((byte)BlockTag.LineBlock);
                WriteList(w, lb.Lines, WriteInlines);
                break;
            case Rubric ru:
                w.Write((byte)BlockTag.Rubric);
                WriteInlines(w, ru.Content);
                break;
            case Transition:
                w.Write((byte)BlockTag.Transition);
                break;
            case Footnote fn:
                w.Write((byte)BlockTag.Footnote);
                w.Write(fn.Label);
                WriteBlocks(w, fn.Content);
                break;
            case Image im:
                w.Write((byte)BlockTag.Image);
                WriteOptional(w, im.Source);
                WriteOptional(w, im.Alt);
                WriteBlocks(w, im.Caption);
                break;
            case Description de:
                w.Write((byte)BlockTag.Description);
                w.Write(de.Role);
                WriteList(w, de.Signatures, (w2, s) =>
                {
                    w2.Write(s.Text);
                    WriteOptional(w2, s.Anchor);
                });
                WriteBlocks(w, de.Body);
                break;
            case TopicInclude ti:
                w.Write((byte)BlockTag.TopicInclude);
                w.Write(ti.Key);
                w.Write((byte)ti.Kind);
                break;
            case Anchor a:
                w.Write((byte)BlockTag.Anchor);
                w.Write(a.Id);
                break;
            case Preformatted pf:
                w.Write((byte)BlockTag.Preformatted);
                w.Write(pf.Text);
                break;
            default:
                throw new NotSupportedException($"no table encoding for block {block.GetType().Name}");
        }
    }

    private static Block ReadBlock(BinaryReader r)
    {
        var tag = (BlockTag)r.ReadByte();
        return tag switch
        {
            BlockTag.Section => new Section(ReadInlines(r), ReadBlocks(r), ReadOptional(r)),
            BlockTag.Paragraph => new Paragraph(ReadInlines(r)),
            BlockTag.LiteralBlock => new LiteralBlock(r.ReadString(), ReadOptional(r))
            {
                IsDoctest = r.ReadBoolean(),
                Highlight = ReadList(r, r2 => new CodeRun(r2.ReadString(), r2.Read7BitEncodedInt())),
            },
            BlockTag.Grammar => new Grammar(ReadList(r, r2 => new Production(ReadOptional(r2), r2.ReadString()))),
            BlockTag.BulletList => new BulletList(ReadItems(r)),
            BlockTag.EnumeratedList => new EnumeratedList(ReadItems(r), r.Read7BitEncodedInt()),
            BlockTag.DefinitionList => new DefinitionList(
                ReadList(r, r2 => new DefinitionItem(ReadInlines(r2), ReadBlocks(r2), ReadOptional(r2))), r.ReadBoolean()),
            BlockTag.FieldList => new FieldList(ReadList(r, r2 => new Field(ReadInlines(r2), ReadBlocks(r2)))),
            BlockTag.Table => new Table(ReadRows(r), ReadRows(r)) { ColumnWidths = NullIfEmpty(ReadList(r, r2 => r2.Read7BitEncodedInt())) },
            BlockTag.Admonition => new Admonition(r.ReadString(), r.ReadBoolean() ? ReadInlines(r) : null, ReadBlocks(r)),
            BlockTag.VersionNote => new VersionNote((VersionChange)r.ReadByte(), r.ReadString(), ReadBlocks(r)) { RemovedIn = ReadOptional(r) },
            BlockTag.BlockQuote => new BlockQuote(ReadBlocks(r)),
            BlockTag.LineBlock => new LineBlock(ReadList<IReadOnlyList<Inline>>(r, ReadInlines)),
            BlockTag.Rubric => new Rubric(ReadInlines(r)),
            BlockTag.Transition => Transition.Instance,
            BlockTag.Footnote => new Footnote(r.ReadString(), ReadBlocks(r)),
            BlockTag.Image => new Image(ReadOptional(r), ReadOptional(r), ReadBlocks(r)),
            BlockTag.Description => new Description(r.ReadString(),
                ReadList(r, r2 => new Signature(r2.ReadString(), ReadOptional(r2))), ReadBlocks(r)),
            BlockTag.TopicInclude => new TopicInclude(r.ReadString(), (TopicKind)r.ReadByte()),
            BlockTag.Preformatted => new Preformatted(r.ReadString()),
            BlockTag.Anchor => new Anchor(r.ReadString()),
            _ => throw new InvalidDataException($"unknown block tag {(byte)tag} in a topics table record"),
        };
    }

    private static void WriteInline(BinaryWriter w, Inline inline)
    {
        switch (inline)
        {
            case TextRun t:
                w.Write((byte)InlineTag.Text);
                w.Write(t.Text);
                break;
            case Emphasis e:
                w.Write((byte)InlineTag.Emphasis);
                WriteInlines(w, e.Content);
                break;
            case Strong s:
                w.Write((byte)InlineTag.Strong);
                WriteInlines(w, s.Content);
                break;
            case Code c:
                w.Write((byte)InlineTag.Code);
                w.Write(c.Text);
                break;
            case Link l:
                w.Write((byte)InlineTag.Link);
                WriteInlines(w, l.Content);
                WriteOptional(w, l.Target);
                w.Write(l.External);
                break;
            case FootnoteRef f:
                w.Write((byte)InlineTag.FootnoteRef);
                w.Write(f.Label);
                break;
            case Script sc:
                w.Write((byte)InlineTag.Script);
                WriteInlines(w, sc.Content);
                w.Write(sc.Superscript);
                break;
            case LineBreak:
                w.Write((byte)InlineTag.LineBreak);
                break;
            default:
                throw new NotSupportedException($"no table encoding for inline {inline.GetType().Name}");
        }
    }

    private static Inline ReadInline(BinaryReader r)
    {
        var tag = (InlineTag)r.ReadByte();
        return tag switch
        {
            InlineTag.Text => new TextRun(r.ReadString()),
            InlineTag.Emphasis => new Emphasis(ReadInlines(r)),
            InlineTag.Strong => new Strong(ReadInlines(r)),
            InlineTag.Code => new Code(r.ReadString()),
            InlineTag.Link => new Link(ReadInlines(r), ReadOptional(r), r.ReadBoolean()),
            InlineTag.FootnoteRef => new FootnoteRef(r.ReadString()),
            InlineTag.Script => new Script(ReadInlines(r), r.ReadBoolean()),
            InlineTag.LineBreak => LineBreak.Instance,
            _ => throw new InvalidDataException($"unknown inline tag {(byte)tag} in a topics table record"),
        };
    }
}
