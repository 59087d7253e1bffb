namespace Help.Cli.Interactive;

/// <summary>
/// The lines entered at the <c>help&gt;</c> prompt, oldest first, kept between sessions in a file
/// (one line each) and bounded to the last <see cref="MaxLines"/>.
/// </summary>
public sealed class History
{
    public const int MaxLines = 1000;

    private readonly List<string> _lines = [];
    private readonly string? _path;

    /// <param name="path">The history file, or null to keep history for this session only.</param>
    public History(string? path)
    {
        _path = path;
        if (path is null)
        {
            return;
        }
        try
        {
            if (File.Exists(path))
            {
                _lines.AddRange(File.ReadAllLines(path).Where(l => l.Length > 0).TakeLast(MaxLines));
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An unreadable history is no reason to refuse help; this session starts without one.
        }
    }

    /// <summary>
    /// <c>$XDG_STATE_HOME/pyhelp/history</c>, else <c>~/.local/state/pyhelp/history</c> (the XDG base
    /// directory spec's place for state that should persist but is not worth backing up).
    /// </summary>
    public static string? DefaultPath(Func<string, string?> env)
    {
        var state = env("XDG_STATE_HOME");
        if (string.IsNullOrEmpty(state) || !Path.IsPathRooted(state))
        {
            var home = env("HOME");
            if (string.IsNullOrEmpty(home))
            {
                return null;
            }
            state = Path.Combine(home, ".local", "state");
        }
        return Path.Combine(state, "pyhelp", "history");
    }

    public int Count => _lines.Count;

    public string this[int index] => _lines[index];

    /// <summary>Adds a line (blank lines and a repeat of the last line are not kept) and saves the file.</summary>
    public void Add(string line)
    {
        if (string.IsNullOrWhiteSpace(line) || line.Contains('\n') || (_lines.Count > 0 && _lines[^1] == line))
        {
            return;
        }
        _lines.Add(line);
        if (_lines.Count > MaxLines)
        {
            _lines.RemoveRange(0, _lines.Count - MaxLines);
        }
        Save();
    }

    private void Save()
    {
        if (_path is null)
        {
            return;
        }
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
            // Written beside and renamed over, so two sessions never leave a half-written file.
            var temp = $"{_path}.{Environment.ProcessId}.tmp";
            File.WriteAllLines(temp, _lines);
            File.Move(temp, _path, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not being able to remember a line must not stop the session.
        }
    }
}
