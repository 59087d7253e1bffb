using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Help.Indexer.Sources.Rest;

/// <summary>
/// Element ids as docutils makes them (<c>docutils/nodes.py</c>, <c>make_id</c> and
/// <c>document.set_id</c>): a name lower-cased, reduced to ASCII letters, digits and hyphens; an id
/// already taken, or an empty one, becomes <c>id1</c>, <c>id2</c>... One instance per document. The HTML importer
/// uses <see cref="Make"/> too, to tell a section id made from its title from a label's.
/// </summary>
internal sealed partial class RestIds
{
    private readonly HashSet<string> _taken = new(StringComparer.Ordinal);
    private int _counter;

    /// <summary>docutils' <c>make_id</c>: "Coroutines and Tasks" gives <c>coroutines-and-tasks</c>.</summary>
    public static string Make(string name)
    {
        var decomposed = name.ToLowerInvariant().Normalize(NormalizationForm.FormKD);
        var ascii = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (c < 128)
            {
                ascii.Append(c);
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && !char.IsLetterOrDigit(c))
            {
                ascii.Append(' ');
            }
        }
        var id = NonIdChars().Replace(ascii.ToString(), "-");
        return IdEnds().Replace(id, "");
    }

    /// <summary>Notes an id that is taken (a label's target).</summary>
    public void Take(string id) => _taken.Add(id);

    /// <summary>The id for a name: its own when free, else the next <c>idN</c>.</summary>
    public string Unique(string name)
    {
        var id = Make(name);
        while (id.Length == 0 || !_taken.Add(id))
        {
            id = "id" + (++_counter).ToString(CultureInfo.InvariantCulture);
        }
        return id;
    }

    [GeneratedRegex("[^a-z0-9]+", RegexOptions.CultureInvariant)]
    private static partial Regex NonIdChars();

    [GeneratedRegex("^[-0-9]+|-+$", RegexOptions.CultureInvariant)]
    private static partial Regex IdEnds();
}
