using RapAnalyzer.Inference.Generation;
using RapAnalyzer.Rhymes;

namespace RapAnalyzer.Inference.Tests.Generation;

/// <summary>The line index of <see cref="RhymingCorpus"/> (200 tracks, 3,200 lines) and a ranker trained on it, built once for the tests.</summary>
internal static class GeneratorFixture
{
    public const int Seed = 7;

    private static readonly Lazy<(LineIndex Index, LinePhonetics Phonetics, NextLineRanker Ranker)> Built = new(() =>
    {
        var phonetics = new LinePhonetics(new LyricsTranscriber(new PhoneticTranscriber()));
        var index = new LineIndex(phonetics);
        var id = 0;
        foreach (var (artist, lyrics) in RhymingCorpus.Tracks(200, Seed))
        {
            index.Add(new Guid(++id, 0, 0, new byte[8]), artist, lyrics, $"hash-{id}");
        }
        var ranker = NextLineRanker.Train(new RankerTraining(index, phonetics).Examples(600, Seed), Seed);
        return (index, phonetics, ranker);
    });

    public static LineIndex Index => Built.Value.Index;
    public static LinePhonetics Phonetics => Built.Value.Phonetics;
    public static NextLineRanker Ranker => Built.Value.Ranker;
    public static EmbeddedLyricsGenerator Generator => new(Index, Phonetics);
}
