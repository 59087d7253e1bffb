using Help.Core.Index;
using Help.Core.Model;
using Help.Core.Query;
using Help.Core.Rendering.Text;
using Help.Indexer.Writing;
using Xunit;

namespace Help.Indexer.Tests.Writing;

public sealed class TopicsTableTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("pyhelp-table-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>A module page with a class and a method nested in it, sharing block instances as importers do.</summary>
    internal static List<Topic> SampleTopics()
    {
        var method = new Description("py:method", [new Signature("frobnicate(level=1)", "spam.Widget.frobnicate")],
            [new Paragraph([new TextRun("Turns the knob "), new Code("level"), new TextRun(" times.")])]);
        var cls = new Description("py:class", [new Signature("class spam.Widget(name)", "spam.Widget")],
            [new Paragraph([new TextRun("A widget with a "), new Emphasis([new TextRun("name")]), new TextRun(".")]), method]);
        var page = new Section([new TextRun("spam — Canned meat")], [new Paragraph([new TextRun("The spam module.")]), cls], "module-spam");
        Topic T(string key, TopicKind kind, Block body, string? parent = null, string? signature = null) => new()
        {
            Key = key, Kind = kind, DocSet = "fixture-1.0", Title = key, Body = [body], Parent = parent,
            Signature = signature, SourcePage = "library/spam.html", Anchor = key,
        };
        return
        [
            T("spam", TopicKind.Module, page) with { Aliases = ["library/spam"] },
            T("spam.Widget", TopicKind.Class, cls, "spam", "class spam.Widget(name)"),
            T("spam.Widget.frobnicate", TopicKind.Method, method, "spam.Widget", "frobnicate(level=1)"),
            T("Spam", TopicKind.Term, new Paragraph([new TextRun("A glossary entry that differs only in case.")])),
            T("frobnicate", TopicKind.Label, page) with { Related = ["spam", "Spam"] },
        ];
    }

    private string WriteTable(IReadOnlyList<Topic> topics, string name = "topics.tbl")
    {
        var path = Path.Combine(_dir, name);
        TopicsTableWriter.Write(path, NestedTopics.Apply(topics));
        return path;
    }

    [Fact]
    public void FindExact_ModuleKey_ReadsTopicBackWithAllFields()
    {
        using var table = TopicsTable.Open(WriteTable(SampleTopics()));
        var entry = Assert.Single(table.FindExact("spam.Widget"));
        var topic = table.ReadTopic(entry);
        Assert.Equal(TopicKind.Class, topic.Kind);
        Assert.Equal("class spam.Widget(name)", topic.Signature);
        Assert.Equal("spam", topic.Parent);
        Assert.Equal("library/spam.html#spam.Widget", topic.Source);
        Assert.Equal("fixture-1.0", topic.DocSet);
    }

    [Fact]
    public void Write_NestedTopic_StoredOnceAsInclude()
    {
        using var table = TopicsTable.Open(WriteTable(SampleTopics()));
        var cls = (Description)table.Find("spam.Widget", TopicKind.Class)!.Body[0];
        Assert.Equal(new TopicInclude("spam.Widget.frobnicate", TopicKind.Method), cls.Body[1]);
        // The label shares the module's page section: it points at the module rather than copying it.
        Assert.Equal([new TopicInclude("spam", TopicKind.Module)], table.Find("frobnicate", TopicKind.Label)!.Body);
        var method = (Description)table.Find("spam.Widget.frobnicate", TopicKind.Method)!.Body[0];
        Assert.Equal("frobnicate(level=1)", method.Signatures[0].Text);
    }

    [Fact]
    public void FindFolded_DifferentCase_FindsBothTopicsBestKindFirst()
    {
        using var table = TopicsTable.Open(WriteTable(SampleTopics()));
        var found = table.FindFolded("SPAM");
        Assert.Equal(["spam", "Spam"], found.Select(e => e.Key));
        Assert.Empty(table.FindExact("SPAM"));
    }

    [Fact]
    public void FindByLastName_MethodName_FindsDottedKeyAndAlias()
    {
        using var table = TopicsTable.Open(WriteTable(SampleTopics()));
        Assert.Contains(table.FindByLastName("frobnicate"), e => e.Key == "spam.Widget.frobnicate");
        Assert.Contains(table.FindExact("library/spam"), e => e.IsAlias && e.Kind == TopicKind.Module);
    }

    [Fact]
    public void FindOwn_KeyOnlyAnAlias_FindsNothingWhereFindFollowsTheAlias()
    {
        using var table = TopicsTable.Open(WriteTable(SampleTopics()));
        Assert.Equal("spam", table.Find("library/spam", TopicKind.Module)!.Key);
        Assert.Null(table.FindOwn("library/spam", TopicKind.Module, "fixture-1.0"));
        Assert.Equal("spam", table.FindOwn("spam", TopicKind.Module, "fixture-1.0")!.Key);
        Assert.Null(table.FindOwn("spam", TopicKind.Module, "other-2.0"));
    }

    [Fact]
    public void Write_SameTopicsInAnyOrder_ByteIdenticalFiles()
    {
        var topics = SampleTopics();
        var a = WriteTable(topics, "a.tbl");
        var b = WriteTable(topics.AsEnumerable().Reverse().ToList(), "b.tbl");
        Assert.Equal(File.ReadAllBytes(a), File.ReadAllBytes(b));
    }

    /// <summary>Enough topics for a directory of many pages (<see cref="TopicsTableFormat.DirectoryPageSize"/>).</summary>
    private static List<Topic> ManyTopics(int count) => Enumerable.Range(0, count).Select(i => new Topic
    {
        Key = $"pkg.module{i:D5}.function", Kind = TopicKind.Function, DocSet = "fixture-1.0", Title = $"function {i}",
        Body = [new Paragraph([new TextRun($"Function number {i}.")])],
    }).ToList();

    /// <summary>The file offset of the UTF-8 bytes of <paramref name="key"/> among the key strings.</summary>
    private static long KeyStringOffset(byte[] table, string key)
    {
        var strings = BitConverter.ToInt64(table, 48);
        var at = table.AsSpan((int)strings).IndexOf(System.Text.Encoding.UTF8.GetBytes(key));
        Assert.True(at >= 0, key);
        return strings + at;
    }

    [Fact]
    public void Read_KeyStringFlipped_TheLookupThatReadsItThrowsNamingThePage()
    {
        var path = WriteTable(SampleTopics());
        var bytes = File.ReadAllBytes(path);
        bytes[KeyStringOffset(bytes, "spam.Widget.frobnicate") + 2] ^= 0x20;
        File.WriteAllBytes(path, bytes);

        var e = Assert.Throws<InvalidDataException>(() =>
        {
            using var table = TopicsTable.Open(path);
            table.FindExact("spam.Widget.frobnicate");
        });

        Assert.Contains(path, e.Message);
        Assert.Contains("directory page 0 does not match its checksum", e.Message);
    }

    [Fact]
    public void Read_PageFarFromTheKeyDamaged_LookupAnswersAndVerifyFindsIt()
    {
        var path = WriteTable(ManyTopics(3000));
        var bytes = File.ReadAllBytes(path);
        var damagedAt = KeyStringOffset(bytes, "pkg.module02250.function");
        bytes[damagedAt + 4] ^= 0x20;
        File.WriteAllBytes(path, bytes);
        using var table = TopicsTable.Open(path);

        // A lookup checks only the pages it reads: the binary search for the first key never reads that string.
        Assert.Equal("function 0", table.ReadTopic(Assert.Single(table.FindExact("pkg.module00000.function"))).Title);
        // Whatever reads the damaged page says so, and the whole check does too.
        Assert.Throws<InvalidDataException>(() => table.AllKeys().ToList());
        var e = Assert.Throws<InvalidDataException>(table.Verify);
        var page = (damagedAt - TopicsTableHeader.Size) / TopicsTableFormat.DirectoryPageSize;
        Assert.True(page > 0);
        Assert.Contains($"directory page {page} does not match its checksum", e.Message);
    }

    [Fact]
    public void Open_PageChecksumFlipped_Throws()
    {
        var path = WriteTable(ManyTopics(3000));
        var bytes = File.ReadAllBytes(path);
        var records = BitConverter.ToInt64(bytes, 64);
        bytes[records - 3] ^= 0x01; // the last page's checksum, just before the records
        File.WriteAllBytes(path, bytes);

        var e = Assert.Throws<InvalidDataException>(() => TopicsTable.Open(path));

        Assert.Contains(path, e.Message);
        Assert.Contains("page checksums do not match the header", e.Message);
    }

    [Fact]
    public void Open_ManyPages_EveryKeyFoundAndVerified()
    {
        var path = WriteTable(ManyTopics(3000));
        using var table = TopicsTable.Open(path);
        Assert.True(new FileInfo(path).Length > 20 * TopicsTableFormat.DirectoryPageSize);
        Assert.Equal(3000, table.AllKeys().Count());
        Assert.Equal("function 1234", table.Find("pkg.module01234.function", TopicKind.Function)!.Title);
        table.Verify();
    }

    [Fact]
    public void Open_TruncatedFile_ThrowsNamingTheFile()
    {
        var path = WriteTable(SampleTopics());
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length - 10)]);
        var e = Assert.Throws<InvalidDataException>(() => TopicsTable.Open(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void Open_OtherFormatVersion_ThrowsWithBothVersions()
    {
        var path = WriteTable(SampleTopics());
        var bytes = File.ReadAllBytes(path);
        bytes[8] = 99;
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<InvalidDataException>(() => TopicsTable.Open(path));
        Assert.Contains("format 99", e.Message);
    }

    [Fact]
    public void Open_NotATable_Throws()
    {
        var path = Path.Combine(_dir, "junk.tbl");
        File.WriteAllText(path, new string('x', 200));
        Assert.Throws<InvalidDataException>(() => TopicsTable.Open(path));
    }

    [Fact]
    public void RenderText_KeywordInOneOfTwoDocSets_IncludesTheLabelOfItsOwnDocSet()
    {
        Topic Label(string docSet, string words) => new()
        {
            Key = "eject", Kind = TopicKind.Label, DocSet = docSet, Title = "The eject statement",
            Body = [new Section([new TextRun("The eject statement")], [new Paragraph([new TextRun(words)])], "eject")],
        };
        Topic Keyword(string docSet) => new()
        {
            Key = "eject", Kind = TopicKind.Keyword, DocSet = docSet, Title = "The eject statement",
            Body = [new TopicInclude("eject", TopicKind.Label)],
        };
        var generation = Directory.CreateDirectory(Path.Combine(_dir, "gen")).FullName;
        TopicsTableWriter.Write(Path.Combine(generation, TopicsTableFormat.FileName), NestedTopics.Apply(
            [Label("fixture-1", "Old words."), Label("fixture-2", "New words."), Keyword("fixture-1"), Keyword("fixture-2")]));
        using var index = HelpIndex.Open(generation);
        var query = new HelpQuery(index);

        var newer = query.Lookup("eject", TopicKind.Keyword, "fixture-2").Topic!;
        Assert.Contains("New words.", query.RenderText(newer, new TextRenderOptions()));
        Assert.Equal("New words.", query.Summary(newer));
        var older = query.Lookup("eject", TopicKind.Keyword, "fixture-1").Topic!;
        Assert.Contains("Old words.", query.RenderText(older, new TextRenderOptions()));
    }
}
