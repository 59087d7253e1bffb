using System.Diagnostics;
using System.Globalization;
using Help.Core.Index;

namespace Help.Indexer.Writing;

/// <summary>
/// Writes a new generation of the index beside the current one and swaps it in whole (see
/// <see cref="IndexFolder"/>): a reader sees the old index or the new one, never half of one, and a
/// build that fails or is killed leaves the current index as it was.
/// </summary>
/// <remarks>
/// The order of the steps is what makes a kill at any moment harmless: everything is written into a
/// <c>build-*</c> folder, sealed (<see cref="IndexSeal"/>), renamed to <c>gen-N</c>, and only then does
/// <c>CURRENT</c> move, by renaming a new pointer file over it. A kill before that rename leaves
/// <c>CURRENT</c> naming the previous generation, which no step touched; the next build removes the
/// leftovers.
/// <para>
/// Fault injection, for the crash-safety tests: <c>HELP_INDEX_FAULT=STEP:ACTION</c>, STEP one of
/// <see cref="FaultSteps"/>, ACTION <c>kill</c> (SIGKILL this process), <c>throw</c> (an I/O error) or
/// <c>enospc</c> (an I/O error as a full disk gives). Unset, or naming no step, it does nothing.
/// </para>
/// </remarks>
public static class IndexPublisher
{
    private const string LockFile = "build.lock";

    /// <summary>The environment variable of the fault injection hook (see the remarks).</summary>
    public const string FaultVariable = "HELP_INDEX_FAULT";

    /// <summary>The steps of a publish where a fault can be injected, in order.</summary>
    public static readonly IReadOnlyList<string> FaultSteps =
        ["build-started", "files-written", "sealed", "generation-moved", "pointer-written", "swapped"];

    /// <summary>errno ENOSPC, which .NET on Unix puts in <see cref="Exception.HResult"/> of the <see cref="IOException"/>.</summary>
    private const int NoSpaceErrno = 28;

    /// <summary>Runs <paramref name="write"/> into a fresh folder, then makes that folder current. Returns its path.</summary>
    /// <exception cref="IOException">
    /// The folder cannot be written (read-only, full, not a folder): the message names it, and the current
    /// generation is left as it was.
    /// </exception>
    public static string Publish(IndexFolder folder, Action<string> write) => Publish(folder, write, lockHeld: false);

    /// <inheritdoc cref="Publish(IndexFolder, Action{string})"/>
    /// <param name="lockHeld">The caller holds the folder's build lock already (<see cref="LockForBuild"/>).</param>
    public static string Publish(IndexFolder folder, Action<string> write, bool lockHeld)
    {
        try
        {
            return PublishUnguarded(folder, write, lockHeld);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException(WriteFailure(folder, e), e);
        }
    }

    /// <summary>
    /// Takes the folder's build lock for a whole build (waiting for a build under way), so that the build can first
    /// see whether the one it waited for already made what it needs. Dispose to release it.
    /// </summary>
    /// <exception cref="IOException">The folder cannot be written; the message names it.</exception>
    public static IDisposable LockForBuild(IndexFolder folder)
    {
        try
        {
            Directory.CreateDirectory(folder.Root);
            return AcquireLock(Path.Combine(folder.Root, LockFile));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new IOException(WriteFailure(folder, e), e);
        }
    }

