using System.Text.RegularExpressions;
using RapAnalyzer.Scraper.Genius;

namespace RapAnalyzer.Scraper.Validation;

/// <summary>
/// Lyrics that are no lyrics: nothing but section headers, "[?]", "(Instrumental)" or the notice Genius shows for an
/// instrumental or a song whose words are not released or transcribed yet. Stored, such a track would have no words, an
/// embedding of nothing, and the content hash of empty text that every other one shares.
/// </summary>
public static partial class PlaceholderLyrics
{
    [GeneratedRegex(@"^(?:[\[(]?instrumental[\])]?|this song is an instrumental\.?|lyrics for this song have yet to be (?:released|transcribed)\b.*)$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Notice();

    public static bool IsPlaceholder(string lyrics)
    {
        foreach (var rawLine in lyrics.AsSpan().EnumerateLines())
        {
            var line = rawLine.Trim();
            if (HasWords(line) && !LyricsText.IsSectionHeader(line) && !Notice().IsMatch(line))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>As <see cref="RapAnalyzer.Contracts.LyricsHash"/> sees it: a line without a letter or digit ("[?]", "...") hashes as nothing.</summary>
    private static bool HasWords(ReadOnlySpan<char> line)
    {
        foreach (var c in line)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }
        return false;
    }
}
