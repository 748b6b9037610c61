using RapAnalyzer.Scraper.Scraping;

namespace RapAnalyzer.Scraper.Tests.Genius;

/// <summary>The rules of a scrape request, as both the HTTP API and gRPC apply them.</summary>
public class ScrapeOrderValidationTests
{
    private static (ScrapeOrder? Order, Dictionary<string, string[]> Errors) Validate(IReadOnlyList<string?>? artists, int? songLimit,
        ScrapeOrderValidation.FieldNames? fields = null)
    {
        ScrapeOrderValidation.TryCreate(artists, songLimit, fields ?? ScrapeOrderValidation.FieldNames.Json, out var order, out var errors);
        return (order, errors);
    }

    [Test]
    public void A_good_request_becomes_an_order()
    {
        var (order, errors) = Validate(["Kendrick Lamar", "Nas"], 50);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors, Is.Empty);
            Assert.That(order!.Artists, Is.EqualTo(new[] { "Kendrick Lamar", "Nas" }));
            Assert.That(order.SongLimit, Is.EqualTo(50));
        }
    }

    [Test]
    public void Without_a_song_limit_the_default_applies()
    {
        Assert.That(Validate(["Nas"], null).Order!.SongLimit, Is.EqualTo(ScrapeOrderValidation.DefaultSongLimit));
    }

    [Test]
    public void Names_are_tidied_and_each_artist_is_scraped_once()
    {
        var (order, _) = Validate(["  Kendrick   Lamar ", "kendrick lamar", "NAS", "Nas", "Beyoncé", "Beyonce", "JAY-Z", "Jay Z", "Jay Rock"], 5);

        Assert.That(order!.Artists, Is.EqualTo(new[] { "Kendrick Lamar", "NAS", "Beyoncé", "JAY-Z", "Jay Rock" }));
    }

    [Test]
    public void No_artists_is_refused_naming_the_field()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(Validate(null, 5).Errors, Does.ContainKey("artists"));
            Assert.That(Validate([], 5).Errors, Does.ContainKey("artists"));
            Assert.That(Validate([], 5).Order, Is.Null);
        }
    }

    [Test]
    public void Blank_names_are_refused_naming_each_one()
    {
        var (order, errors) = Validate(["Nas", "", "  ", null, "Jay"], 5);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(order, Is.Null);
            Assert.That(errors.Keys, Is.EquivalentTo(new[] { "artists[1]", "artists[2]", "artists[3]" }));
        }
    }

    [Test]
    public void A_name_longer_than_the_maximum_is_refused()
    {
        var errors = Validate(["Nas", new string('x', ScrapeOrderValidation.MaxArtistNameLength + 1)], 5).Errors;

        Assert.That(errors.Keys, Is.EqualTo(new[] { "artists[1]" }));
    }

    [Test]
    public void A_name_that_could_not_be_stored_is_refused_as_a_stored_text_would_be()
    {
        var errors = Validate(["Nas", "N\0as", "\u200B", "Lone \uD83C"], 5).Errors;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(errors.Keys, Is.EqualTo(new[] { "artists[1]", "artists[2]", "artists[3]" }));
            Assert.That(errors["artists[1]"][0], Is.EqualTo("artists[1] holds a control character (U+0000) at character 2."));
            Assert.That(errors["artists[2]"][0], Is.EqualTo("artists[2] is missing."));
        }
    }

    [Test]
    public void Twenty_artists_are_allowed_and_twenty_one_are_not()
    {
        var twenty = Enumerable.Range(1, 20).Select(i => (string?)$"Artist {i}").ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Validate(twenty, 5).Errors, Is.Empty);
            Assert.That(Validate([.. twenty, "Artist 21"], 5).Errors["artists"][0], Does.Contain("At most 20"));
        }
    }

    [TestCase(0)]
    [TestCase(-1)]
    [TestCase(501)]
    [TestCase(int.MaxValue)]
    public void A_song_limit_outside_1_to_500_is_refused_naming_the_field(int limit)
    {
        var (order, errors) = Validate(["Nas"], limit);

        Assert.That((order, errors.Keys.Single()), Is.EqualTo(((ScrapeOrder?)null, "songLimit")));
    }

    [TestCase(1)]
    [TestCase(500)]
    public void The_song_limit_bounds_are_allowed(int limit)
    {
        Assert.That(Validate(["Nas"], limit).Order!.SongLimit, Is.EqualTo(limit));
    }

    [Test]
    public void Every_problem_is_reported_at_once_with_the_callers_field_names()
    {
        var errors = Validate(["", "Nas"], 0, ScrapeOrderValidation.FieldNames.Proto).Errors;

        Assert.That(errors.Keys, Is.EquivalentTo(new[] { "artists[0]", "song_limit" }));
    }
}
