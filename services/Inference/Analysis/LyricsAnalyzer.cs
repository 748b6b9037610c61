using System.Diagnostics;
using RapAnalyzer.Contracts;
using RapAnalyzer.Inference.Analysis.Embedded;
using RapAnalyzer.Inference.Llm;
using RapAnalyzer.Inference.Upstream;

namespace RapAnalyzer.Inference.Analysis;

/// <summary>
/// Answers an analysis request with the analyzer asked for, measuring the lyrics through enrichment first so that
/// either analyzer works from measured facts. The LLM (asked for, or auto when one is configured) that cannot answer
/// hands over to the embedded analyzer, and the analysis says why. A complete analysis (nothing degraded) is cached
/// under the analyzer that made it; the LLM's is looked up first when the LLM would answer. <paramref name="llm"/> is
/// null when no LLM is configured, <paramref name="cache"/> only in tests of the analyzers alone.
/// </summary>
public sealed class LyricsAnalyzer(LyricsMeasurements measurements, EmbeddedAnalyzer embedded, AnalysisStats stats, AnalysisCache? cache = null,
    LlmAnalyzer? llm = null)
{
    private const string NoLlm = "The LLM was asked for but none is configured (Llm:Endpoint): the embedded analyzer answered.";

    /// <summary>
    /// <paramref name="interactive"/>: a request waiting for its answer, which the LLM's spent budget does not hold up.
    /// Lyrics measured here that hold no lyric line are refused (<see cref="NoLyricLinesException"/>), before any LLM is asked.
    /// <paramref name="knownFeatures"/> and <paramref name="knownSections"/>: what an enrichment of these lyrics already measured.
    /// </summary>
    public async Task<LyricsAnalysis> AnalyzeAsync(string lyrics, TrackFeatures? knownFeatures, string analyzer, CancellationToken cancellationToken,
        bool interactive = true, KnownSections? knownSections = null)
    {
        var started = Stopwatch.GetTimestamp();
        var wantsLlm = analyzer != Analyzers.Embedded && llm is not null;
        var key = wantsLlm
            ? AnalysisCache.Key(lyrics, Analyzers.Llm, llm!.Model, AnalysisPrompt.Version)
            : AnalysisCache.Key(lyrics, Analyzers.Embedded, EmbeddedAnalyzer.Version, EmbeddedAnalyzer.Version);
        if (cache is not null && !(analyzer == Analyzers.Llm && llm is null) && await cache.GetAsync(key) is { } hit)
        {
            var served = hit with { LatencyMs = Elapsed(started), Cached = true };
            stats.Analyzed(CachedLatency, served.LatencyMs);
            return served;
        }
        var measured = await measurements.MeasureAsync(lyrics, knownFeatures, withSections: !wantsLlm, cancellationToken, knownSections);
        if (knownFeatures is null && measured.Features is { Lines: 0 })
        {
            throw new NoLyricLinesException();
        }
        string? handOver = null;
        if (wantsLlm)
        {
            var outcome = await llm!.AnalyzeAsync(lyrics, measured.Features, interactive, cancellationToken);
            if (outcome.Judgement is { } judgement)
            {
                return await DoneAsync(key, new LyricsAnalysis(judgement, measured.Features, Analyzers.Llm, llm.Model, AnalysisPrompt.Version,
                    Elapsed(started), outcome.Tokens, measured.Degraded));
            }
            handOver = outcome.Failure;
            measured = await measurements.WithSectionsAsync(measured, lyrics, cancellationToken);
        }
        else if (analyzer == Analyzers.Llm)
        {
            handOver = NoLlm;
        }
        var embeddedJudgement = embedded.Analyze(lyrics, measured.Features, measured.Vectors);
        var embeddedKey = AnalysisCache.Key(lyrics, Analyzers.Embedded, EmbeddedAnalyzer.Version, EmbeddedAnalyzer.Version);
        return await DoneAsync(embeddedKey, new LyricsAnalysis(embeddedJudgement, measured.Features, Analyzers.Embedded, EmbeddedAnalyzer.Version, EmbeddedAnalyzer.Version,
            Elapsed(started), null, DegradedReasons.Join(handOver, measured.Degraded)));
    }

    /// <summary>The latencies of analyses served from the cache, apart from those of each analyzer.</summary>
    public const string CachedLatency = "cached";

    private async Task<LyricsAnalysis> DoneAsync(string key, LyricsAnalysis analysis)
    {
        stats.Analyzed(analysis.Analyzer, analysis.LatencyMs);
        if (cache is not null && analysis.Degraded is null)
        {
            await cache.SetAsync(key, analysis);
        }
        return analysis;
    }

    private static double Elapsed(long started) => Math.Round(Stopwatch.GetElapsedTime(started).TotalMilliseconds, 2);
}
