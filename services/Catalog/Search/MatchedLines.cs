using System.Text.RegularExpressions;

namespace RapAnalyzer.Catalog.Search;

/// <summary>
/// The 1–3 lines of a track that match a query best: the lines holding the most distinct query words (the last as a
/// prefix, as text search matches it), in lyric order among equals, with the matched words as spans rather than
/// markup, so no client has to escape anything; for a hit found by meaning alone, lines of its most similar section.
/// </summary>
public static partial class MatchedLines
{
    public const int MaxLines = 3;

    public static IReadOnlyList<MatchedLine> Find(string lyrics, string query)
    {
        var words = QueryText.Words(query);
        if (words.Count == 0)
        {
            return [];
        }
        var exact = words.ToHashSet(StringComparer.Ordinal);
        var prefix = words[^1].Length >= 3 ? words[^1] : null;
        var scored = new List<(int Score, int Index, MatchedLine Line)>();
        var index = 0;
        foreach (var raw in lyrics.Split('\n'))
        {
            var line = raw.TrimEnd('\r');
            index++;
            if (line.Length == 0 || SectionHeader().IsMatch(line))
            {
                continue;
            }
            var spans = new List<int[]>();
            var found = new HashSet<string>(StringComparer.Ordinal);
            foreach (Match word in Word().Matches(line))
            {
                var lower = word.Value.ToLowerInvariant();
                if (exact.Contains(lower) || (prefix is not null && lower.StartsWith(prefix, StringComparison.Ordinal)))
                {
                    spans.Add([word.Index, word.Index + word.Length]);
                    found.Add(exact.Contains(lower) ? lower : prefix!);
                }
            }
            if (found.Count > 0)
            {
                scored.Add((found.Count, index, new MatchedLine(line, spans)));
            }
        }
        return scored.OrderByDescending(s => s.Score).ThenBy(s => s.Index).Take(MaxLines)
            .OrderBy(s => s.Index).Select(s => s.Line).ToList();
    }

    /// <summary>
    /// The lines of a hit found by meaning: those of its most similar section that hold query words, as
    /// <see cref="Find"/> picks them, or, when none does, the section's opening lines.
    /// </summary>
    public static IReadOnlyList<MatchedLine> InSection(string section, string query) =>
        Find(section, query) is { Count: > 0 } matched
            ? matched
            : [.. section.Split('\n').Where(line => line.Length > 0).Take(MaxLines).Select(line => new MatchedLine(line, []))];

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();

    [GeneratedRegex(@"^\s*\[[^\]]*\]\s*$")]
    private static partial Regex SectionHeader();
}
