using RapAnalyzer.Contracts;

namespace RapAnalyzer.Catalog.Tests;

/// <summary>
/// What a track may hold, as the scraper checks it before publishing and the catalog before storing: each broken rule
/// names its field, held against <see cref="TrackLimits"/> themselves.
/// </summary>
public class TrackRulesTests
{
    private static readonly TrackScraped Valid = new("genius-dataset", "42", "Title", "Artist", "[Verse]\nfirst line\tof mine\r\nsecond",
        Album: "Album", ReleaseDate: new DateOnly(2001, 5, 1), Year: 2001, Language: "en", Views: 10, Url: "https://genius.com/x");

    private static string Of(int length) => new('a', length);

    private static string Lines(int count, string lineBreak = "\n") => string.Join(lineBreak, Enumerable.Repeat("a line", count));

    [Test]
    public void A_valid_track_passes()
    {
        Assert.That(TrackRules.Check(Valid), Is.Null);
    }

    private static IEnumerable<TestCaseData> AtTheLimits()
    {
        yield return new TestCaseData(Valid with { SourceId = Of(TrackLimits.MaxSourceIdLength) }, Valid with { SourceId = Of(TrackLimits.MaxSourceIdLength + 1) }, "id");
        yield return new TestCaseData(Valid with { Title = Of(TrackLimits.MaxTitleLength) }, Valid with { Title = Of(TrackLimits.MaxTitleLength + 1) }, "title");
        yield return new TestCaseData(Valid with { Artist = Of(TrackLimits.MaxArtistLength) }, Valid with { Artist = Of(TrackLimits.MaxArtistLength + 1) }, "artist");
        yield return new TestCaseData(Valid with { Album = Of(TrackLimits.MaxAlbumLength) }, Valid with { Album = Of(TrackLimits.MaxAlbumLength + 1) }, "album");
        yield return new TestCaseData(Valid with { Lyrics = Of(TrackLimits.MaxLyricsLength) }, Valid with { Lyrics = Of(TrackLimits.MaxLyricsLength + 1) }, "lyrics");
        yield return new TestCaseData(Valid with { Language = Of(TrackLimits.MaxLanguageLength) }, Valid with { Language = Of(TrackLimits.MaxLanguageLength + 1) }, "language");
        yield return new TestCaseData(Valid with { Url = Of(TrackLimits.MaxUrlLength) }, Valid with { Url = Of(TrackLimits.MaxUrlLength + 1) }, "url");
        yield return new TestCaseData(Valid with { Source = Of(TrackLimits.MaxSourceLength) }, Valid with { Source = Of(TrackLimits.MaxSourceLength + 1) }, "source");
        yield return new TestCaseData(Valid with { Lyrics = Lines(TrackLimits.MaxLyricsLines) }, Valid with { Lyrics = Lines(TrackLimits.MaxLyricsLines + 1) }, "lyrics");
        // A line break ending the lyrics ends the last line and starts none, whichever line break the file has.
        yield return new TestCaseData(Valid with { Lyrics = Lines(TrackLimits.MaxLyricsLines) + "\n" }, Valid with { Lyrics = Lines(TrackLimits.MaxLyricsLines) + "\n." }, "lyrics");
        yield return new TestCaseData(Valid with { Lyrics = Lines(TrackLimits.MaxLyricsLines, "\r\n") + "\r\n" }, Valid with { Lyrics = Lines(TrackLimits.MaxLyricsLines + 1, "\r\n") }, "lyrics");
        yield return new TestCaseData(Valid with { Lyrics = Lines(TrackLimits.MaxLyricsLines, "\r") + "\r" }, Valid with { Lyrics = Lines(TrackLimits.MaxLyricsLines + 1, "\r") }, "lyrics");
    }

