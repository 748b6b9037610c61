using System.Diagnostics;
using RapAnalyzer.Contracts;
using RapAnalyzer.Inference.Analysis.Embedded;
using RapAnalyzer.Inference.Upstream;

namespace RapAnalyzer.Inference.Analysis;

/// <summary>
/// Answers an analysis request with the analyzer asked for, measuring the lyrics through enrichment first so that
/// either analyzer works from measured facts. An analyzer that cannot answer hands over to the embedded one, and
/// the analysis says why.
/// </summary>
public sealed class LyricsAnalyzer(LyricsMeasurements measurements, EmbeddedAnalyzer embedded, AnalyzerSelection selection)
{
    public async Task<LyricsAnalysis> AnalyzeAsync(string lyrics, TrackFeatures? knownFeatures, string analyzer, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var measured = await measurements.MeasureAsync(lyrics, knownFeatures, cancellationToken);
        var handOver = selection.WhyNotLlm(analyzer);
        var judgement = embedded.Analyze(lyrics, measured.Features, measured.Vectors);
        return new LyricsAnalysis(judgement, measured.Features, Analyzers.Embedded, EmbeddedAnalyzer.Version, EmbeddedAnalyzer.Version,
            Stopwatch.GetElapsedTime(started).TotalMilliseconds, null, Join(handOver, measured.Degraded));
    }

    private static string? Join(params string?[] reasons) =>
        reasons.Where(r => r is not null).ToArray() is { Length: > 0 } some ? string.Join(" ", some) : null;
}
