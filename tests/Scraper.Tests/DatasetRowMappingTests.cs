using RapAnalyzer.Contracts;
using RapAnalyzer.Scraper.Import;

namespace RapAnalyzer.Scraper.Tests;

/// <summary>A dataset row becomes the TrackScraped event the catalog consumes.</summary>
public class DatasetRowMappingTests
{
    [Test]
    public void A_full_row_maps_trimmed_with_the_dataset_as_source()
    {
        var row = new DatasetRow(" 5012 ", "  Nas Is Like ", " Nas\t", "  Yo\nit's like that\n", Tag: "rap", Year: 1999,
            Views: 123456789, Features: "{\"DJ Premier\"}", Language: "en");

        var track = row.ToTrackScraped();

        Assert.That(track, Is.EqualTo(new TrackScraped("genius-dataset", "5012", "Nas Is Like", "Nas", "  Yo\nit's like that\n",
            Year: 1999, Language: "en", Views: 123456789)));
    }

    [Test]
    public void The_source_is_genius_dataset()
    {
        Assert.That(new DatasetRow("1", "T", "A", "L").ToTrackScraped().Source, Is.EqualTo("genius-dataset"));
    }

    [TestCase(0)]
    [TestCase(-5)]
    public void A_year_that_is_not_positive_is_unknown(int year)
    {
        Assert.That(new DatasetRow("1", "T", "A", "L", Year: year).ToTrackScraped().Year, Is.Null);
    }

    [Test]
    public void A_missing_year_stays_unknown_and_a_real_one_is_kept()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(new DatasetRow("1", "T", "A", "L").ToTrackScraped().Year, Is.Null);
            Assert.That(new DatasetRow("1", "T", "A", "L", Year: 1).ToTrackScraped().Year, Is.EqualTo(1));
        }
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void An_empty_language_is_unknown(string? language)
    {
        Assert.That(new DatasetRow("1", "T", "A", "L", Language: language).ToTrackScraped().Language, Is.Null);
    }

    [Test]
    public void Columns_the_event_has_no_place_for_are_left_out()
    {
        var track = new DatasetRow("1", "T", "A", "L", Tag: "rap", Features: "{\"X\"}").ToTrackScraped();

        Assert.That((track.Album, track.ReleaseDate, track.Url, track.Views), Is.EqualTo(((string?)null, (DateOnly?)null, (string?)null, (long?)null)));
    }
}
