using System.Text;
using Help.Core.Model;
using Help.Core.Rendering.Text.Blocks;

namespace Help.Core.Rendering.Text;

/// <summary>
/// Renders the document model as plain text the way Sphinx's text writer does, which is how pydoc's
/// topics (<c>pydoc_data/topics.py</c>) were made: so <c>pyhelp assert</c> reads like
/// <c>python3 -m pydoc assert</c>. Filled to 70 columns, indents of 3, <c>"code"</c>, <c>*emphasis*</c>,
/// <c>**strong**</c>, titles underlined with <c>*=-~"+`</c> by level, grid tables.
/// </summary>
/// <remarks>
/// One small renderer per block type does the work (<c>Blocks/</c>), registered here once; the
/// instance is immutable and safe to share between threads. Every call builds its own layout.
/// </remarks>
public sealed class TextRenderer
{
    // A plain dictionary: a lookup renders once and exits, and a frozen one costs more to build than it saves.
    private readonly Dictionary<Type, TextBlockRenderer> _renderers;

    /// <summary>Creates a renderer for every block type of the model.</summary>
    public TextRenderer()
    {
        TextBlockRenderer[] renderers =
        [
            new SectionRenderer(),
            new ParagraphRenderer(),
            new LiteralBlockRenderer(),
            new GrammarRenderer(),
            new BulletListRenderer(),
            new EnumeratedListRenderer(),
            new DefinitionListRenderer(),
            new FieldListRenderer(),
            new TableRenderer(),
            new AdmonitionRenderer(),
            new VersionNoteRenderer(),
            new BlockQuoteRenderer(),
            new LineBlockRenderer(),
            new RubricRenderer(),
            new TransitionRenderer(),
            new FootnoteRenderer(),
            new ImageRenderer(),
            new DescriptionRenderer(),
            new TopicIncludeRenderer(),
            new PreformattedRenderer(),
        ];
        _renderers = renderers.ToDictionary(r => r.BlockType);
    }

    /// <summary>A shared instance.</summary>
    public static TextRenderer Default { get; } = new();

    /// <summary>
    /// The text of <paramref name="topic"/>: its body, where a section's own title is underlined with
    /// <c>*</c> and nested titles with the next characters. Lines carry no trailing white space; the
    /// text ends with exactly one line end (or is empty when there is nothing to show).
    /// </summary>
    /// <param name="topic">The topic to render.</param>
    /// <param name="options">Width and bold.</param>
    /// <param name="resolver">Finds the topics that <see cref="TopicInclude"/> blocks stand for; without one they print as pointers.</param>
    public string Render(Topic topic, TextRenderOptions options, ITopicResolver? resolver = null)
    {
        ArgumentNullException.ThrowIfNull(topic);
        ArgumentNullException.ThrowIfNull(options);
        var context = new TextRenderContext(this, options, resolver);
        // The topic itself counts as included, so that a body including it again ends there.
        context.EnterInclude(topic.Key, topic.Kind);
        return Run(context, topic.Body);
    }

    /// <summary>Blocks as text, laid out as <see cref="Render"/> lays out a topic's body.</summary>
    public string RenderBlocks(IReadOnlyList<Block> blocks, TextRenderOptions options, ITopicResolver? resolver = null)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(options);
        return Run(new TextRenderContext(this, options, resolver), blocks);
    }

    private static string Run(TextRenderContext context, IReadOnlyList<Block> blocks)
    {
        // visit_document: the outermost state, at indent 0.
        context.Layout.NewState(0);
        context.WriteBlocks(blocks);
        return Finish(context.Layout.Finish());
    }

    internal void Write(TextRenderContext context, Block block)
    {
        // A block type without a renderer (added to the model later) is left out rather than fatal.
        if (_renderers.TryGetValue(block.GetType(), out var renderer))
        {
            renderer.Write(context, block);
        }
    }

    /// <summary>Strips trailing white space from every line and empty lines from both ends; bold markers become ANSI codes.</summary>
    private static string Finish(string body)
    {
        // One pass into one buffer: the lines from the first to the last that is not empty, each without its trailing
        // white space, each followed by one line end.
        var result = new StringBuilder(body.Length + 1);
        var emptyLines = 0;
        var rest = body.AsSpan();
        while (true)
        {
            var end = rest.IndexOf('\n');
            var line = (end < 0 ? rest : rest[..end]).TrimEnd();
            if (line.IsEmpty)
            {
                emptyLines += result.Length > 0 ? 1 : 0;
            }
            else
            {
                result.Append('\n', emptyLines).Append(line).Append('\n');
                emptyLines = 0;
            }
            if (end < 0)
            {
                break;
            }
            rest = rest[(end + 1)..];
        }
        var text = result.ToString();
        return text.Contains(DisplayWidth.BoldOn, StringComparison.Ordinal) ? ApplyBold(text) : text;
    }

    private const string AnsiBold = "\u001b[1m";
    private const string AnsiReset = "\u001b[0m";

    /// <summary>
    /// Turns the bold markers into ANSI codes, once per outermost pair (strong text inside a bold title
    /// must not end the title's bold), closed and reopened around each line end so that a pager
    /// showing one line alone still shows it right.
    /// </summary>
    private static string ApplyBold(string text)
    {
        var result = new StringBuilder(text.Length + 32);
        var depth = 0;
        foreach (var c in text)
        {
            switch (c)
            {
                case DisplayWidth.BoldOn:
                    if (depth++ == 0)
                    {
                        result.Append(AnsiBold);
                    }
                    break;
                case DisplayWidth.BoldOff:
                    if (depth > 0 && --depth == 0)
                    {
                        result.Append(AnsiReset);
                    }
                    break;
                case '\n' when depth > 0:
                    result.Append(AnsiReset).Append('\n').Append(AnsiBold);
                    break;
                default:
                    result.Append(c);
                    break;
            }
        }
        if (depth > 0)
        {
            result.Append(AnsiReset);
        }
        return result.ToString();
    }
}
