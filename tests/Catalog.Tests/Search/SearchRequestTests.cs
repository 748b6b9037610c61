using RapAnalyzer.Catalog.Apis;
using RapAnalyzer.Catalog.Search;

namespace RapAnalyzer.Catalog.Tests.Search;

public class SearchRequestTests
{
    private const int Deepest = 300;

    private static Dictionary<string, string[]> Problems(string? q = "money", string? mode = null, string? model = null,
        string? artist = null, string? yearFrom = null, string? yearTo = null, string? minQuality = null, string? language = null,
        string? page = null, string? pageSize = null)
    {
        var errors = new Dictionary<string, string[]>();
        var request = new SearchParameters(q, mode, model, artist, yearFrom, yearTo, minQuality, language, page, pageSize).ToRequest(errors);
        foreach (var (field, problems) in request.Validate(Deepest))
        {
            errors.TryAdd(field, problems);
        }
        return errors;
    }

    [Test]
    public void A_plain_query_has_no_problem_and_takes_the_defaults()
    {
        var errors = new Dictionary<string, string[]>();
        var request = new SearchParameters("money", null, null, "", "", null, null, null, null, null).ToRequest(errors);

        Assert.That(errors, Is.Empty);
        Assert.That(request.Validate(Deepest), Is.Empty);
        Assert.That(request, Is.EqualTo(new SearchRequest("money", SearchMode.Hybrid, null, new SearchFilters(), 1, 10)));
    }

    [TestCase(null)]
    [TestCase("")]
    [TestCase("   ")]
    public void An_empty_query_is_a_problem_of_q(string? q) => Assert.That(Problems(q: q).Keys, Is.EqualTo(new[] { "q" }));

    [Test]
    public void A_query_over_a_thousand_characters_is_a_problem_of_q()
    {
        Assert.That(Problems(q: new string('a', 1_000)), Is.Empty);
        Assert.That(Problems(q: new string('a', 1_001)).Keys, Is.EqualTo(new[] { "q" }));
    }

    [Test]
    public void A_query_counts_an_emoji_as_one_character_and_keeps_its_line_breaks()
    {
        Assert.That(Problems(q: string.Concat(Enumerable.Repeat("\U0001F525", 1_000))), Is.Empty);
        Assert.That(Problems(q: "I got money\nin my pocket"), Is.Empty);
    }

    // Postgres refuses a NUL in text: the query must not reach it (it once answered 500).
    [TestCase("a\0b", null)]
    [TestCase("money", "\0")]
    [TestCase("money\u001b[2J", null)]
    public void A_control_character_is_a_problem_of_its_field(string q, string? language)
    {
        var problems = Problems(q: q, language: language);

        Assert.That(problems.Keys, Is.EqualTo(new[] { language is null ? "q" : "language" }));
        Assert.That(problems.Values.Single()[0], Does.Contain("control character"));
    }

    [TestCase("TEXT", SearchMode.Text)]
    [TestCase("semantic", SearchMode.Semantic)]
    [TestCase("Hybrid", SearchMode.Hybrid)]
    public void Modes_are_named_in_any_case(string name, SearchMode mode) => Assert.That(SearchRequest.ParseMode(name), Is.EqualTo(mode));

    [TestCase("fulltext")]
    [TestCase("1")]
    [TestCase("Text,Semantic")]
    public void An_unknown_mode_is_a_problem_of_mode(string mode) => Assert.That(Problems(mode: mode).Keys, Is.EqualTo(new[] { "mode" }));

    [TestCase("0", null, "page")]
    [TestCase("x", null, "page")]
    [TestCase(null, "0", "pageSize")]
    [TestCase(null, "101", "pageSize")]
    [TestCase("31", "10", "page")]
    public void Paging_out_of_range_names_its_field(string? page, string? pageSize, string field) =>
        Assert.That(Problems(page: page, pageSize: pageSize).Keys, Is.EqualTo(new[] { field }));

    [Test]
    public void The_last_page_within_the_ranked_depth_is_fine() => Assert.That(Problems(page: "30", pageSize: "10"), Is.Empty);

    [Test]
    public void An_inverted_year_range_is_a_problem_of_yearFrom() =>
        Assert.That(Problems(yearFrom: "2001", yearTo: "1999").Keys, Is.EqualTo(new[] { "yearFrom" }));

    [TestCase("0.5")]
    [TestCase("11")]
    [TestCase("NaN")]
    [TestCase("high")]
    public void A_quality_off_the_scale_is_a_problem_of_minQuality(string minQuality) =>
        Assert.That(Problems(minQuality: minQuality).Keys, Is.EqualTo(new[] { "minQuality" }));

    [Test]
    public void An_over_long_language_or_artist_names_its_field()
    {
        Assert.That(Problems(language: new string('x', 21)).Keys, Is.EqualTo(new[] { "language" }));
        Assert.That(Problems(artist: new string('x', 301)).Keys, Is.EqualTo(new[] { "artist" }));
    }

    [Test]
    public void An_over_long_model_is_a_problem_of_model() => Assert.That(Problems(model: new string('m', 101)).Keys, Is.EqualTo(new[] { "model" }));

    [Test]
    public void Filters_carry_the_catalog_artist_identity_and_a_lower_case_language()
    {
        var filters = new SearchFilters(Artist: "JAY-Z", Language: " EN ");

        Assert.That((filters.ArtistKey, filters.LanguageKey), Is.EqualTo(("jayz", "en")));
    }
}
