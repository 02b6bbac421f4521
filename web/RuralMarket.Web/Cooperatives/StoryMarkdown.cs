using Markdig;
using Markdig.Syntax;
using Markdig.Renderers.Html;
using Markdig.Syntax.Inlines;

namespace RuralMarket.Web.Cooperatives;

/// <summary>
/// Renders a cooperative's story (Markdown) as HTML that cannot carry script: raw HTML is escaped, images are
/// reduced to their text, and links keep only http, https and mailto targets.
/// </summary>
public static class StoryMarkdown
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().Build();

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            if (link.IsImage || !IsSafe(link.Url))
            {
                Unwrap(link);
            }
            else
            {
                link.GetAttributes().AddProperty("rel", "nofollow noopener");
            }
        }
        foreach (var autolink in document.Descendants<AutolinkInline>().Where(a => !IsSafe(a.Url)).ToList())
        {
            autolink.ReplaceBy(new LiteralInline(autolink.Url));
        }
        return document.ToHtml(Pipeline);
    }

    private static bool IsSafe(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "mailto";

    /// <summary>Keeps what the link says, drops where it goes.</summary>
    private static void Unwrap(LinkInline link)
    {
        var text = new ContainerInline();
        foreach (var child in link.ToList())
        {
            child.Remove();
            text.AppendChild(child);
        }
        link.ReplaceBy(text);
    }
}
