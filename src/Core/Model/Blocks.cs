namespace Help.Core.Model;

/// <summary>Block content. Mirrors the docutils/Sphinx body elements the Python docs use.</summary>
public abstract record Block;

/// <summary>
/// A section: a title and its body, which holds nested sections. The heading level is not stored: it
/// follows from nesting relative to the topic being rendered, as in pydoc's topics table, where every
/// topic's own title is underlined with <c>*</c>.
/// </summary>
public sealed record Section(IReadOnlyList<Inline> Title, IReadOnlyList<Block> Body, string? Anchor) : Block;

public sealed record Paragraph(IReadOnlyList<Inline> Content) : Block;

/// <summary>A literal (code) block: text exactly as written, with its language when known (<c>python3</c>, <c>pycon</c>).</summary>
public sealed record LiteralBlock(string Text, string? Language) : Block
{
    /// <summary>
    /// The text's tokens, in order and covering it whole: Pygments' short token classes as Sphinx marked them
    /// (<c>k</c> keyword, <c>nf</c> function name, <c>s2</c> string, <c>gp</c> prompt), or the same classes from a
    /// highlighter for sources that carry none. Empty when the block is not highlighted.
    /// </summary>
    public IReadOnlyList<CodeRun> Highlight { get; init; } = [];

    /// <summary>
    /// A docutils doctest block (<c>&gt;&gt;&gt;</c> lines written as a paragraph, no <c>::</c>; Sphinx HTML
    /// <c>div.doctest</c>), which Sphinx's text writer, unlike other literal blocks, does not indent.
    /// </summary>
    public bool IsDoctest { get; init; }
}

/// <summary>One token of a highlighted <see cref="LiteralBlock"/>: <paramref name="Length"/> characters of class <paramref name="Token"/> (empty: plain text).</summary>
public sealed record CodeRun(string Token, int Length);

/// <summary>One production of a grammar (<c>productionlist</c>): a named rule or a continuation line (Name null).</summary>
public sealed record Production(string? Name, string Definition);

/// <summary>A grammar (<c>productionlist</c>): <c>name ::= definition</c> lines, names padded to one width.</summary>
public sealed record Grammar(IReadOnlyList<Production> Productions) : Block;

public sealed record ListItem(IReadOnlyList<Block> Content);

public sealed record BulletList(IReadOnlyList<ListItem> Items) : Block;

/// <summary>An enumerated list; <paramref name="Start"/> is the first number.</summary>
public sealed record EnumeratedList(IReadOnlyList<ListItem> Items, int Start = 1) : Block;

public sealed record DefinitionItem(IReadOnlyList<Inline> Term, IReadOnlyList<Block> Definition, string? Anchor = null);

/// <summary>A definition list; also the form of a glossary (<see cref="IsGlossary"/>), whose terms have anchors.</summary>
public sealed record DefinitionList(IReadOnlyList<DefinitionItem> Items, bool IsGlossary = false) : Block;

public sealed record Field(IReadOnlyList<Inline> Name, IReadOnlyList<Block> Body);

/// <summary>A field list (<c>:param x:</c>, <c>Parameters:</c> in object descriptions).</summary>
public sealed record FieldList(IReadOnlyList<Field> Fields) : Block;

public sealed record TableCell(IReadOnlyList<Block> Content, int ColumnSpan = 1, int RowSpan = 1);

public sealed record TableRow(IReadOnlyList<TableCell> Cells);

/// <summary>A table: header rows, then body rows. Cell content is block-level.</summary>
public sealed record Table(IReadOnlyList<TableRow> HeaderRows, IReadOnlyList<TableRow> BodyRows) : Block
{
    /// <summary>
    /// The width of each column as the source draws it (the dashes between a reST grid table's <c>+</c>
    /// signs, docutils' <c>colwidth</c>), when known; Sphinx's text writer lays the table out at these widths.
    /// </summary>
    public IReadOnlyList<int>? ColumnWidths { get; init; }
}

