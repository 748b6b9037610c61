namespace RapAnalyzer.Inference.Analysis.Embedded;

/// <summary>The lyric lines of lyrics (headers and blank lines left out): what sentiment is scored over.</summary>
public static class LyricLines
{
    public static IReadOnlyList<string> Of(string lyrics) =>
        [.. lyrics.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !IsHeader(l))];

    private static bool IsHeader(string line) => line.StartsWith('[') && line.EndsWith(']');
}
