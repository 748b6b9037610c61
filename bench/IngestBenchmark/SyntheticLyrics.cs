using System.Text;

namespace RapAnalyzer.Bench;

/// <summary>
/// Lyrics-shaped text for the benchmark: sections with headers and 4–8 lines of 6–10 words, about 250 words
/// a track, every track different (so none is dropped as a duplicate), the same for the same seed.
/// </summary>
public static class SyntheticLyrics
{
    private static readonly string[] Words =
    [
        "money", "street", "dream", "night", "city", "flow", "rhyme", "beat", "mic", "crown", "grind", "shine",
        "block", "hustle", "soul", "fire", "gold", "time", "mind", "rise", "fall", "game", "fame", "name", "pain",
        "rain", "chain", "lane", "real", "feel", "deal", "steel", "heart", "start", "art", "apart", "light", "fight",
        "right", "sight", "the", "a", "my", "your", "we", "they", "on", "in", "to", "for", "with", "never", "always",
        "still", "got", "made", "run", "stay", "know", "see", "keep", "take", "back", "up", "down", "from", "who",
    ];

    public static string Track(int index)
    {
        var random = new Random(index);
        var lyrics = new StringBuilder();
        string[] sections = ["Verse 1", "Chorus", "Verse 2", "Chorus", "Verse 3"];
        foreach (var section in sections)
        {
            lyrics.Append('[').Append(section).Append("]\n");
            var lines = random.Next(4, 9);
            for (var line = 0; line < lines; line++)
            {
                var words = random.Next(6, 11);
                for (var word = 0; word < words; word++)
                {
                    lyrics.Append(Words[random.Next(Words.Length)]).Append(word == words - 1 ? "" : " ");
                }
                lyrics.Append('\n');
            }
            lyrics.Append('\n');
        }
        lyrics.Append("track ").Append(index);
        return lyrics.ToString();
    }
}
