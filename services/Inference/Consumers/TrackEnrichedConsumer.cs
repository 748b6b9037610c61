using MassTransit;
using RapAnalyzer.Contracts;
using RapAnalyzer.Inference.Analysis;
using RapAnalyzer.Inference.Analysis.Embedded;
using RapAnalyzer.Inference.Llm;
using RapAnalyzer.Inference.Pipeline;
using RapAnalyzer.Inference.Upstream;

namespace RapAnalyzer.Inference.Consumers;

/// <summary>
/// Every enriched track gets the embedded analysis at once, published as TrackAnalyzed; when an LLM is configured, an
/// LLM analysis is queued durably for <see cref="LlmAnalysisConsumer"/>. The lyrics come from the catalog; a track
/// whose lyrics changed since this enrichment is left to the enrichment of its new lyrics. The enrichment's features
/// and section vectors are used as they came, not measured again.
/// </summary>
public sealed class TrackEnrichedConsumer(CatalogTracks catalog, LyricsAnalyzer analyzer, ILogger<TrackEnrichedConsumer> logger, LlmAnalyzer? llm = null)
    : IConsumer<TrackEnriched>
{
    public async Task Consume(ConsumeContext<TrackEnriched> context)
    {
        var enriched = context.Message;
        // A catalog that cannot be asked throws: the message is retried, and parked in the error queue if it stays down.
        var track = await catalog.FindAsync(enriched.TrackId, context.CancellationToken);
        if (track is null || (enriched.ContentHash is { } hash && LyricsHash.Compute(track.Lyrics) != hash))
        {
            logger.LogInformation("Track {TrackId} is gone or has other lyrics than those enriched; not analyzed", enriched.TrackId);
            return;
        }
        var analysis = await analyzer.AnalyzeAsync(track.Lyrics, enriched.Features, Analyzers.Embedded, context.CancellationToken, interactive: false,
            KnownSections.Of(enriched));
        var id = AnalysisMessages.MessageId(track.Id, enriched.ContentHash, enriched.FeaturesVersion, Analyzers.Embedded, EmbeddedAnalyzer.Version,
            EmbeddedAnalyzer.Version);
        await context.Publish(AnalysisMessages.Of(track, analysis), c => c.MessageId = id);
        if (llm is not null)
        {
            await context.Publish(new LlmAnalysisRequested(track.Id, enriched.ContentHash, enriched.FeaturesVersion, enriched.Features));
        }
    }
}
