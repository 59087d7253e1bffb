using Help.Core.Model;

namespace Help.Core.Rendering.Text.Blocks;

/// <summary>
/// <c>versionadded</c>, <c>versionchanged</c>, <c>deprecated</c>, <c>deprecated-removed</c>: Sphinx
/// puts the label in front of the first paragraph (<c>Changed in version 3.9: text</c>) or, without
/// an explanation, makes it a paragraph of its own (<c>New in version 3.7.</c>). The words are those
/// of Sphinx 5 and Python's docs extension, which built Python 3.11's pydoc topics.
/// </summary>
internal sealed class VersionNoteRenderer : TextBlockRenderer<VersionNote>
{
    protected override void Write(TextRenderContext context, VersionNote block)
    {
        var label = Label(block);
        var layout = context.Layout;
        layout.NewState(0);
        // Link targets in the note's first paragraph come before it in the model, and show nothing in text.
        var body = ShownBody(block);
        if (body.Count == 0)
        {
            context.WriteParagraph([new TextRun(label + ".")]);
        }
        else if (body[0] is Paragraph first)
        {
            context.WriteParagraph([new TextRun(label + ": "), .. first.Content]);
            context.WriteBlocks([.. body.Skip(1)]);
        }
        else
        {
            context.WriteParagraph([new TextRun(label + ":")]);
            context.WriteBlocks(body);
        }
        layout.EndState();
    }

    /// <summary>The note's body without the <see cref="Anchor"/> blocks, which text does not show.</summary>
    public static IReadOnlyList<Block> ShownBody(VersionNote block) =>
        block.Body.Any(b => b is Anchor) ? block.Body.Where(b => b is not Anchor).ToList() : block.Body;

    /// <summary>The words Sphinx puts before the note: <c>Changed in version 3.9</c>.</summary>
    public static string Label(VersionNote block) => (block.Change, block.RemovedIn) switch
    {
        (VersionChange.Added, _) => $"New in version {block.Version}",
        (VersionChange.Changed, _) => $"Changed in version {block.Version}",
        // Python's own deprecated-removed directive (Doc/tools/extensions/pyspecific.py).
        (VersionChange.Deprecated, { } removed) => $"Deprecated since version {block.Version}, will be removed in version {removed}",
        (VersionChange.Deprecated, null) => $"Deprecated since version {block.Version}",
        (_, { } removed) => $"Deprecated since version {block.Version}, removed in version {removed}",
        // Sphinx 7's versionremoved.
        _ => $"Removed in version {block.Version}",
    };
}
