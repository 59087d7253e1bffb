using System.Text;

namespace Help.Cli.Commands;

/// <summary>
/// <c>pyhelp --man</c>: the help text (<see cref="CliOptions.Usage"/>) as a man page in roff (man(7)), so that
/// <c>man pyhelp</c> and <c>pyhelp --help</c> say the same thing. tools/install.sh writes it into the user's man path.
/// </summary>
public static class ManPageCommand
{
    public static int Print(Terminal terminal)
    {
        terminal.Out.Write(Render(CliOptions.Usage));
        return ExitCodes.Found;
    }

    /// <summary>
    /// The first line becomes NAME; a line ending in a colon at the left margin (<c>Usage:</c>, <c>Options:</c>)
    /// becomes a section heading; every other run of lines is kept as it is laid out (no filling), escaped.
    /// </summary>
    public static string Render(string usage)
    {
        var lines = usage.ReplaceLineEndings("\n").TrimEnd().Split('\n');
        var page = new StringBuilder();
        page.Append(".TH PYHELP 1 \"\" \"pyhelp\" \"User Commands\"\n");
        page.Append(".SH NAME\n").Append(Escape(lines[0])).Append('\n');
        var open = false;
        foreach (var line in lines.Skip(1))
        {
            if (line.Length > 0 && !char.IsWhiteSpace(line[0]) && line.EndsWith(':'))
            {
                if (open)
                {
                    page.Append(".fi\n");
                }
                page.Append(".SH ").Append(Escape(line[..^1].ToUpperInvariant())).Append('\n').Append(".nf\n");
                open = true;
                continue;
            }
            if (!open && line.Trim().Length == 0)
            {
                continue;
            }
            if (!open)
            {
                page.Append(".SH DESCRIPTION\n.nf\n");
                open = true;
            }
            page.Append(Escape(line)).Append('\n');
        }
        if (open)
        {
            page.Append(".fi\n");
        }
        return page.ToString();
    }

    /// <summary>A backslash is roff's escape; a line starting with <c>.</c> or <c>'</c> would be a request.</summary>
    private static string Escape(string line)
    {
        var escaped = line.Replace("\\", "\\e").Replace("-", "\\-");
        return escaped.StartsWith('.') || escaped.StartsWith('\'') ? "\\&" + escaped : escaped;
    }
}