    [TestCaseSource(nameof(AtTheLimits))]
    public void Each_limit_is_allowed_and_one_past_it_is_rejected_naming_the_field(TrackScraped atLimit, TrackScraped pastLimit, string field)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(TrackRules.Check(atLimit), Is.Null);
            Assert.That(TrackRules.Check(pastLimit)?.Field, Is.EqualTo(field));
            Assert.That(TrackRules.Check(pastLimit)?.Reason, Does.Contain("at most"));
        }
    }

    [Test]
    public void A_track_at_every_limit_at_once_passes()
    {
        // Lines of 49 characters and their line breaks fill the lyrics exactly, the last break starting no line.
        var line = Of(TrackLimits.MaxLyricsLength / TrackLimits.MaxLyricsLines - 1);
        var atLimits = Valid with
        {
            Source = Of(TrackLimits.MaxSourceLength),
            SourceId = Of(TrackLimits.MaxSourceIdLength),
            Title = Of(TrackLimits.MaxTitleLength),
            Artist = Of(TrackLimits.MaxArtistLength),
            Lyrics = string.Concat(Enumerable.Repeat(line + "\n", TrackLimits.MaxLyricsLines)),
            Album = Of(TrackLimits.MaxAlbumLength),
            Language = Of(TrackLimits.MaxLanguageLength),
            Url = Of(TrackLimits.MaxUrlLength),
            Year = TrackLimits.MaxYear,
            ReleaseDate = new DateOnly(TrackLimits.MinYear, 1, 1),
        };

        using (Assert.EnterMultipleScope())
        {
            Assert.That(atLimits.Lyrics, Has.Length.EqualTo(TrackLimits.MaxLyricsLength));
            Assert.That(TrackRules.Rejections(atLimits), Is.Empty);
        }
    }

    [Test]
    public void Lengths_are_counted_in_characters_as_postgres_counts_them()
    {
        // Each emoji is two UTF-16 code units and one character to varchar(n).
        var title = string.Concat(Enumerable.Repeat("🔥", TrackLimits.MaxTitleLength));

        Assert.That(TrackRules.Check(Valid with { Title = title }), Is.Null);
    }

    [Test]
    public void An_artist_name_of_311_characters_is_rejected_and_the_catalog_says_so_in_a_sentence()
    {
        var rejection = TrackRules.Check(Valid with { Artist = Of(311) });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(rejection, Is.EqualTo(new Rejection("artist", $"is 311 characters long; at most {TrackLimits.MaxArtistLength} are allowed")));
            Assert.That(rejection?.Message, Is.EqualTo($"artist is 311 characters long; at most {TrackLimits.MaxArtistLength} are allowed."));
        }
    }

    [Test]
    public void Lyrics_keep_line_breaks_and_tabs_but_not_other_control_characters()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(TrackRules.Check(Valid with { Lyrics = "one\r\ntwo\n\tthree\rfour" }), Is.Null);
            Assert.That(TrackRules.Check(Valid with { Lyrics = "one\ntwo\0" }), Is.EqualTo(new Rejection("lyrics", "holds a control character (U+0000) at character 8")));
        }
    }

    private static IEnumerable<TestCaseData> BrokenRules()
    {
        yield return new TestCaseData(Valid with { Artist = "MC\0Example" }, "artist", "holds a control character (U+0000) at character 3");
        yield return new TestCaseData(Valid with { Title = "Song\u001B[31m" }, "title", "holds a control character (U+001B) at character 5");
        yield return new TestCaseData(Valid with { Album = "Album \uD800" }, "album", "holds an unpaired surrogate (U+D800) at character 7");
        yield return new TestCaseData(Valid with { Language = "e\nn" }, "language", "holds a control character (U+000A) at character 2");
        yield return new TestCaseData(Valid with { Url = "https://x/\t" }, "url", "holds a control character (U+0009) at character 11");
        yield return new TestCaseData(Valid with { Source = "" }, "source", "is missing");
        yield return new TestCaseData(Valid with { SourceId = Of(201) }, "id", "is 201 characters long; at most 200 are allowed");
        yield return new TestCaseData(Valid with { Year = 99999 }, "year", $"99999 is not a year from {TrackLimits.MinYear} to {TrackLimits.MaxYear}");
        yield return new TestCaseData(Valid with { ReleaseDate = new DateOnly(1850, 1, 2) },
            "releaseDate", $"1850-01-02 is not in a year from {TrackLimits.MinYear} to {TrackLimits.MaxYear}");
        yield return new TestCaseData(Valid with { Views = -1 }, "views", "-1 is negative");
    }

    [TestCaseSource(nameof(BrokenRules))]
    public void A_broken_rule_names_its_field_and_why(TrackScraped track, string field, string reason)
    {
        Assert.That(TrackRules.Check(track), Is.EqualTo(new Rejection(field, reason)));
    }

    [TestCase("")]
    [TestCase(" \t")]
    public void A_blank_required_field_is_missing_and_a_blank_optional_one_is_absent(string blank)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(TrackRules.Check(Valid with { SourceId = blank }), Is.EqualTo(new Rejection("id", "is missing")));
            Assert.That(TrackRules.Check(Valid with { Title = blank }), Is.EqualTo(new Rejection("title", "is missing")));
            Assert.That(TrackRules.Check(Valid with { Artist = blank }), Is.EqualTo(new Rejection("artist", "is missing")));
            Assert.That(TrackRules.Check(Valid with { Source = blank }), Is.EqualTo(new Rejection("source", "is missing")));
            Assert.That(TrackRules.Check(Valid with { Album = blank, Language = blank, Url = blank }), Is.Null);
        }
    }

    [TestCase("")]
    [TestCase("\r\n\n")]
    public void Lyrics_are_required_as_the_scraper_skips_a_track_without_any_before_these_rules(string lyrics)
    {
        Assert.That(TrackRules.Check(Valid with { Lyrics = lyrics }), Is.EqualTo(new Rejection("lyrics", "is missing")));
    }

    [Test]
    public void A_field_missing_from_the_message_is_a_broken_rule_not_a_crash()
    {
        var missing = Valid with { Title = null!, Artist = null!, Lyrics = null! };

        Assert.That(TrackRules.Rejections(missing), Is.EqualTo(new[]
        {
            new Rejection("title", "is missing"), new Rejection("artist", "is missing"), new Rejection("lyrics", "is missing"),
        }));
    }

    [Test]
    public void Every_broken_rule_is_named_at_once_and_the_first_is_the_one_checked_first()
    {
        var broken = Valid with { Artist = Of(311), Title = "\0", Views = -5 };

        using (Assert.EnterMultipleScope())
        {
            Assert.That(TrackRules.Rejections(broken).Select(r => r.Field), Is.EqualTo(new[] { "title", "artist", "views" }));
            Assert.That(TrackRules.Check(broken)?.Field, Is.EqualTo("title"));
        }
    }

    [TestCase(1899, false)]
    [TestCase(1900, true)]
    [TestCase(2001, true)]
    [TestCase(99999, false)]
    [TestCase(0, false)]
    [TestCase(-1, false)]
    public void The_year_and_the_release_dates_year_are_from_1900_to_next_year(int year, bool valid)
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(TrackRules.Check(Valid with { Year = year })?.Field, Is.EqualTo(valid ? null : "year"));
            if (year is >= 1 and <= 9999)
            {
                Assert.That(TrackRules.Check(Valid with { Year = null, ReleaseDate = new DateOnly(year, 6, 1) })?.Field,
                    Is.EqualTo(valid ? null : "releaseDate"));
            }
        }
    }

    [Test]
    public void Next_year_is_a_year_and_the_one_after_is_not()
    {
        var next = DateTime.UtcNow.Year + 1;

        using (Assert.EnterMultipleScope())
        {
            Assert.That((TrackRules.Year(next), TrackRules.Year(next + 1)?.Field), Is.EqualTo(((Rejection?)null, "year")));
            Assert.That(TrackRules.Check(Valid with { ReleaseDate = new DateOnly(next, 12, 31) }), Is.Null);
        }
    }

    [Test]
    public void A_year_too_large_for_an_int_is_reported_as_given()
    {
        Assert.That(TrackRules.Year(4294969297)?.Reason, Does.StartWith("4294969297 is not a year"));
    }

    [TestCase(0L, true)]
    [TestCase(long.MaxValue, true)]
    [TestCase(-1L, false)]
    public void Views_are_not_negative(long views, bool valid)
    {
        Assert.That(TrackRules.Check(Valid with { Views = views }), valid ? Is.Null : Is.EqualTo(new Rejection("views", $"{views} is negative")));
    }
}
