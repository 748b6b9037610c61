using MassTransit;
using RapAnalyzer.Contracts;
using RapAnalyzer.Enrichment.Embeddings;
using RapAnalyzer.Enrichment.Features;

namespace RapAnalyzer.Enrichment.Consumers;

/// <summary>
/// Enriches stored tracks in batches: the text features of each, then the embeddings of all of them in as few
/// model runs as possible (the encoder is the pipeline's bottleneck and batches well). A redelivered batch
/// recomputes the same values, which the catalog stores in place.
/// </summary>
public sealed class TrackStoredConsumer(TrackFeatureAnalyzer analyzer, UniversalSentenceEncoder encoder) : IConsumer<Batch<TrackStored>>
{
    public async Task Consume(ConsumeContext<Batch<TrackStored>> context)
    {
        var stored = context.Message.Select(m => m.Message).ToList();
        var lyrics = stored.Select(track => Lyrics.Parse(track.Lyrics)).ToList();
        var embeddings = encoder.EmbedTracks(stored.Select(track => track.Lyrics).ToList());

        var enriched = stored.Select((track, i) => new TrackEnriched(
            track.TrackId,
            analyzer.Analyze(lyrics[i]).ToTrackFeatures(),
            embeddings[i].Vector,
            embeddings[i].ModelId,
            Spotify: null,
            [.. lyrics[i].WordsCreditedTo(track.Artist)]));
        await context.PublishBatch(enriched, context.CancellationToken);
    }
}