/// <summary>
/// An admonition: <c>note</c>, <c>warning</c>, <c>seealso</c>, <c>important</c>, <c>tip</c>,
/// <c>caution</c>, <c>attention</c>, <c>danger</c>, <c>error</c>, <c>hint</c>, or <c>admonition</c>
/// with its own <paramref name="Title"/>.
/// </summary>
public sealed record Admonition(string Kind, IReadOnlyList<Inline>? Title, IReadOnlyList<Block> Body) : Block;

public enum VersionChange : byte
{
    Added = 0,
    Changed = 1,
    Deprecated = 2,
    Removed = 3,
}

/// <summary>
/// <c>versionadded</c>, <c>versionchanged</c>, <c>deprecated</c>, <c>deprecated-removed</c>. The body is
/// the explanation after the version line (may be empty).
/// </summary>
public sealed record VersionNote(VersionChange Change, string Version, IReadOnlyList<Block> Body) : Block
{
    /// <summary>For <c>deprecated-removed</c>: the version that removes it ("will be removed in version 3.12"), else null.</summary>
    public string? RemovedIn { get; init; }
}

public sealed record BlockQuote(IReadOnlyList<Block> Content) : Block;

/// <summary>A line block (<c>| line</c>): lines kept as written.</summary>
public sealed record LineBlock(IReadOnlyList<IReadOnlyList<Inline>> Lines) : Block;

/// <summary>A rubric: a heading that is not a section (<c>Footnotes</c>).</summary>
public sealed record Rubric(IReadOnlyList<Inline> Content) : Block;

/// <summary>A transition (horizontal rule).</summary>
public sealed record Transition : Block
{
    public static readonly Transition Instance = new();
}

/// <summary>A footnote or citation body, referenced by <see cref="FootnoteRef"/>.</summary>
public sealed record Footnote(string Label, IReadOnlyList<Block> Content) : Block;

/// <summary>An image or figure; only its alternative text and caption reach the text renderer.</summary>
public sealed record Image(string? Source, string? Alt, IReadOnlyList<Block> Caption) : Block;

/// <summary>One signature line of an object description, as its text reads (<c>asyncio.run(coro, *, debug=None)</c>).</summary>
/// <param name="Text">The signature, including annotations such as <c>class </c>, <c>coroutine </c>, <c>abstractmethod </c>.</param>
/// <param name="Anchor">The id of the signature's element in its page: for Python objects, the full dotted name.</param>
public sealed record Signature(string Text, string? Anchor);

/// <summary>
/// A documented object (Sphinx <c>desc</c>: <c>.. function::</c>, <c>.. class::</c>, ...): its
/// signatures and its body, which may nest further descriptions (a class's methods).
/// </summary>
/// <param name="Role">The Sphinx domain and role, e.g. <c>py:method</c>, <c>c:function</c>, <c>std:opcode</c>.</param>
public sealed record Description(string Role, IReadOnlyList<Signature> Signatures, IReadOnlyList<Block> Body) : Block;

/// <summary>
/// Stands for another topic's whole content, stored once under its own key. The topics table writer
/// puts these in place of nested topics (a class's methods, a page's sections) so that nothing is
/// stored twice; renderers replace each one with the referenced topic's body.
/// </summary>
public sealed record TopicInclude(string Key, TopicKind Kind) : Block;

/// <summary>
/// A place in the text that links can point at (<c>os.html#dir-fd</c>, an index entry's <c>index-3</c>): an id the
/// source gave to a paragraph, a list or an empty target, where no section or object holds it. Renders as nothing
/// but the id.
/// </summary>
public sealed record Anchor(string Id) : Block;

/// <summary>
/// Text already laid out by another renderer (pydoc's topics table is Sphinx text-writer output):
/// the text renderer prints it as it is, the HTML renderer in a <c>pre</c>.
/// </summary>
public sealed record Preformatted(string Text) : Block;
