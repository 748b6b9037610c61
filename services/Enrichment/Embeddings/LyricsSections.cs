using System.Text.RegularExpressions;

namespace RapAnalyzer.Enrichment.Embeddings;

/// <summary>
/// Splits lyrics into sections (verses, choruses...): a header line such as "[Verse 1: X]" or a blank line
/// starts a new section; headers are dropped. Each section is its non-empty lines, trimmed, joined by '\n'.
/// </summary>
public static partial class LyricsSections
{
    public static IReadOnlyList<string> Split(string lyrics)
    {
        ArgumentNullException.ThrowIfNull(lyrics);
        var sections = new List<string>();
        var current = new List<string>();
        foreach (var raw in lyrics.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || Header().IsMatch(line))
            {
                Flush();
                continue;
            }
            current.Add(line);
        }
        Flush();
        return sections;

        void Flush()
        {
            if (current.Count > 0) sections.Add(string.Join('\n', current));
            current.Clear();
        }
    }

    [GeneratedRegex(@"^\[[^\]]*\]$")]
    private static partial Regex Header();
}
