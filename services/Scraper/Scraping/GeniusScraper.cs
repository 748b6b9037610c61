using System.Text.Json;
using MassTransit;
using Polly.Timeout;
using RapAnalyzer.Contracts;
using RapAnalyzer.Scraper.Dedup;
using RapAnalyzer.Scraper.Genius;
using RapAnalyzer.Scraper.Jobs;

namespace RapAnalyzer.Scraper.Scraping;

/// <summary>
/// Scrapes artists' songs from Genius into TrackScraped events. What goes wrong with one artist or one song
/// (a 403, a 404, a timeout, a page without lyrics) is recorded on the job and the scrape goes on; an open
/// circuit (Genius keeps failing) ends it.
/// </summary>
public sealed class GeniusScraper(GeniusClient genius, IPublishEndpoint publisher, IngestedSongs ingested, ArtistSongsCache artistSongs,
    ScraperMetrics metrics, ILogger<GeniusScraper> logger)
{
    public async Task ScrapeAsync(IReadOnlyList<string> artists, int songLimit, Job job, CancellationToken cancellationToken)
    {
        foreach (var artist in artists)
        {
            await ScrapeArtistAsync(artist, songLimit, job, cancellationToken);
        }
    }

    private async Task ScrapeArtistAsync(string name, int songLimit, Job job, CancellationToken cancellationToken)
    {
        IReadOnlyList<GeniusSongSummary> songs;
        try
        {
            var artist = await genius.SearchArtistAsync(name, cancellationToken);
            if (artist is null)
            {
                job.Failed($"artist '{name}'", "Genius search found no primary artist of that name.");
                return;
            }
            songs = await artistSongs.GetOrAddAsync(artist.Id, songLimit,
                () => genius.GetArtistSongsAsync(artist.Id, songLimit, cancellationToken));
        }
        catch (Exception e) when (IsItemFailure(e))
        {
            job.Failed($"artist '{name}'", e.Message);
            return;
        }

        job.Found(songs.Count);
        logger.LogInformation("Scrape {JobId}: {Count} songs of {Artist}", job.Id, songs.Count, name);
        foreach (var song in songs)
        {
            await ScrapeSongAsync(song, job, cancellationToken);
        }
    }

    /// <summary>One song: its details, its page, its lyrics, published unless the same lyrics were ingested before.</summary>
    public async Task ScrapeSongAsync(GeniusSongSummary summary, Job job, CancellationToken cancellationToken)
    {
        var item = $"song {summary.Id} '{summary.Title}'";
        try
        {
            var song = await genius.GetSongAsync(summary.Id, cancellationToken);
            var lyrics = LyricsPageExtractor.Extract(await genius.GetLyricsPageAsync(song.Url, cancellationToken));
            if (lyrics is null)
            {
                job.Failed(item, $"{song.Url} has no lyrics (an instrumental, or not transcribed yet).");
                metrics.TrackRejected(ScraperMetrics.FromScrape);
                return;
            }
            var hash = LyricsHash.Compute(lyrics);
            if ((await ingested.ContainsAsync([hash]))[0])
            {
                job.SkippedDuplicate();
                return;
            }
            await publisher.Publish(song.ToTrackScraped(lyrics), cancellationToken);
            await ingested.AddAsync([hash]);
            job.Fetched();
            metrics.TracksImported(ScraperMetrics.FromScrape, 1);
        }
        catch (Exception e) when (IsItemFailure(e))
        {
            job.Failed(item, e.Message);
            metrics.TrackRejected(ScraperMetrics.FromScrape);
        }
    }

    private static bool IsItemFailure(Exception e) =>
        e is HttpRequestException or TimeoutRejectedException or JsonException or InvalidDataException;
}
