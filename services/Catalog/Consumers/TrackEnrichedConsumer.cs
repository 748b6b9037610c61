using MassTransit;
using Microsoft.EntityFrameworkCore;
using Pgvector;
using RapAnalyzer.Catalog.Data;
using RapAnalyzer.Catalog.Domain;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.Catalog.Consumers;

/// <summary>
/// Stores a track's features, embedding and Spotify metadata, replacing what an earlier enrichment stored,
/// so a redelivery leaves the same state.
/// </summary>
public sealed class TrackEnrichedConsumer(CatalogDbContext db, ILogger<TrackEnrichedConsumer> logger) : IConsumer<TrackEnriched>
{
    public async Task Consume(ConsumeContext<TrackEnriched> context)
    {
        var enriched = context.Message;
        var track = await db.Tracks
            .Include(t => t.Features)
            .Include(t => t.Spotify)
            .Include(t => t.Embeddings.Where(e => e.ModelId == enriched.EmbeddingModel))
            .FirstOrDefaultAsync(t => t.Id == enriched.TrackId, context.CancellationToken);
        if (track is null)
        {
            logger.LogWarning("TrackEnriched for unknown track {TrackId} ignored", enriched.TrackId);
            return;
        }

        var now = DateTimeOffset.UtcNow;
        track.Features ??= new TextFeatures { TrackId = track.Id, EndRhymeScheme = "" };
        track.Features.Apply(enriched.Features, enriched.ArtistWords, now);

        if (track.Embeddings.SingleOrDefault() is { } embedding)
        {
            embedding.Vector = new Vector(enriched.Embedding);
            embedding.ComputedAt = now;
        }
        else
        {
            track.Embeddings.Add(new TrackEmbedding
            {
                TrackId = track.Id,
                ModelId = enriched.EmbeddingModel,
                Vector = new Vector(enriched.Embedding),
                ComputedAt = now,
            });
        }

        if (enriched.Spotify is { } spotify)
        {
            track.Spotify ??= new SpotifyTrack { TrackId = track.Id, SpotifyId = spotify.SpotifyId, Album = spotify.Album };
            track.Spotify.Apply(spotify);
        }
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
