using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using RapAnalyzer.Scraper.Validation;

namespace RapAnalyzer.Scraper.Genius;

/// <summary>
/// The lyrics of a Genius song page: the text of every <c>div[data-lyrics-container="true"]</c>, with <c>&lt;br&gt;</c>
/// as line breaks, link and formatting text kept, and Genius's own furniture inside the containers dropped.
/// </summary>
public static class LyricsPageExtractor
{
    public const string ContainerSelector = "div[data-lyrics-container='true']";

    // What Genius puts inside the containers that is not lyrics: the header with contributor counts and the
    // "Read More" blurb (both marked data-exclude-from-selection), in-read ads and players, and non-text elements.
    private const string NotLyricsSelector =
        "[data-exclude-from-selection='true'], [class*='LyricsHeader'], [class*='ReadMore'], [class*='Inread'], "
        + "[class*='InRead'], [class*='Ad__'], [class*='SidebarAd'], [class*='PrimisPlayer'], [data-ad-slot], "
        + "script, style, noscript, template, iframe, button, svg, img, input, textarea, select";

    private static readonly HashSet<string> BlockElements =
        ["div", "p", "li", "ul", "ol", "section", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table"];

    /// <summary>
    /// The lyrics, or null when the page has none: no container (Genius shows its placeholder message outside them), or
    /// containers holding only a placeholder such as "[Instrumental]" or "[?]".
    /// </summary>
    public static string? Extract(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        var containers = document.QuerySelectorAll(ContainerSelector)
            .Where(container => container.ParentElement?.Closest(ContainerSelector) is null);

        var text = new StringBuilder();
        foreach (var container in containers)
        {
            AppendText(container, text);
            EndLine(text);
        }
        var lyrics = LyricsText.Normalize(text.ToString());
        return PlaceholderLyrics.IsPlaceholder(lyrics) ? null : lyrics;
    }

    private static void AppendText(INode node, StringBuilder text)
    {
        foreach (var child in node.ChildNodes)
        {
            switch (child)
            {
                case IText fragment:
                    // Line breaks in the HTML source are spaces to a browser; only <br> and blocks break lines.
                    text.Append(fragment.Data.ReplaceLineEndings(" ").Replace('\t', ' '));
                    break;
                case IElement { LocalName: "br" }:
                    text.Append('\n');
                    break;
                case IElement element when element.Matches(NotLyricsSelector):
                    break;
                case IElement element when BlockElements.Contains(element.LocalName):
                    EndLine(text);
                    AppendText(element, text);
                    EndLine(text);
                    break;
                case IElement element:
                    AppendText(element, text);
                    break;
            }
        }
    }

    /// <summary>A block starts and ends a line, as in a browser, but adds no blank line after a <c>&lt;br&gt;</c>.</summary>
    private static void EndLine(StringBuilder text)
    {
        if (text.Length > 0 && text[^1] != '\n')
        {
            text.Append('\n');
        }
    }
}
