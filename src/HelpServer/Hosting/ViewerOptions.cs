namespace Help.Server.Hosting;

/// <summary>How the viewer is started. Parsing never throws: problems land in <see cref="Error"/>.</summary>
public sealed record ViewerOptions
{
    /// <summary>A fixed default so a bookmark keeps working from one day to the next.</summary>
    public const int DefaultPort = 7464;

    /// <summary>The index folder; null means <c>$HELP_INDEX</c>, else the user's cache, as for the terminal tool.</summary>
    public string? IndexDir { get; init; }

    /// <summary>The port on 127.0.0.1; 0 picks a free one.</summary>
    public int Port { get; init; } = DefaultPort;

    public bool ShowHelp { get; init; }
    public string? Error { get; init; }

    public static ViewerOptions Parse(IReadOnlyList<string> args)
    {
        var o = new ViewerOptions();
        for (var i = 0; i < args.Count && o.Error is null; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : null;
            switch (args[i])
            {
                case "-h" or "--help":
                    o = o with { ShowHelp = true };
                    break;
                case "--port":
                    o = int.TryParse(value, out var port) && port is >= 0 and <= 65535
                        ? o with { Port = port }
                        : o with { Error = "--port needs a number from 0 to 65535 (0 picks a free port)" };
                    i++;
                    break;
                case "--index":
                    o = value is null ? o with { Error = "--index needs a folder" } : o with { IndexDir = value };
                    i++;
                    break;
                default:
                    o = o with { Error = $"unknown argument {args[i]}" };
                    break;
            }
        }
        return o;
    }

    public const string Usage = """
        Help.Server - the pyhelp documentation viewer and JSON API, on this machine only.

        Usage: Help.Server [--port N] [--index DIR]

          --port N     listen on 127.0.0.1:N (default 7464; 0 picks a free port)
          --index DIR  the index folder (default: $HELP_INDEX, else ~/.cache/pyhelp/index)

        The first line printed is the viewer's URL, once it accepts connections.
        """;
}
