using Help.Core.Model;
using Help.Indexer.Pipeline;
using Markdig;

namespace Help.Indexer.Sources.Markdown;

/// <summary>
/// Imports Markdown topic files: one file is one topic, keyed by its front matter's <c>key</c> (else
/// its file name), titled by <c>title</c> (else its first heading), of kind <c>kind</c> (else
/// <c>page</c>), with its <c>aliases</c> and <c>related</c> keys; each heading below the first is also
/// a section topic keyed <c>key#anchor</c>, as Sphinx's sections are. See <see cref="FrontMatter"/>.
/// </summary>
public static class MarkdownImporter
{
    /// <summary>The doc set of topics whose front matter and configuration name none.</summary>
    public const string DefaultDocSet = "docs";

    // Built once: Markdig's pipelines are immutable and thread-safe.
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UsePipeTables().Build();

    /// <summary>
    /// A Markdown topic file, recognized by content: front matter naming a <c>key</c> or <c>title</c>.
    /// A <c>.md</c> file of text is taken as Markdown too, since Markdown has no mark of its own.
    /// </summary>
    public static bool LooksLikeTopic(string head, string path)
    {
        if (head.StartsWith("---", StringComparison.Ordinal))
        {
            var (matter, _, _) = FrontMatter.Parse(head);
            if (matter.Key is not null || matter.Title is not null)
            {
                return true;
            }
        }
        return path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !head.Contains('\0');
    }

    /// <summary>Every <c>*.md</c> file under <paramref name="root"/>, in ordinal order of their paths.</summary>
    public static IReadOnlyList<Topic> ImportFolder(string root, string? docSet, Diagnostics diagnostics)
    {
        var files = Directory.EnumerateFiles(root, "*.md", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        // Links between files name files; topics are found by key: learn every file's key first.
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            if (Read(Path.Combine(root, file), diagnostics) is { } text)
            {
                texts[file] = text;
                keys[file] = FrontMatter.Parse(text).Matter.Key ?? KeyFromName(file);
            }
        }
        var topics = new List<Topic>();
        foreach (var file in files.Where(texts.ContainsKey))
        {
            topics.AddRange(Import(Path.Combine(root, file), file, texts[file], docSet, diagnostics, url => LinkKey(file, url, keys)));
        }
        return topics;
    }

    /// <summary>One file given on its own; links to other files resolve to those files' names.</summary>
    public static IReadOnlyList<Topic> ImportFile(string path, string root, string? docSet, Diagnostics diagnostics)
    {
        var relative = Path.GetRelativePath(root, path).Replace('\\', '/');
        return Read(path, diagnostics) is { } text
            ? Import(path, relative, text, docSet, diagnostics, url => LinkKey(relative, url, new Dictionary<string, string>()))
            : [];
    }

    /// <summary>
    /// Converts one file's text. Problems in the front matter are warnings with their line; the
    /// topic is still made from what could be read.
    /// </summary>
    public static IReadOnlyList<Topic> Import(string path, string sourcePage, string text, string? docSet, Diagnostics diagnostics,
        Func<string, string?>? linkKey = null)
    {
        try
        {
            return Convert(path, sourcePage, text, docSet, diagnostics, linkKey ?? (_ => null));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // The contract is to report and go on; a failure here is a bug to fix, so it says what it was.
            diagnostics.Skip(path, $"could not be converted ({e.GetType().Name}: {e.Message})");
            return [];
        }
    }

    private static IReadOnlyList<Topic> Convert(string path, string sourcePage, string text, string? docSet, Diagnostics diagnostics,
        Func<string, string?> linkKey)
    {
        if (text.Trim().Length == 0)
        {
            diagnostics.Skip(path, "empty file");
            return [];
        }
        var (matter, body, problems) = FrontMatter.Parse(text);
        foreach (var (line, message) in problems)
        {
            diagnostics.Warn(path, $"front matter, line {line}: {message}");
        }
        var key = matter.Key ?? KeyFromName(sourcePage);
        var kind = TopicKind.Page;
        if (matter.Kind is { } kindName && !TopicKinds.TryParse(kindName, out kind))
        {
            diagnostics.Warn(path, $"front matter: unknown kind '{kindName}', read as 'page'");
            kind = TopicKind.Page;
        }
        var set = docSet ?? matter.DocSet ?? DefaultDocSet;

        var converter = new MarkdownBlockConverter(linkKey);
        var blocks = converter.ConvertDocument(Markdig.Markdown.Parse(body, Pipeline));
        // The file's own heading, when it comes first and alone at its level, is the topic's title.
        var top = blocks is [Section only] ? only : null;
        var title = matter.Title ?? (top is not null ? MarkdownBlockConverter.PlainText(top.Title) : key);
        var topSection = top ?? new Section([new TextRun(title)], blocks, null);
        if (topSection.Body.Count == 0 && topSection.Title.Count == 0)
        {
            diagnostics.Skip(path, "no content");
            return [];
        }

        var topics = new List<Topic>
        {
            new()
            {
                Key = key,
                Kind = kind,
                DocSet = set,
                Title = title,
                SourcePage = sourcePage,
                Aliases = matter.Aliases,
                Related = matter.Related,
                Body = [topSection],
                Origin = path,
            },
        };
        foreach (var (section, _, sectionTitle) in converter.Sections)
        {
            if (ReferenceEquals(section, topSection) || section.Anchor is null)
            {
                continue;
            }
            topics.Add(new Topic
            {
                Key = $"{key}#{section.Anchor}",
                Kind = TopicKind.Section,
                DocSet = set,
                Title = sectionTitle,
                Parent = key,
                SourcePage = sourcePage,
                Anchor = section.Anchor,
                Body = [section],
                Origin = path,
            });
        }
        return topics;
    }

    private static string? Read(string path, Diagnostics diagnostics) => SourceText.ReadTopicFile(path, "Markdown", diagnostics);

    private static string KeyFromName(string relativePath) => Path.GetFileNameWithoutExtension(relativePath);

    /// <summary>
    /// The key a relative link names: <c>pyhelp-search.md</c> (a file beside this one, with an optional
    /// <c>#anchor</c>) becomes that file's key, <c>pyhelp-search.md#exit-codes</c> its section key.
    /// Anything else is kept as written: a bare key such as <c>asyncio.run</c> already is one.
    /// </summary>
    private static string? LinkKey(string fromFile, string url, IReadOnlyDictionary<string, string> keys)
    {
        var hash = url.IndexOf('#');
        var file = hash >= 0 ? url[..hash] : url;
        var anchor = hash >= 0 ? url[(hash + 1)..] : null;
        if (!file.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        var folder = Path.GetDirectoryName(fromFile)?.Replace('\\', '/') ?? "";
        var target = Path.GetFullPath(Path.Combine("/", folder, file))[1..].Replace('\\', '/');
        var key = keys.GetValueOrDefault(target) ?? KeyFromName(file);
        return anchor is { Length: > 0 } ? $"{key}#{anchor}" : key;
    }
}
