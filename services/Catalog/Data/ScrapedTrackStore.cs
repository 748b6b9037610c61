using Microsoft.EntityFrameworkCore;
using RapAnalyzer.Catalog.Domain;
using RapAnalyzer.Catalog.Search;
using RapAnalyzer.Contracts;
using RapAnalyzer.Messaging.Outbox;

namespace RapAnalyzer.Catalog.Data;

/// <summary>
/// Saves scraped tracks in one transaction. Lyrics some track already has change nothing (a redelivery, the same song
/// from another source); a known source id with other lyrics is that track's new version (<see cref="Track.Revise"/>);
/// anything else is a new track. Each saved track enqueues TrackStored in the outbox, so it is published if and only if
/// the save committed, and enrichment and the analyzers run on every version.
/// </summary>
public sealed class ScrapedTrackStore(CatalogDbContext db, CatalogMetrics metrics, SearchCache searchCache, LineSignsRefresh lineSigns)
{
    public async Task StoreAsync(IReadOnlyList<TrackScraped> batch, CancellationToken cancellationToken)
    {
        // What a failed save left tracked would be saved again with the next.
        db.ChangeTracker.Clear();
        var candidates = OnePerSourceAndLyrics(batch);
        var hashes = candidates.Select(c => c.Hash).ToList();
        var knownHashes = (await db.Tracks.Where(t => hashes.Contains(t.ContentHash)).Select(t => t.ContentHash)
            .ToListAsync(cancellationToken)).ToHashSet();
        var changed = candidates.Where(c => !knownHashes.Contains(c.Hash)).ToList();
        if (changed.Count == 0)
        {
            return;
        }

        var sourceIds = changed.Select(c => c.Scraped.SourceId).Distinct().ToList();
        var known = (await db.Tracks
                .Include(t => t.Features).Include(t => t.Spotify).Include(t => t.Embeddings).Include(t => t.SectionEmbeddings).Include(t => t.LineSigns).Include(t => t.Analyses).Include(t => t.QualityScores)
                .AsSplitQuery()
                .Where(t => sourceIds.Contains(t.SourceId))
                .ToListAsync(cancellationToken))
            .ToDictionary(t => (t.Source, t.SourceId));
        var artists = await ArtistsByNameAsync(changed.Select(c => c.Scraped.Artist), cancellationToken);
        var updated = 0;
        foreach (var (scraped, hash) in changed)
        {
            var artist = artists[ArtistIdentity.Key(scraped.Artist)];
            if (known.TryGetValue((scraped.Source, scraped.SourceId), out var track))
            {
                track.Revise(scraped, artist, hash);
                updated++;
            }
            else
            {
                track = db.Tracks.Add(Track.From(scraped, artist, hash)).Entity;
            }
            db.EnqueueEvent(new TrackStored(track.Id, track.Title, artist.Name, track.Lyrics, hash));
        }
        await db.SaveChangesAsync(cancellationToken);
        // Of what is stored here only a revision changes lines (it drops its track's): a new track has none yet.
        if (updated > 0)
        {
            await lineSigns.CatchUpAsync(cancellationToken);
        }
        await searchCache.TracksChangedAsync();
        metrics.TracksStored(changed.Count - updated);
        metrics.TracksUpdated(updated);
    }

    /// <summary>
    /// Within a batch the last version of a source id is its current one, and the first of several tracks with the same
    /// lyrics is the one stored.
    /// </summary>
    private static List<(TrackScraped Scraped, string Hash)> OnePerSourceAndLyrics(IEnumerable<TrackScraped> batch)
    {
        var latest = batch.GroupBy(t => (t.Source, t.SourceId)).Select(g => g.Last());
        var hashes = new HashSet<string>();
        return [.. latest.Select(t => (Scraped: t, Hash: LyricsHash.Compute(t.Lyrics))).Where(c => hashes.Add(c.Hash))];
    }

    private async Task<Dictionary<string, Artist>> ArtistsByNameAsync(IEnumerable<string> names, CancellationToken cancellationToken)
    {
        var wanted = names.GroupBy(ArtistIdentity.Key).ToDictionary(g => g.Key, g => g.First().Trim());
        var keys = wanted.Keys.ToList();
        var artists = await db.Artists.Where(a => keys.Contains(a.NormalizedName)).ToDictionaryAsync(a => a.NormalizedName, cancellationToken);
        foreach (var (key, name) in wanted.Where(w => !artists.ContainsKey(w.Key)))
        {
            artists[key] = db.Artists.Add(new Artist { Name = name, NormalizedName = key }).Entity;
        }
        return artists;
    }
}
