using System.Diagnostics;
using MassTransit;
using RapAnalyzer.Contracts;
using RapAnalyzer.Enrichment.Embeddings;
using RapAnalyzer.Enrichment.Features;
using RapAnalyzer.Enrichment.Spotify;

namespace RapAnalyzer.Enrichment.Consumers;

/// <summary>
/// Enriches stored tracks in batches: the text features of each, then the embeddings of all of them in as few
/// model runs as possible (the encoder is the pipeline's bottleneck and batches well; a configured embedding endpoint
/// is called meanwhile), and their Spotify metadata when Spotify is configured. A redelivered batch recomputes the same values, which the catalog stores in place.
/// </summary>
public sealed class TrackStoredConsumer(TrackFeatureAnalyzer analyzer, LyricsEmbedder embedder, SpotifyLookup spotify, EnrichmentMetrics metrics)
    : IConsumer<Batch<TrackStored>>
{
    public async Task Consume(ConsumeContext<Batch<TrackStored>> context)
    {
        var started = Stopwatch.GetTimestamp();
        var stored = context.Message.Select(m => m.Message).ToList();
        // Started first so the Spotify round trips overlap the model run; the lookup never throws.
        var metadata = spotify.FindAllAsync([.. stored.Select(track => new SpotifySong(track.Title, track.Artist))], context.CancellationToken);
        var lyrics = stored.Select(track => Lyrics.Parse(track.Lyrics)).ToList();
        var embeddings = await embedder.EmbedTracksAsync(lyrics, context.CancellationToken);
        var found = await metadata;

        var enriched = stored.Select((track, i) => new TrackEnriched(
            track.TrackId,
            analyzer.Analyze(lyrics[i]),
            [.. embeddings[i].Select(embedding => Contract(embedding, lyrics[i]))],
            Spotify: found[i],
            [.. lyrics[i].WordsCreditedTo(track.Artist)],
            track.ContentHash,
            FeaturesVersion.Current));
        await context.PublishBatch(enriched, context.CancellationToken);
        metrics.BatchEnriched(stored.Count, Stopwatch.GetElapsedTime(started));
    }

    // The section vectors travel with the lines they were made from, so the catalog can show a hit's most similar
    // section; the lines' as signs only, so that a track's message stays kilobytes. A model that makes no line vectors
    // sends no line list, which leaves the lines the catalog holds for it.
    private static LyricsEmbedding Contract(TrackEmbedding embedding, Lyrics lyrics) =>
        new(embedding.ModelId, embedding.Vector,
            [.. lyrics.DistinctSectionTexts().Zip(embedding.Sections, (text, vector) => new LyricsSectionEmbedding(text, vector))
                .Take(LyricsEmbedding.MostSections)],
            embedding.Lines is { } lines
                ? [.. lyrics.DistinctLineTexts().Zip(lines, (text, vector) => new LyricsLineSigns(text, LyricsLineSigns.Of(vector)))]
                : null);
}
