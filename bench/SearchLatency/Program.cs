using System.Diagnostics;
using Help.Core.Index;
using Help.Core.Model;
using Help.Core.Query;
using Help.Core.Search;

// search-latency [INDEX_DIR] [COUNT]: HelpQuery.Search (what pyhelp -k and the server's /api/search run)
// over COUNT queries (default 2,000) in one process, after a warm-up; prints median, p90, p99 and max.
// The queries mix the kinds a reader types: names from the index itself (whole dotted names, last
// names, names with one letter swapped, i.e. typos), words of their summaries as prose, and questions.
var folder = IndexFolder.Resolve(args.Length > 0 ? args[0] : null);
var count = args.Length > 1 && int.TryParse(args[1], out var n) ? n : 2000;
var generation = folder.CurrentGeneration() ?? throw new InvalidOperationException($"no index in {folder.Root}: build one first");
using var index = HelpIndex.Open(generation);
var query = new HelpQuery(index);

var random = new Random(20261121);
var keys = index.Table.AllKeys().Where(e => !e.IsAlias && e.Kind is not TopicKind.Section).Select(e => e.Key).Distinct().ToArray();
string[] questions =
[
    "how do I read a file line by line", "how to get the current date and time", "run coroutines concurrently",
    "format string syntax", "walrus operator", "thread pool", "how do I parse command line arguments",
    "sort a list by key", "remove a directory tree", "environment variables",
];
string Swap(string s)
{
    if (s.Length < 4) return s;
    var i = random.Next(1, s.Length - 2);
    var c = s.ToCharArray();
    (c[i], c[i + 1]) = (c[i + 1], c[i]);
    return new string(c);
}
var queries = new List<string>(count);
while (queries.Count < count)
{
    var key = keys[random.Next(keys.Length)];
    queries.Add((queries.Count % 5) switch
    {
        0 => key,
        1 => TopicsTableFormat.LastName(key),
        2 => Swap(TopicsTableFormat.LastName(key)),
        3 => string.Join(' ', (query.Summary(index.Table.ReadTopic(index.Table.FindExact(key).First())) + " text")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(random.Next(2, 5))),
        _ => questions[random.Next(questions.Length)],
    });
}

foreach (var q in queries.Take(50))
{
    query.Search(new SearchQuery(q, 20)); // warm-up: JIT, SQLite page cache
}
var times = new List<double>(queries.Count);
var clock = new Stopwatch();
var results = 0L;
foreach (var q in queries)
{
    clock.Restart();
    results += query.Search(new SearchQuery(q, 20)).Count;
    times.Add(clock.Elapsed.TotalMilliseconds);
}
times.Sort();
double At(double p) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(p * times.Count) - 1)];
Console.WriteLine($"index: {generation}");
Console.WriteLine($"queries: {times.Count} (names, last names, typos, summary words, questions), {results} results in all, limit 20");
Console.WriteLine($"latency ms: median {At(0.5):F2}  p90 {At(0.9):F2}  p99 {At(0.99):F2}  max {times[^1]:F2}  mean {times.Average():F2}");
