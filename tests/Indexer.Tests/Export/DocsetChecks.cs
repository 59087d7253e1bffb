using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Help.Indexer.Tests.Export;

/// <summary>Reads back a docset as Dash does: the index's schema and rows, and each row's page and anchor.</summary>
internal static partial class DocsetChecks
{
    public sealed record Entry(string Name, string Type, string Path);

    public static string Resources(string bundle) => Path.Combine(bundle, "Contents", "Resources");

    public static List<Entry> Entries(string bundle)
    {
        using var db = Open(bundle);
        using var select = db.CreateCommand();
        select.CommandText = "SELECT name, type, path FROM searchIndex ORDER BY id";
        using var reader = select.ExecuteReader();
        var entries = new List<Entry>();
        while (reader.Read())
        {
            entries.Add(new Entry(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }
        return entries;
    }

    /// <summary>The SQL of the table and the index as SQLite stores it.</summary>
    public static Dictionary<string, string> Schema(string bundle)
    {
        using var db = Open(bundle);
        using var select = db.CreateCommand();
        select.CommandText = "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL";
        using var reader = select.ExecuteReader();
        var schema = new Dictionary<string, string>();
        while (reader.Read())
        {
            schema[reader.GetString(0)] = reader.GetString(1);
        }
        return schema;
    }

    /// <summary>Null when the entry's page exists and holds its anchor; otherwise what is wrong.</summary>
    public static string? Problem(string bundle, Entry entry, Dictionary<string, HashSet<string>> idCache)
    {
        var hash = entry.Path.IndexOf('#');
        var page = Uri.UnescapeDataString(hash < 0 ? entry.Path : entry.Path[..hash]);
        var anchor = hash < 0 ? null : Uri.UnescapeDataString(entry.Path[(hash + 1)..]);
        if (!idCache.TryGetValue(page, out var ids))
        {
            var file = Path.Combine(Resources(bundle), "Documents", page);
            idCache[page] = ids = File.Exists(file)
                ? IdAttribute().Matches(File.ReadAllText(file)).Select(m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value)).ToHashSet()
                : null!;
        }
        if (ids is null) return $"{entry.Name} ({entry.Type}): no page {page}";
        if (anchor is not null && !ids.Contains(anchor)) return $"{entry.Name} ({entry.Type}): no id=\"{anchor}\" in {page}";
        return null;
    }

    private static SqliteConnection Open(string bundle)
    {
        var path = Path.Combine(Resources(bundle), "docSet.dsidx");
        Assert.True(File.Exists(path), $"{path} is missing");
        var db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        db.Open();
        return db;
    }

    [GeneratedRegex("\\sid=\"([^\"]*)\"")]
    private static partial Regex IdAttribute();
}
