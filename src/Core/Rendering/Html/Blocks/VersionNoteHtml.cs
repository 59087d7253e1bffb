using Help.Core.Model;
using static Help.Core.Rendering.Html.HtmlText;

namespace Help.Core.Rendering.Html.Blocks;

/// <summary>A version note: <c>div.versionadded</c> (changed, deprecated, removed) with Sphinx's words.</summary>
internal sealed class VersionNoteHtml : HtmlBlockRenderer<VersionNote>
{
    protected override void Write(HtmlRenderContext c, VersionNote v)
    {
        var o = c.Out;
        o.Append("<div class=\"").Append(VersionClass(v.Change)).Append("\"><p><span class=\"versionmodified\">")
            .Append(Escape(VersionWords(v))).Append("</span></p>");
        c.WriteBlocks(v.Body);
        o.Append("</div>");
    }

    private static string VersionClass(VersionChange change) => change switch
    {
        VersionChange.Added => "versionadded",
        VersionChange.Changed => "versionchanged",
        VersionChange.Deprecated => "deprecated",
        _ => "versionremoved",
    };

    private static string VersionWords(VersionNote v) => v.Change switch
    {
        VersionChange.Added => $"New in version {v.Version}.",
        VersionChange.Changed => $"Changed in version {v.Version}:",
        VersionChange.Deprecated when v.RemovedIn is not null => $"Deprecated since version {v.Version}, will be removed in version {v.RemovedIn}:",
        VersionChange.Deprecated => $"Deprecated since version {v.Version}:",
        _ => $"Removed in version {v.Version}.",
    };
}
