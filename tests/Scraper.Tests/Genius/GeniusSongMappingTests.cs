using RapAnalyzer.Contracts;
using RapAnalyzer.Scraper.Genius;

namespace RapAnalyzer.Scraper.Tests.Genius;

/// <summary>A Genius song and its lyrics become the TrackScraped event the catalog consumes.</summary>
public class GeniusSongMappingTests
{
    private static readonly GeniusSong Full = new(3039923, " HUMBLE. ", "https://genius.com/Kendrick-lamar-humble-lyrics",
        new GeniusArtist(1421, "Kendrick Lamar "), new GeniusAlbum(1, "DAMN."), "2017-03-30",
        new GeniusReleaseDateComponents(2017, 3, 30), "en", new GeniusSongStats(12_345_678));

    [Test]
    public void Every_field_is_carried_over_with_genius_as_the_source()
    {
        var track = Full.ToTrackScraped("[Intro]\nNobody pray for me");

        Assert.That(track, Is.EqualTo(new TrackScraped("genius", "3039923", "HUMBLE.", "Kendrick Lamar", "[Intro]\nNobody pray for me",
            Album: "DAMN.", ReleaseDate: new DateOnly(2017, 3, 30), Year: 2017, Language: "en", Views: 12_345_678,
            Url: "https://genius.com/Kendrick-lamar-humble-lyrics")));
    }

    [Test]
    public void A_date_known_only_to_the_year_gives_the_year_and_no_date()
    {
        var track = (Full with { ReleaseDate = null, ReleaseDateComponents = new GeniusReleaseDateComponents(1994, null, null) })
            .ToTrackScraped("x");

        Assert.That((track.ReleaseDate, track.Year), Is.EqualTo(((DateOnly?)null, (int?)1994)));
    }

    [TestCase("not a date")]
    [TestCase("2017-13-45")]
    [TestCase("")]
    public void An_unreadable_date_is_unknown_rather_than_an_error(string date)
    {
        var track = (Full with { ReleaseDate = date, ReleaseDateComponents = null }).ToTrackScraped("x");

        Assert.That((track.ReleaseDate, track.Year), Is.EqualTo(((DateOnly?)null, (int?)null)));
    }

    [Test]
    public void Missing_album_stats_and_language_are_left_out()
    {
        var track = (Full with { Album = null, Stats = null, Language = null }).ToTrackScraped("x");

        Assert.That((track.Album, track.Views, track.Language), Is.EqualTo(((string?)null, (long?)null, (string?)null)));
    }

    [Test]
    public void Stats_without_pageviews_leave_the_views_unknown()
    {
        Assert.That((Full with { Stats = new GeniusSongStats(null) }).ToTrackScraped("x").Views, Is.Null);
    }
}
