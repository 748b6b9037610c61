namespace RapAnalyzer.Inference.Analysis.Embedded;

/// <summary>
/// Lyrics as their sections (blocks between blank lines or [Verse]/[Chorus] headers) and lyric lines (headers and
/// blank lines left out): what themes are matched on and sentiment is scored over.
/// </summary>
public static class LyricsSections
{
    public static IReadOnlyList<string> Lines(string lyrics) =>
        [.. lyrics.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !IsHeader(l))];

    public static IReadOnlyList<string> Of(string lyrics)
    {
        var sections = new List<string>();
        var current = new List<string>();
        foreach (var raw in lyrics.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || IsHeader(line))
            {
                Close(sections, current);
                continue;
            }
            current.Add(line);
        }
        Close(sections, current);
        return sections;
    }

    private static void Close(List<string> sections, List<string> current)
    {
        if (current.Count > 0)
        {
            sections.Add(string.Join('\n', current));
            current.Clear();
        }
    }

    private static bool IsHeader(string line) => line.StartsWith('[') && line.EndsWith(']');
}
