using RapAnalyzer.Catalog.Domain;

namespace RapAnalyzer.Catalog.Tests;

/// <summary>The track list's query validation names each bad field and nothing else.</summary>
public class TrackListQueryTests
{
    [Test]
    public void The_default_query_is_valid()
    {
        Assert.That(new TrackListQuery().Validate(), Is.Empty);
    }

    [Test]
    public void The_limits_themselves_are_valid()
    {
        var query = new TrackListQuery(Page: 1, PageSize: 200, Artist: "Nas", YearFrom: 1994, YearTo: 1994);

        Assert.That(query.Validate(), Is.Empty);
    }

    [Test]
    public void Only_one_year_bound_is_valid()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(new TrackListQuery(YearFrom: 2030).Validate(), Is.Empty);
            Assert.That(new TrackListQuery(YearTo: 1970).Validate(), Is.Empty);
        }
    }

    [TestCase(0)]
    [TestCase(-3)]
    public void A_page_below_one_names_page(int page)
    {
        var errors = new TrackListQuery(Page: page).Validate();

        Assert.That(errors.Keys, Is.EqualTo(new[] { "page" }));
    }

    [TestCase(0)]
    [TestCase(201)]
    [TestCase(-1)]
    public void A_page_size_outside_one_to_two_hundred_names_pageSize(int pageSize)
    {
        var errors = new TrackListQuery(PageSize: pageSize).Validate();

        Assert.That(errors.Keys, Is.EqualTo(new[] { "pageSize" }));
        Assert.That(errors["pageSize"].Single(), Does.Contain("200"));
    }

    [Test]
    public void YearFrom_after_yearTo_names_yearFrom()
    {
        var errors = new TrackListQuery(YearFrom: 2010, YearTo: 2009).Validate();

        Assert.That(errors.Keys, Is.EqualTo(new[] { "yearFrom" }));
    }

    [Test]
    public void Every_bad_field_is_named_at_once()
    {
        var errors = new TrackListQuery(Page: 0, PageSize: 201, YearFrom: 2020, YearTo: 2000).Validate();

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "page", "pageSize", "yearFrom" }));
        Assert.That(errors.Values, Has.All.Length.EqualTo(1));
    }

    [TestCase(2147483647, 20)]
    [TestCase(33554433, 128)]
    [TestCase(107374184, 20)]
    public void A_page_starting_beyond_what_an_offset_can_reach_names_page(int page, int pageSize)
    {
        var query = new TrackListQuery(Page: page, PageSize: pageSize);

        Assert.That(query.Validate().Keys, Is.EqualTo(new[] { "page" }));
    }

    [Test]
    public void The_offset_of_a_far_page_is_exact_and_the_last_reachable_page_is_valid()
    {
        var last = new TrackListQuery(Page: int.MaxValue / 200 + 1, PageSize: 200);

        Assert.Multiple(() =>
        {
            Assert.That(new TrackListQuery(Page: 33554433, PageSize: 128).Offset, Is.EqualTo(4294967296L));
            Assert.That(last.Offset, Is.LessThanOrEqualTo(int.MaxValue));
            Assert.That(last.Validate(), Is.Empty);
        });
    }

    [TestCase("MC\0Example")]
    [TestCase("MC\u0001Example")]
    public void An_artist_with_a_control_character_names_artist(string artist)
    {
        var errors = new TrackListQuery(Artist: artist).Validate();

        Assert.That(errors.Keys, Is.EqualTo(new[] { "artist" }));
        Assert.That(errors["artist"].Single(), Is.EqualTo($"artist holds a control character (U+{(int)artist[2]:X4}) at character 3."));
    }

    [Test]
    public void An_artist_longer_than_any_stored_names_artist()
    {
        Assert.That(new TrackListQuery(Artist: new string('a', 301)).Validate().Keys, Is.EqualTo(new[] { "artist" }));
    }
}
