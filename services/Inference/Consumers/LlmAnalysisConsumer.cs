using MassTransit;
using Microsoft.Extensions.Options;
using RapAnalyzer.Contracts;
using RapAnalyzer.Inference.Analysis;
using RapAnalyzer.Inference.Llm;
using RapAnalyzer.Inference.Pipeline;
using RapAnalyzer.Inference.Upstream;

namespace RapAnalyzer.Inference.Consumers;

/// <summary>
/// Drains the durable queue of LLM analyses within the budget (it waits for the budget, it is never refused by it).
/// While the LLM is unreachable the message is held, unacknowledged, and tried again after the circuit's pause, so a
/// restart gives it back to the queue; an LLM that twice answers no valid analysis gets no further try for the track.
/// The analysis is cached before it is published, so a message drained again after a crash sends no second request.
/// </summary>
public sealed class LlmAnalysisConsumer(CatalogTracks catalog, LlmAnalyzer llm, AnalysisCache cache, IOptions<LlmOptions> options,
    ILogger<LlmAnalysisConsumer> logger) : IConsumer<LlmAnalysisRequested>
{
    public async Task Consume(ConsumeContext<LlmAnalysisRequested> context)
    {
        var request = context.Message;
        var track = await catalog.FindAsync(request.TrackId, context.CancellationToken);
        if (track is null || (request.ContentHash is { } hash && LyricsHash.Compute(track.Lyrics) != hash))
        {
            return;
        }
        var key = AnalysisCache.Key(track.Lyrics, Analyzers.Llm, llm.Model, AnalysisPrompt.Version);
        var analysis = await cache.GetAsync(key) ?? await AnalyzeAsync(track, request.Features, context.CancellationToken);
        if (analysis is null)
        {
            return;
        }
        await cache.SetAsync(key, analysis);
        var id = AnalysisMessages.MessageId(track.Id, request.ContentHash, request.FeaturesVersion, Analyzers.Llm, llm.Model, AnalysisPrompt.Version);
        await context.Publish(AnalysisMessages.Of(track, analysis with { Cached = false }), c => c.MessageId = id);
    }

    private async Task<LyricsAnalysis?> AnalyzeAsync(StoredTrack track, TrackFeatures features, CancellationToken cancellationToken)
    {
        while (true)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            var outcome = await llm.AnalyzeAsync(track.Lyrics, features, interactive: false, cancellationToken);
            if (outcome.Judgement is { } judgement)
            {
                return new LyricsAnalysis(judgement, features, Analyzers.Llm, llm.Model, AnalysisPrompt.Version,
                    Math.Round(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, 2), outcome.Tokens, null);
            }
            if (!outcome.Retryable)
            {
                logger.LogWarning("No LLM analysis for track {TrackId}: {Failure}", track.Id, outcome.Failure);
                return null;
            }
            logger.LogInformation("LLM analysis of track {TrackId} waits: {Failure}", track.Id, outcome.Failure);
            await Task.Delay(TimeSpan.FromSeconds(options.Value.CircuitBreakerBreakSeconds), cancellationToken);
        }
    }
}
