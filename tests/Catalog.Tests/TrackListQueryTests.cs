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
}
