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
public sealed class TrackEnrichedConsumer(CatalogDbContext db, EmbeddingIndexes indexes, SearchCache searchCache, LineSignsRefresh lineSigns, ILogger<TrackEnrichedConsumer> logger) : IConsumer<Batch<TrackEnriched>>
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
            .Include(t => t.LineSigns)
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
        await lineSigns.CatchUpAsync(context.CancellationToken);
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
            ReplaceInPlace(track.SectionEmbeddings, enrichedEmbedding.ModelId, enrichedEmbedding.Sections,
                (ordinal, section) => new SectionEmbedding
                {
                    TrackId = track.Id, ModelId = enrichedEmbedding.ModelId, Ordinal = ordinal, Text = section.Text, Vector = new Vector(section.Vector),
                },
                (stored, section) => (stored.Text, stored.Vector) = (section.Text, new Vector(section.Vector)));
            ReplaceInPlace(track.LineSigns, enrichedEmbedding.ModelId, enrichedEmbedding.Lines,
                (ordinal, line) => new LineSigns
                {
                    TrackId = track.Id, ModelId = enrichedEmbedding.ModelId, Ordinal = ordinal, Text = line.Text, Signs = LineSigns.Bits(line.Signs),
                },
                (stored, line) => (stored.Text, stored.Signs) = (line.Text, LineSigns.Bits(line.Signs)));
        }

        if (enriched.Spotify is { } spotify)
        {
            track.Spotify ??= new SpotifyTrack { TrackId = track.Id, SpotifyId = spotify.SpotifyId, Album = spotify.Album };
            track.Spotify.Apply(spotify);
        }
    }

    /// <summary>
    /// The model's parts (sections, lines) replaced in place, by ordinal, so a redelivery updates rows rather than adding
    /// any; a message without the list (sent before it was carried, or from a model that makes no such parts) leaves the
    /// stored ones, which belong to the same lyrics.
    /// </summary>
    private static void ReplaceInPlace<TPart, TEnriched>(List<TPart> parts, string modelId, IReadOnlyList<TEnriched>? enriched,
        Func<int, TEnriched, TPart> create, Action<TPart, TEnriched> update)
        where TPart : ILyricsPart
    {
        if (enriched is null)
        {
            return;
        }
        var stored = parts.Where(p => p.ModelId == modelId).ToDictionary(p => p.Ordinal);
        for (var ordinal = 0; ordinal < enriched.Count; ordinal++)
        {
            if (stored.Remove(ordinal, out var part))
            {
                update(part, enriched[ordinal]);
            }
            else
            {
                parts.Add(create(ordinal, enriched[ordinal]));
            }
        }
        foreach (var left in stored.Values)
        {
            parts.Remove(left);
        }
    }

    // A message published before TrackEnriched carried a list (one still in an error queue) has none; its features still count.
    private static IReadOnlyList<LyricsEmbedding> Embeddings(TrackEnriched enriched) => enriched.Embeddings ?? [];
}
