using Help.Core.Index;
using Xunit;

namespace Help.Core.Tests.Index;

/// <summary>When a lookup sees that the sources changed and builds again: what the stamp of a source notices.</summary>
public sealed class SourceFingerprintTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pyhelp-fingerprint-").FullName;

    public SourceFingerprintTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "library", "deep"));
        Directory.CreateDirectory(Path.Combine(_dir, "_static"));
        File.WriteAllText(Path.Combine(_dir, "library", "deep", "page.html"), "<p>one</p>");
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>The fingerprint as a later lookup reads it: written into a manifest, then read back.</summary>
    private SourceFingerprint StampedAndStored()
    {
        var generation = Directory.CreateTempSubdirectory("pyhelp-fingerprint-gen-").FullName;
        try
        {
            new IndexManifest { Sources = [SourceFingerprint.Of(_dir)] }.Write(generation);
            return Assert.Single(IndexManifest.TryRead(generation)!.Sources);
        }
        finally
        {
            Directory.Delete(generation, recursive: true);
        }
    }

    // Directory times have a resolution the tests must not race: move them by hand, as a later install would.
    private static void Touch(string folder) => Directory.SetLastWriteTimeUtc(folder, Directory.GetLastWriteTimeUtc(folder).AddSeconds(5));

    [Fact]
    public void IsUnchanged_NothingTouched_True()
    {
        var stamp = StampedAndStored();

        Assert.Equal(["_static", "library", Path.Combine("library", "deep")], stamp.Folders);
        Assert.True(stamp.IsUnchanged());
    }

    [Fact]
    public void IsUnchanged_SphinxTreeRebuilt_False()
    {
        var inventory = Path.Combine(_dir, "objects.inv");
        File.WriteAllText(inventory, "# Sphinx inventory version 2");
        var stamp = StampedAndStored();
        Assert.Null(stamp.Folders); // the inventory stands for the tree: no folder is stated on a lookup
        Assert.True(stamp.IsUnchanged());

        // Sphinx writes objects.inv on every build, and an upgrade replaces it.
        File.SetLastWriteTimeUtc(inventory, File.GetLastWriteTimeUtc(inventory).AddSeconds(5));

        Assert.False(stamp.IsUnchanged());
    }

    [Fact]
    public void IsUnchanged_SphinxTreeLosesItsInventory_False()
    {
        File.WriteAllText(Path.Combine(_dir, "objects.inv"), "# Sphinx inventory version 2");
        var stamp = StampedAndStored();

        File.Delete(Path.Combine(_dir, "objects.inv"));

        Assert.False(stamp.IsUnchanged());
    }

    [Fact]
    public void IsUnchanged_FileAddedDeepDown_False()
    {
        var stamp = StampedAndStored();
        var deep = Path.Combine(_dir, "library", "deep");
        File.WriteAllText(Path.Combine(deep, "new.html"), "<p>two</p>");
        Touch(deep);

        Assert.False(stamp.IsUnchanged());
    }

    [Fact]
    public void IsUnchanged_FolderAdded_False()
    {
        var stamp = StampedAndStored();
        Directory.CreateDirectory(Path.Combine(_dir, "library", "added"));
        Touch(Path.Combine(_dir, "library"));

        Assert.False(stamp.IsUnchanged());
    }

    [Fact]
    public void IsUnchanged_FolderRemoved_False()
    {
        var stamp = StampedAndStored();
        Directory.Delete(Path.Combine(_dir, "_static"));

        Assert.False(stamp.IsUnchanged());
    }

    [Fact]
    public void IsUnchanged_SourceGone_False()
    {
        var stamp = StampedAndStored();
        Directory.Delete(_dir, recursive: true);
        Directory.CreateDirectory(_dir);

        Assert.False(stamp.IsUnchanged());
    }

    [Fact]
    public void IsUnchanged_FileSourceRewrittenLonger_False()
    {
        var file = Path.Combine(_dir, "topics.py");
        File.WriteAllText(file, "topics = {}");
        var stamp = SourceFingerprint.Of(file);
        Assert.Null(stamp.Folders);
        Assert.True(stamp.IsUnchanged());

        File.WriteAllText(file, "topics = {'assert': ''}");

        Assert.False(stamp.IsUnchanged());
    }
}
