using MassTransit;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.Scraper.Dedup;

/// <summary>
/// The catalog publishes a fault for each track it cannot store: its lyrics are released from the ingested ones, so a
/// corrected re-import is published again instead of being skipped as a duplicate of something the catalog never stored.
/// </summary>
public sealed class TrackScrapedFaultConsumer(IngestedSongs ingested, ILogger<TrackScrapedFaultConsumer> logger)
    : IConsumer<Fault<TrackScraped>>
{
    public async Task Consume(ConsumeContext<Fault<TrackScraped>> context)
    {
        var track = context.Message.Message;
        await ingested.ReleaseAsync(new IngestCandidate(track));
        logger.LogWarning("The catalog could not store {Source} track {SourceId} ({Reason}); its lyrics count as not ingested",
            track.Source, track.SourceId, context.Message.Exceptions.FirstOrDefault()?.Message);
    }
}
