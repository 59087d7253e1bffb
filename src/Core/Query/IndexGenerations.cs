using Help.Core.Index;

namespace Help.Core.Query;

/// <summary>
/// The index generation a long-running process answers from (the viewer, <c>pyhelp mcp</c>). A rebuild publishes a
/// new generation by replacing <c>CURRENT</c>; the next request after that opens it, and the old one is closed once
/// the last request that leased it has finished, so every answer comes from one whole index.
/// </summary>
public sealed class IndexGenerations : IDisposable
{
    private readonly IndexFolder _folder;
    private readonly Lock _swap = new();
    private readonly long _checkIntervalMs;
    private Generation _current;
    private long _nextCheck;
    private string? _rejected;
    private readonly TextWriter _log;

    private IndexGenerations(IndexFolder folder, Generation first, TimeSpan checkInterval, TextWriter log)
    {
        _folder = folder;
        _log = log;
        _current = first;
        _checkIntervalMs = (long)checkInterval.TotalMilliseconds;
        _nextCheck = Environment.TickCount64 + _checkIntervalMs;
    }

    /// <summary>The index folder served.</summary>
    public IndexFolder Folder => _folder;

    /// <summary>
    /// Opens the current generation of <paramref name="folder"/>. Throws <see cref="FileNotFoundException"/>
    /// when there is none, <see cref="InvalidDataException"/> when it is unreadable.
    /// </summary>
    /// <param name="checkInterval">How often <c>CURRENT</c> is read again (by a request; no timer runs).</param>
    /// <param name="log">Where a new generation that cannot be used is reported (stderr).</param>
    public static IndexGenerations Open(IndexFolder folder, TimeSpan? checkInterval = null, TextWriter? log = null)
    {
        var dir = folder.CurrentGeneration()
            ?? throw new FileNotFoundException($"no index in {folder.Root} (build one with: pyhelp --rebuild --index {folder.Root})");
        return new IndexGenerations(folder, new Generation(dir), checkInterval ?? TimeSpan.FromMilliseconds(500), log ?? Console.Error);
    }

    /// <summary>The generation to answer one request from; dispose the lease when the answer is written.</summary>
    public Lease Acquire()
    {
        if (Environment.TickCount64 >= Volatile.Read(ref _nextCheck))
        {
            Refresh();
        }
        while (true)
        {
            var g = Volatile.Read(ref _current);
            if (g.TryAddRef())
            {
                return new Lease(g);
            }
            // Retired between the read and the AddRef: the swap has already published its successor.
        }
    }

    private void Refresh()
    {
        lock (_swap)
        {
            if (Environment.TickCount64 < _nextCheck)
            {
                return;
            }
            Volatile.Write(ref _nextCheck, Environment.TickCount64 + _checkIntervalMs);
            var dir = _folder.CurrentGeneration();
            if (dir is null || dir == _current.Directory || dir == _rejected)
            {
                return;
            }
            Generation next;
            try
            {
                next = new Generation(dir);
            }
            catch (InvalidDataException e)
            {
                // Damaged: keep answering from the one we have, and do not check it again every interval
                // (a full check reads every byte); the next build publishes another folder.
                _rejected = dir;
                _log.WriteLine($"pyhelp: {e.Message}; still answering from {_current.Name}");
                return;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A generation that cannot be read yet (or at all): keep answering from the one we have.
                return;
            }
            var old = _current;
            Volatile.Write(ref _current, next);
            old.Release();
        }
    }

    public void Dispose()
    {
        lock (_swap)
        {
            _current.Release();
        }
    }

    /// <summary>One opened generation, counted: the server holds one reference, each request another.</summary>
    public sealed class Generation
    {
        private int _refs = 1;
        private readonly HelpIndex _index;
        private readonly Lazy<IndexManifest?> _manifest;

        internal Generation(string directory)
        {
            Directory = directory;
            Name = Path.GetFileName(directory);
            // Every byte checked once per generation (tens of ms for the Python docs): a server answers for
            // hours from what it opened, so damage is found here rather than by some request later.
            if (IndexIntegrity.FullCheck(directory) is { } damage)
            {
                throw new InvalidDataException($"the index in {directory} is not usable: {damage}");
            }
            _index = HelpIndex.Open(directory);
            Query = new HelpQuery(_index);
            _manifest = new Lazy<IndexManifest?>(() => IndexManifest.TryRead(directory));
        }

        public string Directory { get; }
        public string Name { get; }
        public HelpQuery Query { get; }

        /// <summary>The topics table, for questions cheaper than a lookup (does this key exist, and as what).</summary>
        public TopicsTable Table => _index.Table;

        /// <summary>The folders and files the generation was built from, for links to a topic's source page.</summary>
        public IReadOnlyList<string> SourceRoots => _manifest.Value?.Sources.Select(s => s.Path).ToList() ?? [];

        /// <summary>The folder a Sphinx doc set was read from, or null (a doc set from reST, Markdown or pydoc's table).</summary>
        public string? DocSetRoot(string docSet) => _manifest.Value?.DocSetRoots.GetValueOrDefault(docSet);

        /// <summary>
        /// The file <paramref name="topic"/> was read from, with its anchor (<c>/usr/share/doc/…/asyncio-task.html#asyncio.gather</c>),
        /// or null when its page is no longer where the index found it.
        /// </summary>
        public string? SourceFile(Model.Topic topic)
        {
            if (topic.SourcePage is not { } page)
            {
                return null;
            }
            var file = Path.IsPathRooted(page) ? page : (DocSetRoot(topic.DocSet) is { } root ? [root] : SourceRoots)
                .Where(System.IO.Directory.Exists)
                .Select(root => Path.Combine(root, page))
                .FirstOrDefault(File.Exists);
            return file is not null && File.Exists(file) ? file : null;
        }

        /// <summary><see cref="SourceFile"/> as a <c>file:</c> address with the topic's anchor, or null.</summary>
        public string? SourceAddress(Model.Topic topic) => SourceFile(topic) is { } file
            ? new Uri(file).AbsoluteUri + (topic.Anchor is null ? "" : "#" + Uri.EscapeDataString(topic.Anchor))
            : null;

        internal bool TryAddRef()
        {
            var n = Volatile.Read(ref _refs);
            while (n > 0)
            {
                var seen = Interlocked.CompareExchange(ref _refs, n + 1, n);
                if (seen == n)
                {
                    return true;
                }
                n = seen;
            }
            return false;
        }

        internal void Release()
        {
            if (Interlocked.Decrement(ref _refs) == 0)
            {
                _index.Dispose();
            }
        }
    }

    /// <summary>A request's hold on one generation.</summary>
    public readonly struct Lease(Generation generation) : IDisposable
    {
        public Generation Generation { get; } = generation;
        public HelpQuery Query => Generation.Query;
        public void Dispose() => Generation.Release();
    }
}
