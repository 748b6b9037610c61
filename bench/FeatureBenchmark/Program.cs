using System.Diagnostics;
using RapAnalyzer.Bench;
using RapAnalyzer.Enrichment.Embeddings;
using RapAnalyzer.Enrichment.Features;
using RapAnalyzer.Rhymes;

var transcriber = new LyricsTranscriber(new PhoneticTranscriber());
var analyzer = new TrackFeatureAnalyzer(new WordPronouncer(PronouncingDictionary.Load(EnrichmentOptions.DefaultCmuDictionaryPath())), transcriber);

if (args is ["--malmi", var lyricsFolder, var valuesFile])
{
    MalmiAgreement.Run(lyricsFolder, valuesFile, analyzer, transcriber);
    return;
}

// Text features against the embedding, enrichment's bottleneck, on the same generated lyrics (~250 words a track).
var tracks = args is ["--tracks", var count, ..] ? int.Parse(count) : 2_000;
var lyrics = Enumerable.Range(0, tracks).Select(SyntheticLyrics.Track).ToList();

analyzer.Analyze(lyrics[0]);
var clock = Stopwatch.StartNew();
foreach (var text in lyrics)
{
    analyzer.Analyze(text);
}
var featuresPerSecond = tracks / clock.Elapsed.TotalSeconds;

using var encoder = UniversalSentenceEncoder.Load();
var embedded = lyrics.Take(Math.Min(tracks, 640)).Select(Lyrics.Parse).ToList();
encoder.EmbedTracks(embedded.Take(32).ToList());
clock.Restart();
foreach (var batch in embedded.Chunk(32))
{
    encoder.EmbedTracks(batch);
}
var embeddingsPerSecond = embedded.Count / clock.Elapsed.TotalSeconds;

Console.WriteLine($"text features, one thread : {featuresPerSecond,8:F1} tracks/s ({tracks} tracks)");
Console.WriteLine($"USE-Lite embedding alone  : {embeddingsPerSecond,8:F1} tracks/s ({embedded.Count} tracks, batches of 32)");
Console.WriteLine($"features / embedding      : {featuresPerSecond / embeddingsPerSecond,8:F1}x");
