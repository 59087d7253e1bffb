using Help.Core.Model;
using Help.Indexer.Sources.PydocTopics;

namespace Help.Indexer.Pipeline;

/// <summary>
/// Adds pydoc's keywords, topics and symbols (<c>assert</c>, <c>FORMATTING</c>, <c>%</c>) to each Python
/// doc set: each shows the section its label names, followed by pydoc's related topics.
/// </summary>
public static class PydocKeyTopics
{
    /// <summary>Whether a doc set is Python's own (<c>python-3.11</c>), the one pydoc's keys belong to.</summary>
    public static bool IsPythonDocSet(string docSet) => DocSetNames.Project(docSet) == "python" && DocSetNames.Version(docSet) > new Version(0, 0);

    public static IEnumerable<Topic> Create(PydocKeyMap map, IReadOnlyDictionary<(string DocSet, string Key), Topic> labels,
        IEnumerable<string> docSets, Diagnostics diagnostics, string mapPath)
    {
        var requests = map.Symbols.Concat(map.Keywords).Concat(map.Topics).Distinct(StringComparer.Ordinal).ToList();
        foreach (var docSet in docSets)
        {
            var missing = new List<string>();
            foreach (var request in requests)
            {
                // The first of pydoc's answers whose label this doc set has (on the page it must be on):
                // "_" is a symbol in pydoc 3.11 and a soft keyword after it; "type" needs 3.12's statement.
                var found = map.ResolveAll(request)
                    .Select(t => (Target: t, Label: labels.GetValueOrDefault((docSet, t.Label))))
                    .FirstOrDefault(p => p.Label is not null
                        && (p.Target.RequiredPage is null || p.Label.SourcePage is null || p.Label.SourcePage == p.Target.RequiredPage));
                if (found.Label is null && map.UndocumentedTopic(request) is { } undocumented)
                {
                    // pydoc's answer, word for word: the key is pydoc's, and pydoc documents it nowhere.
                    yield return new Topic
                    {
                        Key = request,
                        Kind = TopicKind.Symbol,
                        DocSet = docSet,
                        Title = undocumented,
                        Body = [new Paragraph([new TextRun($"no documentation found for '{undocumented}'")])],
                        Origin = mapPath,
                    };
                    continue;
                }
                if (found.Label is null)
                {
                    if (map.Resolve(request) is { } wanted)
                    {
                        missing.Add($"{request} ({wanted.Label})");
                    }
                    continue; // True, False, None: pydoc shows the object; the key resolves to its data entry.
                }
                var (target, label) = (found.Target, found.Label);
                yield return new Topic
                {
                    Key = request,
                    Kind = target.Kind,
                    DocSet = docSet,
                    Title = label.Title,
                    Role = label.Role,
                    SourcePage = label.SourcePage,
                    Anchor = label.Anchor,
                    Related = target.Related,
                    Body = [new TopicInclude(label.Key, label.Kind)],
                    Origin = mapPath,
                };
            }
            if (missing.Count > 0 && missing.Count < requests.Count)
            {
                diagnostics.Warn(mapPath, $"{docSet}: {missing.Count} pydoc keys name labels this doc set lacks: {string.Join(", ", missing.Take(12))}{(missing.Count > 12 ? ", ..." : "")}");
            }
        }
    }
}
