using System.Text.Json;
using RapAnalyzer.Enrichment.Features;
using RapAnalyzer.Rhymes;

namespace RapAnalyzer.Bench;

/// <summary>
/// Rhyme density against Malmi's own code on his repository's English songs (github.com/ekQ/raplysaattori,
/// lyrics_en/): his code's values, with the transcriptions his repository ships and with eSpeak NG 1.51, are in
/// docs/research/malmi-rhyme-density-values.json; the lyrics are his repository's (not ours to ship).
/// </summary>
public static class MalmiAgreement
{
    public static void Run(string lyricsFolder, string valuesFile, TrackFeatureAnalyzer analyzer, LyricsTranscriber transcriber)
    {
        using var values = JsonDocument.Parse(File.ReadAllText(valuesFile));
        var songs = values.RootElement.EnumerateObject().ToList();
        double Value(JsonProperty song, string source) => song.Value.GetProperty(source).GetProperty("rhyme_density").GetDouble();

        var lines = songs.Select(song => File.ReadAllLines(Path.Combine(lyricsFolder, song.Name))).ToList();
        // His lines as they are (his code keeps a "[Chorus]" line), and through the enrichment, which drops headers.
        var ours = lines.Select(song => RhymeDensity.Compute(transcriber.Transcribe(song))).ToArray();
        var enriched = lines.Select(song => analyzer.Analyze(string.Join('\n', song)).RhymeDensity).ToArray();
        foreach (var source in new[] { "espeak-ng", "shipped" })
        {
            var his = songs.Select(song => Value(song, source)).ToArray();
            var exact = ours.Zip(his).Count(pair => Math.Abs(pair.First - pair.Second) < 1e-9);
            Console.WriteLine($"vs his code with {source,-9} transcriptions: r = {Pearson(ours, his):F4}, mean ratio = {ours.Average() / his.Average():F4}, " +
                $"identical {exact}/{songs.Count}; enrichment (headers dropped): r = {Pearson(enriched, his):F4}, mean ratio = {enriched.Average() / his.Average():F4}");
        }
    }

    private static double Pearson(double[] x, double[] y)
    {
        double mx = x.Average(), my = y.Average();
        var covariance = x.Zip(y, (a, b) => (a - mx) * (b - my)).Sum();
        return covariance / Math.Sqrt(x.Sum(a => (a - mx) * (a - mx)) * y.Sum(b => (b - my) * (b - my)));
    }
}
