namespace RapAnalyzer.Inference.Generation;

/// <summary>
/// Lyrics as verses of lines, the unit next-line prediction reads: a blank line or a section header ("[Chorus]") ends a
/// verse, headers are no lyric lines, and a verse sung again (a chorus) is kept once.
/// </summary>
public static class LyricsVerses
{
    public static IReadOnlyList<IReadOnlyList<string>> Split(string lyrics)
    {
        var verses = new List<IReadOnlyList<string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var verse = new List<string>();
        foreach (var raw in lyrics.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('[') && line.EndsWith(']'))
            {
                Close();
                continue;
            }
            verse.Add(line);
        }
        Close();
        return verses;

        void Close()
        {
            if (verse.Count > 0 && seen.Add(string.Join('\n', verse)))
            {
                verses.Add(verse);
            }
            verse = [];
        }
    }
}
