using RapAnalyzer.Enrichment.Features;
using RapAnalyzer.Rhymes;

namespace RapAnalyzer.Enrichment.Tests.Features;

/// <summary>The real CMU Pronouncing Dictionary, found as the service's default setting finds it, loaded once.</summary>
internal static class Cmu
{
    private static readonly Lazy<PronouncingDictionary> Loaded = new(() =>
    {
        var path = EnrichmentOptions.DefaultCmuDictionaryPath();
        return File.Exists(path)
            ? PronouncingDictionary.Load(path)
            : throw new FileNotFoundException($"No CMU Pronouncing Dictionary at {path}: run eng/setup.sh.", path);
    });

    public static PronouncingDictionary Dictionary => Loaded.Value;

    private static readonly Lazy<LyricsTranscriber> Transcriber = new(() => new LyricsTranscriber(new PhoneticTranscriber()));

    public static TrackFeatureAnalyzer Analyzer => new(new WordPronouncer(Dictionary), Transcriber.Value);

    public static Pronunciation Pronounce(string word) => new WordPronouncer(Dictionary).Pronounce(word);
}
