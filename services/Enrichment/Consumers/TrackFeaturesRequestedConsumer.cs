using MassTransit;
using RapAnalyzer.Contracts;
using RapAnalyzer.Enrichment.Features;

namespace RapAnalyzer.Enrichment.Consumers;

/// <summary>
/// Computes a stored track's text features again for the catalog's feature refresh: the features alone, as fast as
/// they are computed, so a refresh of the whole catalog never waits for the embedding model.
/// </summary>
public sealed class TrackFeaturesRequestedConsumer(TrackFeatureAnalyzer analyzer) : IConsumer<TrackFeaturesRequested>
{
    public Task Consume(ConsumeContext<TrackFeaturesRequested> context)
    {
        var track = context.Message;
        var lyrics = Lyrics.Parse(track.Lyrics);
        return context.Publish(
            new TrackFeaturesRevised(track.TrackId, analyzer.Analyze(lyrics), [.. lyrics.WordsCreditedTo(track.Artist)], track.ContentHash, FeaturesVersion.Current),
            context.CancellationToken);
    }
}
