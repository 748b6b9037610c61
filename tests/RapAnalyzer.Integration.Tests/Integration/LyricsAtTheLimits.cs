using RapAnalyzer.Contracts;

namespace RapAnalyzer.Integration.Tests;

/// <summary>Lyrics as long as a track may be: <see cref="TrackLimits.MaxLyricsLines"/> lines of real words, <see cref="TrackLimits.MaxLyricsLength"/> characters.</summary>
public static class LyricsAtTheLimits
{
    private static readonly string[] Ends = ["now", "how", "cow", "bow", "row", "low", "tow", "sow"];

    public static string Build()
    {
        // Lines as wide as the limits allow with the breaks between them, then exclamation marks up to the most characters.
        var width = (TrackLimits.MaxLyricsLength - (TrackLimits.MaxLyricsLines - 1)) / TrackLimits.MaxLyricsLines;
        var lines = Enumerable.Range(0, TrackLimits.MaxLyricsLines)
            .Select(i => Fit($"I got the mic #{i:D5} {Ends[i % Ends.Length]}", width));
        var lyrics = string.Join('\n', lines);
        return lyrics + new string('!', TrackLimits.MaxLyricsLength - lyrics.Length);
    }

    private static string Fit(string line, int width) =>
        string.Concat(line, string.Concat(Enumerable.Repeat(" yo", width / 3 + 1)))[..width];
}
