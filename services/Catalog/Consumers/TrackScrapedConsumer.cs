using MassTransit;
using Microsoft.EntityFrameworkCore;
using RapAnalyzer.Catalog.Data;
using RapAnalyzer.Catalog.Domain;
using RapAnalyzer.Contracts;
using RapAnalyzer.Messaging.Outbox;

namespace RapAnalyzer.Catalog.Consumers;

/// <summary>
/// Stores scraped tracks once, in batches (one transaction for many tracks keeps an import's cost per track
/// low): a redelivery, the same source id or the same lyrics change nothing. TrackStored goes through the
/// outbox, so it is published if and only if the track was saved.
/// </summary>
public sealed class TrackScrapedConsumer(CatalogDbContext db, CatalogMetrics metrics) : IConsumer<Batch<TrackScraped>>
{
    public async Task Consume(ConsumeContext<Batch<TrackScraped>> context)
    {
        var candidates = FirstOfEach(context.Message.Select(m => m.Message));
        var hashes = candidates.Select(c => c.Hash).ToList();
        var sourceIds = candidates.Select(c => c.Scraped.SourceId).Distinct().ToList();
        var knownHashes = (await db.Tracks.Where(t => hashes.Contains(t.ContentHash)).Select(t => t.ContentHash)
            .ToListAsync(context.CancellationToken)).ToHashSet();
        var knownSources = (await db.Tracks.Where(t => sourceIds.Contains(t.SourceId)).Select(t => new { t.Source, t.SourceId })
            .ToListAsync(context.CancellationToken)).Select(t => (t.Source, t.SourceId)).ToHashSet();
        var fresh = candidates
            .Where(c => !knownHashes.Contains(c.Hash) && !knownSources.Contains((c.Scraped.Source, c.Scraped.SourceId)))
            .ToList();
        if (fresh.Count == 0)
        {
            return;
        }

        var artists = await ArtistsByNameAsync(fresh.Select(c => c.Scraped.Artist), context.CancellationToken);
        foreach (var (scraped, hash) in fresh)
        {
            var artist = artists[Artist.Normalize(scraped.Artist)];
            var track = new Track
            {
                Artist = artist,
                Title = scraped.Title.Trim(),
                Album = scraped.Album,
                ReleaseDate = scraped.ReleaseDate,
                Year = scraped.Year ?? scraped.ReleaseDate?.Year,
                Lyrics = scraped.Lyrics,
                Source = scraped.Source,
                SourceId = scraped.SourceId,
                ContentHash = hash,
                Language = scraped.Language,
                Views = scraped.Views,
                Url = scraped.Url,
            };
            db.Tracks.Add(track);
            db.EnqueueEvent(new TrackStored(track.Id, track.Title, artist.Name, track.Lyrics, hash));
        }
        await db.SaveChangesAsync(context.CancellationToken);
        metrics.TracksStored(fresh.Count);
    }

    /// <summary>Within a batch the first of several tracks with the same source id or the same lyrics wins.</summary>
    private static List<(TrackScraped Scraped, string Hash)> FirstOfEach(IEnumerable<TrackScraped> batch)
    {
        var hashes = new HashSet<string>();
        var sources = new HashSet<(string, string)>();
        var first = new List<(TrackScraped, string)>();
        foreach (var scraped in batch)
        {
            var hash = LyricsHash.Compute(scraped.Lyrics);
            if (!hashes.Contains(hash) && sources.Add((scraped.Source, scraped.SourceId)))
            {
                hashes.Add(hash);
                first.Add((scraped, hash));
            }
        }
        return first;
    }

    private async Task<Dictionary<string, Artist>> ArtistsByNameAsync(IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var wanted = names.GroupBy(Artist.Normalize).ToDictionary(g => g.Key, g => g.First().Trim());
        var keys = wanted.Keys.ToList();
        var artists = await db.Artists.Where(a => keys.Contains(a.NormalizedName)).ToDictionaryAsync(a => a.NormalizedName, cancellationToken);
        foreach (var (normalized, name) in wanted.Where(w => !artists.ContainsKey(w.Key)))
        {
            artists[normalized] = db.Artists.Add(new Artist { Name = name, NormalizedName = normalized }).Entity;
        }
        return artists;
    }
}
