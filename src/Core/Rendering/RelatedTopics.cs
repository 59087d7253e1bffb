namespace Help.Core.Rendering;

/// <summary>pydoc's "Related help topics" line (pydoc.Helper.showtopic).</summary>
public static class RelatedTopics
{
    private const int Width = 72;

    /// <summary>
    /// <c>'\n'.join(textwrap.wrap('Related help topics: ' + ', '.join(related) + '\n', 72))</c>, without
    /// the blank line showtopic puts before it. Empty when there is nothing related.
    /// </summary>
    public static string Line(IReadOnlyList<string> related) => related.Count == 0
        ? ""
        : string.Join('\n', Text.TextWrap.WrapPython("Related help topics: " + string.Join(", ", related) + "\n", Width));
}
