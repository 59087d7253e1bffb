using System.Globalization;

namespace Help.Core.Index;

/// <summary>
/// What <c>Help.Indexer build --events</c> writes on stdout while it builds, one event per line, so that a
/// program running it (the native pyhelp, which does not carry the indexer) shows the same progress as a
/// build in process. Fields are separated by tabs:
/// <code>
/// step     TEXT
/// pages    DONE  TOTAL
/// skipped  DIAGNOSTIC
/// built    TOPICS  MILLISECONDS  GENERATION
/// </code>
/// </summary>
public static class BuildEvents
{
    public static string Step(string text) => "step\t" + OneLine(text);

    public static string Pages(int done, int total) => FormattableString.Invariant($"pages\t{done}\t{total}");

    public static string Skipped(string diagnostic) => "skipped\t" + OneLine(diagnostic);

    public static string Built(int topics, TimeSpan elapsed, string generation) =>
        FormattableString.Invariant($"built\t{topics}\t{(long)elapsed.TotalMilliseconds}\t{OneLine(generation)}");

    /// <summary>The event a line holds, or null for a line that is not one.</summary>
    public static BuildEvent? Parse(string line)
    {
        var f = line.Split('\t', 4);
        return f switch
        {
            ["step", var text] => new BuildEvent.Step(text),
            ["pages", var done, var total] when Int(done) is { } d && Int(total) is { } t => new BuildEvent.Pages(d, t),
            ["skipped", var diagnostic] => new BuildEvent.Skipped(diagnostic),
            ["built", var topics, var ms, var generation] when Int(topics) is { } n && long.TryParse(ms, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
                => new BuildEvent.Built(n, TimeSpan.FromMilliseconds(m), generation),
            _ => null,
        };
    }

    private static int? Int(string s) => int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static string OneLine(string s) => s.ReplaceLineEndings(" ").Replace('\t', ' ');
}

/// <summary>One line of <see cref="BuildEvents"/>.</summary>
public abstract record BuildEvent
{
    public sealed record Step(string Text) : BuildEvent;

    public sealed record Pages(int Done, int Total) : BuildEvent;

    public sealed record Skipped(string Diagnostic) : BuildEvent;

    public sealed record Built(int TopicCount, TimeSpan Elapsed, string Generation) : BuildEvent;
}
