using RapAnalyzer.Enrichment.Features;

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

    public static TrackFeatureAnalyzer Analyzer => new(new WordPronouncer(Dictionary));

    public static Pronunciation Pronounce(string word) => new WordPronouncer(Dictionary).Pronounce(word);

    /// <summary>The lines of a text, pronounced, as the analyzer sees them.</summary>
    public static List<PronouncedLine> PronouncedLines(string text) =>
        [.. Lyrics.Parse(text).Lines.Select(line => new PronouncedLine(line, [.. line.Words.Select(Pronounce)]))];
}
