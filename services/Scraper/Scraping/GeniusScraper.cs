using System.Text.Json;
using RapAnalyzer.Contracts;
using RapAnalyzer.Scraper.Dedup;
using RapAnalyzer.Scraper.Genius;
using RapAnalyzer.Scraper.Jobs;
using RapAnalyzer.ServiceDefaults.Http;

namespace RapAnalyzer.Scraper.Scraping;

/// <summary>
/// Scrapes artists' songs from Genius into TrackScraped events, held to the same rules as imported rows. What goes wrong
/// with one artist or one song (a 403, a 404, a timeout, a song that breaks the rules) is recorded on the job, a page
/// without lyrics counted, and the scrape goes on; an open circuit (Genius keeps failing) ends it.
/// </summary>
public sealed class GeniusScraper(GeniusClient genius, TrackPublisher tracks, ArtistSongsCache artistSongs, ScraperMetrics metrics,
    ILogger<GeniusScraper> logger)
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
                job.Failed(JobError.ForItem($"artist '{name}'", "Genius search found no primary artist of that name."));
                return;
            }
            songs = await artistSongs.GetOrAddAsync(artist.Id, songLimit,
                () => genius.GetArtistSongsAsync(artist.Id, songLimit, cancellationToken));
        }
        catch (Exception e) when (IsItemFailure(e))
        {
            job.Failed(JobError.ForItem($"artist '{name}'", e.Message));
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
            if (LyricsPageExtractor.Extract(await genius.GetLyricsPageAsync(song.Url, cancellationToken)) is not { } lyrics)
            {
                job.NoLyrics();
                return;
            }
            var track = song.ToTrackScraped(lyrics);
            if (TrackRules.Check(track) is { } rejection)
            {
                job.Rejected(JobError.ForItem(item, rejection.Reason, rejection.Field));
                metrics.TrackRejected(ScraperMetrics.FromScrape);
                return;
            }
            await tracks.PublishAsync([new IngestCandidate(track)], job, ScraperMetrics.FromScrape, cancellationToken);
        }
        catch (Exception e) when (IsItemFailure(e))
        {
            job.Failed(JobError.ForItem(item, e.Message));
            metrics.TrackRejected(ScraperMetrics.FromScrape);
        }
    }

    private static bool IsItemFailure(Exception e) =>
        e is ExternalApiException { IsCircuitOpen: false } or JsonException or InvalidDataException;
}
