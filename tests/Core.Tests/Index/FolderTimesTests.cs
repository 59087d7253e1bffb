using Help.Core.Index;
using Xunit;

namespace Help.Core.Tests.Index;

/// <summary>The times the freshness check reads (statx relative to the root on Linux) are the framework's.</summary>
public sealed class FolderTimesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("pyhelp-times-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void LastWriteTimeUtc_Folders_EqualDirectoryGetLastWriteTimeUtc()
    {
        string[] folders = ["a", Path.Combine("a", "b"), Path.Combine("a", "b", "c d"), "é"];
        foreach (var f in folders)
        {
            Directory.CreateDirectory(Path.Combine(_root, f));
        }
        File.WriteAllText(Path.Combine(_root, "a", "b", "page.html"), "x");
        Directory.SetLastWriteTimeUtc(Path.Combine(_root, "é"), new DateTime(2020, 2, 29, 12, 34, 56, 789, DateTimeKind.Utc).AddTicks(1234));

        using var times = new FolderTimes(_root);

        Assert.Equal(OperatingSystem.IsLinux(), times.RelativeToRoot);
        foreach (var f in folders)
        {
            Assert.Equal(Directory.GetLastWriteTimeUtc(Path.Combine(_root, f)), times.LastWriteTimeUtc(f));
        }
        Assert.Equal(new DateTime(2020, 2, 29, 12, 34, 56, 789, DateTimeKind.Utc).AddTicks(1234), times.LastWriteTimeUtc("é"));
        Assert.Equal(Directory.GetLastWriteTimeUtc(_root), times.LastWriteTimeUtc(""));
    }

    [Fact]
    public void LastWriteTimeUtc_RootThroughASymbolicLink_IsTheFolderItLeadsTo()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }
        // A page added to the folder moves the folder's time, never the link's (which the framework would read).
        var target = Path.Combine(_root, "target");
        Directory.CreateDirectory(Path.Combine(target, "a"));
        Directory.SetLastWriteTimeUtc(target, new DateTime(2021, 3, 4, 5, 6, 7, DateTimeKind.Utc));
        var link = Path.Combine(_root, "link");
        Directory.CreateSymbolicLink(link, target);
        using var times = new FolderTimes(link);

        Assert.Equal(new DateTime(2021, 3, 4, 5, 6, 7, DateTimeKind.Utc), times.LastWriteTimeUtc(""));
        Assert.Equal(Directory.GetLastWriteTimeUtc(Path.Combine(link, "a")), times.LastWriteTimeUtc("a"));
    }

    [Fact]
    public void LastWriteTimeUtc_GoneOrAFile_AsTheFrameworkSays()
    {
        File.WriteAllText(Path.Combine(_root, "file"), "x");
        using var times = new FolderTimes(_root);

        Assert.Equal(DateTime.FromFileTimeUtc(0), times.LastWriteTimeUtc("missing"));
        Assert.Equal(Directory.GetLastWriteTimeUtc(Path.Combine(_root, "file")), times.LastWriteTimeUtc("file"));
    }

    [Fact]
    public void LastWriteTimeUtc_RootGone_AsTheFrameworkSays()
    {
        using var times = new FolderTimes(Path.Combine(_root, "nowhere"));
        Assert.Equal(DateTime.FromFileTimeUtc(0), times.LastWriteTimeUtc("a"));
        Assert.Equal(DateTime.FromFileTimeUtc(0), times.LastWriteTimeUtc(""));
    }
}
