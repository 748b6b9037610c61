using RapAnalyzer.Contracts;
using RapAnalyzer.Scraper.Import;

namespace RapAnalyzer.Scraper.Tests;

/// <summary>A dataset row becomes the TrackScraped event the catalog consumes, or a rejection naming the field.</summary>
public class DatasetRowMappingTests
{
    private static TrackScraped Map(DatasetRow row)
    {
        Assert.That(row.TryMap(out var track, out var rejection), Is.True, rejection?.ToString());
        return track!;
    }

    private static Rejection Reject(DatasetRow row)
    {
        Assert.That(row.TryMap(out var track, out var rejection), Is.False, track?.ToString());
        return rejection!;
    }

    [Test]
    public void A_full_row_maps_trimmed_with_the_dataset_as_source()
    {
        var row = new DatasetRow(" 5012 ", "  Nas Is Like ", " Nas\t", "  Yo\nit's like that\n", Tag: "rap", Year: "1999",
            Views: "123456789", Features: "{\"DJ Premier\"}", Language: " en ");

        Assert.That(Map(row), Is.EqualTo(new TrackScraped("genius-dataset", "5012", "Nas Is Like", "Nas", "  Yo\nit's like that\n",
            Year: 1999, Language: "en", Views: 123456789)));
    }

    [Test]
    public void Years_and_views_are_read_from_their_text()
    {
        var track = Map(new DatasetRow("1", "T", "A", "L", Year: " 2001 ", Views: "0"));

        Assert.That((track.Year, track.Views), Is.EqualTo(((int?)2001, (long?)0)));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void A_blank_year_views_or_language_is_unknown(string? blank)
    {
        var track = Map(new DatasetRow("1", "T", "A", "L", Year: blank, Views: blank, Language: blank));

        Assert.That((track.Year, track.Views, track.Language), Is.EqualTo(((int?)null, (long?)null, (string?)null)));
    }

    // 4294969297 is 2001 + 2^32: read as an int it wrapped around to 2001.
    [TestCase("4294969297", "4294969297 is not a year from 1900")]
    [TestCase("99999", "99999 is not a year")]
    [TestCase("1899", "1899 is not a year")]
    [TestCase("0", "0 is not a year")]
    [TestCase("-2001", "-2001 is not a year")]
    [TestCase("2001.5", "'2001.5' is not a whole number")]
    [TestCase("nineteen", "'nineteen' is not a whole number")]
    [TestCase("99999999999999999999", "'99999999999999999999' is out of range")]
    public void A_year_that_is_no_year_is_rejected_not_changed(string year, string reason)
    {
        var rejection = Reject(new DatasetRow("1", "T", "A", "L", Year: year));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(rejection.Field, Is.EqualTo("year"));
            Assert.That(rejection.Reason, Does.StartWith(reason));
        }
    }

    [Test]
    public void The_years_from_1900_to_next_year_are_accepted()
    {
        var nextYear = DateTime.UtcNow.Year + 1;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Map(new DatasetRow("1", "T", "A", "L", Year: "1900")).Year, Is.EqualTo(1900));
            Assert.That(Map(new DatasetRow("1", "T", "A", "L", Year: $"{nextYear}")).Year, Is.EqualTo(nextYear));
            Assert.That(Reject(new DatasetRow("1", "T", "A", "L", Year: $"{nextYear + 1}")).Field, Is.EqualTo("year"));
        }
    }

    [TestCase("-1", "-1 is negative")]
    [TestCase("ten", "'ten' is not a whole number")]
    public void Negative_or_unreadable_views_are_rejected(string views, string reason)
    {
        Assert.That(Reject(new DatasetRow("1", "T", "A", "L", Views: views)), Is.EqualTo(new Rejection("views", reason)));
    }

    [Test]
    public void Text_shown_in_a_reason_is_cut_short()
    {
        var rejection = Reject(new DatasetRow("1", "T", "A", "L", Views: new string('x', 10_000)));

        Assert.That(rejection.Reason, Has.Length.LessThan(100));
    }

    [TestCase(null, "id")]
    [TestCase(" ", "id")]
    public void A_blank_id_is_missing(string? id, string field)
    {
        Assert.That(Reject(new DatasetRow(id, "T", "A", "L")), Is.EqualTo(new Rejection(field, "is missing")));
    }

    // The importer counts such a row as no lyrics before it maps it, so no import reports this rejection.
    [TestCase(null)]
    [TestCase("")]
    public void Missing_lyrics_break_the_track_rules(string? lyrics)
    {
        Assert.That(Reject(new DatasetRow("1", "T", "A", lyrics)), Is.EqualTo(new Rejection("lyrics", "is missing")));
    }

    [Test]
    public void The_track_is_held_to_the_track_rules()
    {
        var rejection = Reject(new DatasetRow("1", "T", new string('a', TrackLimits.MaxArtistLength + 1), "L"));

        Assert.That(rejection.Field, Is.EqualTo("artist"));
    }

    [Test]
    public void Columns_the_event_has_no_place_for_are_left_out()
    {
        var track = Map(new DatasetRow("1", "T", "A", "L", Tag: "rap", Features: "{\"X\"}"));

        Assert.That((track.Album, track.ReleaseDate, track.Url, track.Views), Is.EqualTo(((string?)null, (DateOnly?)null, (string?)null, (long?)null)));
    }
}
