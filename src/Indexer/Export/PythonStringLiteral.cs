using System.Globalization;
using System.Text;

namespace Help.Indexer.Export;

/// <summary>
/// Writes Python string literals that evaluate to exactly the given text (Python Language Reference,
/// 2.4.1 "String and Bytes literals"). Single-quoted, so that no line of the text can end the literal.
/// </summary>
public static class PythonStringLiteral
{
    /// <summary>
    /// One <c>'...'</c> literal. Escaped: the backslash and the quote; tab, newline and carriage
    /// return by name; every other C0 or C1 control, DEL, the Unicode line and paragraph separators and
    /// the byte order mark as <c>\xNN</c> or <c>\uNNNN</c> (a NUL byte is not allowed in source, and a
    /// reader that splits lines as <c>str.splitlines</c> does would break the literal at U+2028); a
    /// lone surrogate, which UTF-8 cannot encode, as <c>\uNNNN</c>, as Python's <c>repr</c> writes it.
    /// Everything else is written as itself: the module declares UTF-8.
    /// </summary>
    public static string Quote(string text)
    {
        var sb = new StringBuilder(text.Length + 2);
        sb.Append('\'');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '\\': sb.Append(@"\\"); break;
                case '\'': sb.Append(@"\'"); break;
                case '\n': sb.Append(@"\n"); break;
                case '\r': sb.Append(@"\r"); break;
                case '\t': sb.Append(@"\t"); break;
                default:
                    if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                    {
                        sb.Append(c).Append(text[++i]);
                    }
                    else if (c < 0x20 || c is >= '\u007f' and <= '\u009f')
                    {
                        sb.Append(@"\x").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture));
                    }
                    else if (char.IsSurrogate(c) || c is '\u2028' or '\u2029' or '\ufeff')
                    {
                        sb.Append(@"\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }
                    break;
            }
        }
        return sb.Append('\'').ToString();
    }

    /// <summary>
    /// The text as adjacent literals, one per line of the text, as <c>pprint</c> lays out the values
    /// of pydoc's topics.py: each line after the first starts with <paramref name="indent"/>. Adjacent
    /// literals are joined by the compiler (2.4.2 "String literal concatenation").
    /// </summary>
    public static string QuoteLines(string text, string indent)
    {
        if (text.Length == 0)
        {
            return "''";
        }
        var sb = new StringBuilder(text.Length + 16);
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            if (start > 0)
            {
                sb.Append('\n').Append(indent);
            }
            sb.Append(Quote(text[start..end]));
            start = end;
        }
        return sb.ToString();
    }
}
