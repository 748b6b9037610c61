using MassTransit;
using Microsoft.EntityFrameworkCore;
using RapAnalyzer.Catalog.Data;
using RapAnalyzer.Catalog.Domain;
using RapAnalyzer.Contracts;
using RapAnalyzer.ServiceDefaults.Outbox;

namespace RapAnalyzer.Catalog.Consumers;

/// <summary>
/// Stores a scraped track once: a redelivery, the same source id or the same lyrics change nothing.
/// TrackStored goes through the outbox, so it is published if and only if the track was saved.
/// </summary>
public sealed class TrackScrapedConsumer(CatalogDbContext db, ILogger<TrackScrapedConsumer> logger) : IConsumer<TrackScraped>
{
    public async Task Consume(ConsumeContext<TrackScraped> context)
    {
        var scraped = context.Message;
        var hash = LyricsHash.Compute(scraped.Lyrics);
        var known = await db.Tracks.AnyAsync(
            t => (t.Source == scraped.Source && t.SourceId == scraped.SourceId) || t.ContentHash == hash,
            context.CancellationToken);
        if (known)
        {
            logger.LogDebug("Track {Source}/{SourceId} is already stored", scraped.Source, scraped.SourceId);
            return;
        }

        var artist = await FindOrAddArtistAsync(scraped.Artist, context.CancellationToken);
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
        await db.SaveChangesAsync(context.CancellationToken);
    }

    private async Task<Artist> FindOrAddArtistAsync(string name, CancellationToken cancellationToken)
    {
        var normalized = Artist.Normalize(name);
        var artist = await db.Artists.FirstOrDefaultAsync(a => a.NormalizedName == normalized, cancellationToken);
        if (artist is null)
        {
            artist = new Artist { Name = name.Trim(), NormalizedName = normalized };
            db.Artists.Add(artist);
        }
        return artist;
    }
}
