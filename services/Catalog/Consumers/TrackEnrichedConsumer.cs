using MassTransit;
using Microsoft.EntityFrameworkCore;
using Pgvector;
using RapAnalyzer.Catalog.Data;
using RapAnalyzer.Catalog.Search;
using RapAnalyzer.Catalog.Domain;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.Catalog.Consumers;

/// <summary>
/// Stores tracks' features, embeddings and Spotify metadata in batches, replacing what an earlier enrichment
/// stored, so a redelivery leaves the same state; an enrichment of lyrics the track no longer has is ignored.
/// </summary>
public sealed class TrackEnrichedConsumer(CatalogDbContext db, EmbeddingIndexes indexes, SearchCache searchCache, ILogger<TrackEnrichedConsumer> logger) : IConsumer<Batch<TrackEnriched>>
{
    public async Task Consume(ConsumeContext<Batch<TrackEnriched>> context)
    {
        // The last enrichment of a track in the batch is the one that counts.
        var latest = context.Message.Select(m => m.Message).GroupBy(m => m.TrackId).Select(g => g.Last()).ToList();
        var ids = latest.Select(m => m.TrackId).ToList();
        var tracks = await db.Tracks
            .Include(t => t.Features)
            .Include(t => t.Spotify)
            .Include(t => t.Embeddings)
            .Include(t => t.SectionEmbeddings)
            .AsSplitQuery()
            .Where(t => ids.Contains(t.Id))
            .ToDictionaryAsync(t => t.Id, context.CancellationToken);

        var now = DateTimeOffset.UtcNow;
        foreach (var enriched in latest)
        {
            if (!tracks.TryGetValue(enriched.TrackId, out var track))
            {
                logger.LogWarning("TrackEnriched for unknown track {TrackId} ignored", enriched.TrackId);
                continue;
            }
            if (enriched.ContentHash is { } hash && hash != track.ContentHash)
            {
                // Its lyrics were replaced since: the enrichment of the new version is on its way.
                logger.LogInformation("TrackEnriched of earlier lyrics of track {TrackId} ignored", enriched.TrackId);
                continue;
            }
            Apply(track, enriched, now);
        }
        await indexes.EnsureAsync(db, latest.SelectMany(Embeddings).Select(e => (e.ModelId, e.Vector.Length)), context.CancellationToken);
        await db.SaveChangesAsync(context.CancellationToken);
        // New vectors change what semantic search finds.
        await searchCache.TracksChangedAsync();
    }

    private static void Apply(Track track, TrackEnriched enriched, DateTimeOffset now)
    {
        track.Features ??= new TextFeatures { TrackId = track.Id, Values = enriched.Features };
        track.Features.Apply(enriched.Features, enriched.ArtistWords, now, enriched.FeaturesVersion);

        foreach (var enrichedEmbedding in Embeddings(enriched))
        {
            if (track.Embeddings.SingleOrDefault(e => e.ModelId == enrichedEmbedding.ModelId) is { } embedding)
            {
                embedding.Vector = new Vector(enrichedEmbedding.Vector);
                embedding.ComputedAt = now;
            }
            else
            {
                track.Embeddings.Add(new TrackEmbedding
                {
                    TrackId = track.Id,
                    ModelId = enrichedEmbedding.ModelId,
                    Vector = new Vector(enrichedEmbedding.Vector),
                    ComputedAt = now,
                });
            }
            ApplySections(track, enrichedEmbedding);
        }

        if (enriched.Spotify is { } spotify)
        {
            track.Spotify ??= new SpotifyTrack { TrackId = track.Id, SpotifyId = spotify.SpotifyId, Album = spotify.Album };
            track.Spotify.Apply(spotify);
        }
    }

    /// <summary>
    /// The model's section vectors replaced in place, by ordinal; a message without them (sent before they were
    /// carried) leaves the stored ones, which belong to the same lyrics.
    /// </summary>
    private static void ApplySections(Track track, LyricsEmbedding enriched)
    {
        if (enriched.Sections is not { } sections)
        {
            return;
        }
        var stored = track.SectionEmbeddings.Where(s => s.ModelId == enriched.ModelId).ToDictionary(s => s.Ordinal);
        for (var ordinal = 0; ordinal < sections.Count; ordinal++)
        {
            if (stored.Remove(ordinal, out var section))
            {
                section.Text = sections[ordinal].Text;
                section.Vector = new Vector(sections[ordinal].Vector);
            }
            else
            {
                track.SectionEmbeddings.Add(new SectionEmbedding
                {
                    TrackId = track.Id,
                    ModelId = enriched.ModelId,
                    Ordinal = ordinal,
                    Text = sections[ordinal].Text,
                    Vector = new Vector(sections[ordinal].Vector),
                });
            }
        }
        foreach (var left in stored.Values)
        {
            track.SectionEmbeddings.Remove(left);
        }
    }

    // A message published before TrackEnriched carried a list (one still in an error queue) has none; its features still count.
    private static IReadOnlyList<LyricsEmbedding> Embeddings(TrackEnriched enriched) => enriched.Embeddings ?? [];
}
