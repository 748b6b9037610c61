using System.Globalization;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.Scraper.Genius;

public static class GeniusSongMapping
{
    public const string Source = "genius";

    public static TrackScraped ToTrackScraped(this GeniusSong song, string lyrics)
    {
        var releaseDate = DateOnly.TryParseExact(song.ReleaseDate, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : (DateOnly?)null;
        return new TrackScraped(
            Source,
            song.Id.ToString(CultureInfo.InvariantCulture),
            song.Title.Trim(),
            song.PrimaryArtist.Name.Trim(),
            lyrics,
            Album: string.IsNullOrWhiteSpace(song.Album?.Name) ? null : song.Album.Name.Trim(),
            ReleaseDate: releaseDate,
            Year: releaseDate?.Year ?? (song.ReleaseDateComponents?.Year is int year and > 0 ? year : null),
            Language: string.IsNullOrWhiteSpace(song.Language) ? null : song.Language,
            Views: song.Stats?.Pageviews,
            Url: song.Url);
    }
}
