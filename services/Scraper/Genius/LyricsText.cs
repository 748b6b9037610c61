using System.Text;
using System.Text.RegularExpressions;

namespace RapAnalyzer.Scraper.Genius;

/// <summary>
/// Lays out extracted lyrics: lines trimmed with runs of spaces collapsed, each section header (<c>[Verse 1: X]</c>)
/// on its own line with one blank line before it, and never more than one blank line in a row.
/// </summary>
public static partial class LyricsText
{
    // Brackets holding a letter: "[Chorus]" is a header, "[?]" (a word nobody could make out) is not.
    [GeneratedRegex(@"^\[(?=[^\]]*\p{L})[^\[\]\n]+\]")]
    private static partial Regex SectionHeader();

    public static bool IsSectionHeader(ReadOnlySpan<char> line)
    {
        var matches = SectionHeader().EnumerateMatches(line);
        return matches.MoveNext() && matches.Current.Length == line.Length;
    }

    public static string Normalize(string raw)
    {
        var output = new StringBuilder(raw.Length);
        var blankPending = false;
        var afterHeader = false;
        foreach (var line in Lines(raw))
        {
            if (line.Length == 0)
            {
                blankPending = output.Length > 0 && !afterHeader;
                continue;
            }
            var isHeader = IsSectionHeader(line);
            if (output.Length > 0)
            {
                output.Append(blankPending || isHeader ? "\n\n" : "\n");
            }
            output.Append(line);
            blankPending = false;
            afterHeader = isHeader;
        }
        return output.ToString();
    }

    private static IEnumerable<string> Lines(string raw)
    {
        foreach (var rawLine in Clean(raw).Split('\n'))
        {
            var line = string.Join(' ', rawLine.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            var header = SectionHeader().Match(line);
            if (header.Success && header.Length < line.Length)
            {
                yield return header.Value;
                yield return line[header.Length..].TrimStart();
            }
            else
            {
                yield return line;
            }
        }
    }

    /// <summary>Composed Unicode, '\n' as the only line break, every other space a plain space, zero-width spaces gone.</summary>
    private static string Clean(string raw)
    {
        var text = raw.ReplaceLineEndings("\n").Normalize(NormalizationForm.FormC);
        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '\u200B' or '\u2060' or '\uFEFF')
            {
                continue;
            }
            clean.Append(c != '\n' && char.IsWhiteSpace(c) ? ' ' : c);
        }
        return clean.ToString();
    }
}