    private static string PublishUnguarded(IndexFolder folder, Action<string> write, bool lockHeld)
    {
        Directory.CreateDirectory(folder.Root);
        // One build at a time per index folder; a second one waits for the first.
        using var buildLock = lockHeld ? null : AcquireLock(Path.Combine(folder.Root, LockFile));

        RemoveAbandonedBuilds(folder);
        var building = Path.Combine(folder.Root, IndexFolder.BuildPrefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(building);
        try
        {
            Fault("build-started");
            write(building);
            Fault("files-written");
            IndexSeal.Create(building).Write(building);
            Fault("sealed");
            var generation = Path.Combine(folder.Root, NextGenerationName(folder));
            Directory.Move(building, generation);
            Fault("generation-moved");

            // The swap: write the pointer aside, then rename it over the old one (atomic on POSIX).
            var pointer = Path.Combine(folder.Root, IndexFolder.CurrentPointer);
            var pointerTmp = pointer + ".tmp";
            using (var tmp = new FileStream(pointerTmp, FileMode.Create, FileAccess.Write))
            {
                tmp.Write(System.Text.Encoding.UTF8.GetBytes(Path.GetFileName(generation) + "\n"));
                tmp.Flush(flushToDisk: true);
            }
            Fault("pointer-written");
            File.Move(pointerTmp, pointer, overwrite: true);
            Fault("swapped");

            RemoveOldGenerations(folder, keep: 2);
            return generation;
        }
        catch
        {
            TryDelete(building);
            throw;
        }
    }

    /// <summary>What the user reads when the index cannot be written: the folder, and the cause in words.</summary>
    private static string WriteFailure(IndexFolder folder, Exception e)
    {
        var cause = e switch
        {
            IOException { HResult: NoSpaceErrno } => "the disk is full",
            UnauthorizedAccessException => "permission denied (read-only?)",
            _ => e.Message,
        };
        var kept = folder.CurrentGeneration() is { } current ? $"; the previous index in {current} is unchanged" : "";
        return $"cannot write the index in {folder.Root}: {cause}{kept}";
    }

    private static void Fault(string step)
    {
        var spec = Environment.GetEnvironmentVariable(FaultVariable);
        if (string.IsNullOrEmpty(spec) || !spec.StartsWith(step + ":", StringComparison.Ordinal))
        {
            return;
        }
        switch (spec[(step.Length + 1)..])
        {
            case "kill":
                // SIGKILL on Unix: no finally block, no flush, as an OOM kill or a power cut of the process.
                Process.GetCurrentProcess().Kill();
                Thread.Sleep(Timeout.Infinite);
                break;
            case "throw":
                throw new IOException($"injected fault at {step}");
            case "enospc":
                throw new IOException($"No space left on device (injected at {step})", NoSpaceErrno);
        }
    }

    private static FileStream AcquireLock(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException e) when (attempt < 600 && e.HResult != NoSpaceErrno)
            {
                Thread.Sleep(100);
            }
        }
    }

    private static string NextGenerationName(IndexFolder folder)
    {
        var last = Generations(folder).Select(g => g.Number).DefaultIfEmpty(0).Max();
        return IndexFolder.GenerationPrefix + (last + 1).ToString("D6", CultureInfo.InvariantCulture);
    }

    private static IEnumerable<(string Path, int Number)> Generations(IndexFolder folder) =>
        Directory.EnumerateDirectories(folder.Root, IndexFolder.GenerationPrefix + "*")
            .Select(d => (Path: d, Ok: int.TryParse(Path.GetFileName(d)[IndexFolder.GenerationPrefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n), Number: n))
            .Where(g => g.Ok)
            .Select(g => (g.Path, g.Number));

    /// <summary>Keeps the newest generations: a reader that opened the previous one may still be reading it.</summary>
    private static void RemoveOldGenerations(IndexFolder folder, int keep)
    {
        var current = folder.CurrentGeneration();
        foreach (var (path, _) in Generations(folder).OrderByDescending(g => g.Number).Skip(keep))
        {
            if (!string.Equals(path, current, StringComparison.Ordinal))
            {
                TryDelete(path);
            }
        }
    }

    /// <summary>Builds left behind by a killed process (we hold the lock, so none is running).</summary>
    private static void RemoveAbandonedBuilds(IndexFolder folder)
    {
        foreach (var dir in Directory.EnumerateDirectories(folder.Root, IndexFolder.BuildPrefix + "*"))
        {
            TryDelete(dir);
        }
    }

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // In use or not ours to delete: the next build tries again.
        }
    }
}
