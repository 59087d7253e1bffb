using System.Diagnostics;
using Help.Core.Index;
using Help.Indexer.Writing;
using Xunit;

namespace Help.Reliability.Tests;

/// <summary>
/// A full or read-only disk while publishing: a clear error naming the index folder, and the previous
/// index left current and whole. Tests run as root here, which ignores permission bits, so a full disk is
/// injected (an <see cref="IOException"/> with errno ENOSPC, as .NET raises it) and a read-only folder is
/// made with <c>chattr +i</c> (immutable, which binds root too), where the file system supports it.
/// </summary>
[Collection(ProcessEnvironment.Name)]
public sealed class DiskFaultTests : IDisposable
{
    private readonly FixtureIndex _fixture = new();

    public void Dispose() => _fixture.Dispose();

    [Theory]
    [InlineData("while writing")]
    [InlineData("build-started")]
    [InlineData("files-written")]
    [InlineData("sealed")]
    [InlineData("generation-moved")]
    [InlineData("pointer-written")]
    public void Publish_DiskFull_ErrorNamesTheFolderAndPreviousIndexStays(string when)
    {
        _fixture.Build(marker: 1);
        var good = IndexAnswers.Read(_fixture.Folder);

        var e = Assert.Throws<IOException>(() =>
        {
            if (when == "while writing")
            {
                IndexPublisher.Publish(_fixture.Folder, dir =>
                {
                    File.WriteAllText(Path.Combine(dir, TopicsTableFormat.FileName), "half a ta");
                    throw new IOException("No space left on device : '" + dir + "'", 28);
                });
            }
            else
            {
                Environment.SetEnvironmentVariable(IndexPublisher.FaultVariable, $"{when}:enospc");
                try
                {
                    _fixture.Build(marker: 2);
                }
                finally
                {
                    Environment.SetEnvironmentVariable(IndexPublisher.FaultVariable, null);
                }
            }
        });

        Assert.Contains(_fixture.IndexDir, e.Message);
        Assert.Contains("the disk is full", e.Message);
        Assert.Contains("previous index", e.Message);
        var after = IndexAnswers.Read(_fixture.Folder);
        Assert.Equal(good.Generation, after.Generation);
        Assert.Equal(1, after.MarkerInTopic);
        Assert.Empty(Directory.GetDirectories(_fixture.IndexDir, IndexFolder.BuildPrefix + "*"));
    }

    [Fact]
    public void Publish_ReadOnlyIndexFolder_ErrorNamesTheFolderAndPreviousIndexStays()
    {
        _fixture.Build(marker: 1);
        var good = IndexAnswers.Read(_fixture.Folder);
        if (!Chattr("+i", _fixture.IndexDir))
        {
            Assert.Skip("chattr +i is not available on this file system; the full-disk tests cover the same path");
        }
        try
        {
            var e = Assert.Throws<IOException>(() => _fixture.Build(marker: 2));
            Assert.Contains(_fixture.IndexDir, e.Message);
            Assert.Contains("previous index", e.Message);
        }
        finally
        {
            Chattr("-i", _fixture.IndexDir);
        }
        Assert.Equal(good, IndexAnswers.Read(_fixture.Folder) with { TinHits = good.TinHits });
        // And once writable again, the next build succeeds.
        _fixture.Build(marker: 3);
        Assert.Equal(3, IndexAnswers.Read(_fixture.Folder).MarkerInTopic);
    }

    [Fact]
    public void Publish_IndexPathIsAFile_ErrorNamesIt()
    {
        Directory.CreateDirectory(_fixture.Root);
        File.WriteAllText(_fixture.IndexDir, "a file where the index folder should be");
        var e = Assert.Throws<IOException>(() => _fixture.Build());
        Assert.Contains(_fixture.IndexDir, e.Message);
    }

    [Fact]
    public void FaultHook_Unset_DoesNothing()
    {
        Assert.Null(Environment.GetEnvironmentVariable(IndexPublisher.FaultVariable));
        _fixture.Build(marker: 5);
        Assert.Equal(5, IndexAnswers.Read(_fixture.Folder).MarkerInTopic);
    }

    private static bool Chattr(string flag, string path)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo("chattr", [flag, path]) { RedirectStandardError = true, UseShellExecute = false })!;
            p.WaitForExit();
            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}

/// <summary>Tests that set process-wide environment variables (the fault hook): run alone, so no other test's build meets the fault.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironment
{
    public const string Name = "process environment";
}
