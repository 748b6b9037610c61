using RapAnalyzer.Enrichment.Features;
using RapAnalyzer.Testing;

namespace RapAnalyzer.Enrichment.Tests.Features;

/// <summary>Lyrics split into sections, lines and words.</summary>
public class LyricsTests
{
    private const string GeniusSong = """
        Yeah, uh

        [Intro]

        [Verse 1: Kendrick Lamar]
        I got the flame, y'all
        I got the game

        Rappin' till the mornin'
        [Chorus: Rihanna & Kendrick Lamar]
        Making money, taking honey
          ...  
        Señor, café!
        """;

    [Test]
    public void Headers_start_sections_and_a_header_with_no_lines_makes_none()
    {
        var sections = Lyrics.Parse(GeniusSong).Sections;

        Assert.That(sections.Select(s => s.Kind), Is.EqualTo(new[] { SectionKind.Unlabeled, SectionKind.Verse, SectionKind.Chorus }));
        Assert.That(sections[1].Header!.Label, Is.EqualTo("Verse 1"));
        Assert.That(sections[1].Performers, Is.EqualTo(new[] { "Kendrick Lamar" }));
        Assert.That(sections[2].Performers, Is.EqualTo(new[] { "Rihanna", "Kendrick Lamar" }));
        Assert.That(sections[0].Performers, Is.Empty);
    }

    [Test]
    public void Lines_are_trimmed_and_blank_lines_headers_and_lines_without_words_are_not_lines()
    {
        var lyrics = Lyrics.Parse(GeniusSong);

        Assert.That(lyrics.Lines.Select(line => line.Text), Is.EqualTo(new[]
        {
            "Yeah, uh", "I got the flame, y'all", "I got the game", "Rappin' till the mornin'", "Making money, taking honey", "Señor, café!",
        }));
        Assert.That(lyrics.Sections.Select(s => s.Lines.Count), Is.EqualTo(new[] { 1, 3, 2 }));
    }

    [Test]
    public void Words_run_through_every_section_in_order()
    {
        Assert.That(Lyrics.Parse(GeniusSong).Words, Is.EqualTo(new[]
        {
            "yeah", "uh", "i", "got", "the", "flame", "y'all", "i", "got", "the", "game", "rappin'", "till", "the", "mornin'",
            "making", "money", "taking", "honey", "señor", "café",
        }));
    }

    [Test]
    public void Without_headers_blank_lines_separate_the_sections()
    {
        var lyrics = Lyrics.Parse("First line\nSecond line\n\n\nThird line\r\n \r\nFourth line\n");

        Assert.That(lyrics.Sections.Select(s => s.Lines.Count), Is.EqualTo(new[] { 2, 1, 1 }));
        Assert.That(lyrics.Sections.Select(s => s.Kind), Has.All.EqualTo(SectionKind.Unlabeled));
    }

    [TestCase("")]
    [TestCase("\n \n")]
    [TestCase("[Intro]\n[Instrumental]")]
    public void Lyrics_without_words_have_no_sections(string text)
    {
        Assert.That(Lyrics.Parse(text).Sections, Is.Empty);
    }

    [Test]
    public void An_artist_is_credited_with_the_sections_that_name_them()
    {
        var lyrics = Lyrics.Parse(GeniusSong);

        Assert.That(lyrics.WordsCreditedTo("kendrick  LAMAR"), Is.EqualTo(new[]
        {
            "i", "got", "the", "flame", "y'all", "i", "got", "the", "game", "rappin'", "till", "the", "mornin'",
            "making", "money", "taking", "honey", "señor", "café",
        }));
        Assert.That(lyrics.WordsCreditedTo("Rihanna"), Is.EqualTo(new[] { "making", "money", "taking", "honey", "señor", "café" }));
    }

    [Test]
    public void A_solo_artist_is_not_credited_with_the_verse_of_a_feature()
    {
        var lyrics = Lyrics.Parse("[Verse 1: Nas]\nI never sleep\n[Verse 2: AZ]\nLife's a bitch\n[Chorus: Nas & AZ]\nThen you die");

        Assert.That(lyrics.WordsCreditedTo("Nas"), Is.EqualTo(new[] { "i", "never", "sleep", "then", "you", "die" }));
    }

    [Test]
    public void A_group_is_credited_with_every_section_of_its_track_whichever_members_the_headers_name()
    {
        var lyrics = Lyrics.Parse("[Intro: RZA]\nBring da ruckus\n[Verse 1: GZA]\nProtect ya neck\n[Verse 2: Method Man & Raekwon]\nCash rules");

        Assert.That(lyrics.WordsCreditedTo("Wu-Tang Clan"), Is.EqualTo(new[] { "bring", "da", "ruckus", "protect", "ya", "neck", "cash", "rules" }));
    }

    [Test]
    public void A_header_that_spells_the_artist_otherwise_credits_the_artist()
    {
        var lyrics = Lyrics.Parse("[Verse 1: Jay Z]\nHard knock life\n[Verse 2: Kanye West]\nGold digger");

        Assert.That(lyrics.WordsCreditedTo("JAY-Z"), Is.EqualTo(new[] { "hard", "knock", "life" }));
    }

    [TestCaseSource(typeof(ArtistSpellings), nameof(ArtistSpellings.SameArtistPairs))]
    public void A_section_is_credited_to_its_performer_however_either_spells_the_name(string artist, string performer)
    {
        var lyrics = Lyrics.Parse($"[Verse 1: {performer}]\nmine\n[Verse 2: Someone Else]\ntheirs");

        Assert.That(lyrics.WordsCreditedTo(artist), Is.EqualTo(new[] { "mine" }));
    }

    [TestCaseSource(typeof(ArtistSpellings), nameof(ArtistSpellings.DifferentArtistPairs))]
    public void A_section_is_not_credited_to_an_artist_of_a_like_name(string artist, string other)
    {
        var section = Lyrics.Parse($"[Verse: {other}]\ntheirs").Sections.Single();

        Assert.That(section.IsCreditedTo(artist), Is.False);
    }

    [Test]
    public void When_no_header_names_a_performer_every_word_is_the_artists()
    {
        var lyrics = Lyrics.Parse("[Verse 1]\nI got the flame\n[Chorus]\nI got the game");

        Assert.That(lyrics.WordsCreditedTo("Anyone"), Is.EqualTo(new[] { "i", "got", "the", "flame", "i", "got", "the", "game" }));
    }

    [Test]
    public void Distinct_lines_are_the_lyric_lines_as_written_each_once_in_first_order()
    {
        var lyrics = Lyrics.Parse("[Chorus]\nWe ride tonight\nNo stopping\n\n[Verse 1: MC]\nFirst line here\nWe ride tonight\n\n[Chorus]\nWe ride tonight\nNo stopping\n");

        Assert.That(lyrics.DistinctLineTexts(), Is.EqualTo(new[] { "We ride tonight", "No stopping", "First line here" }));
    }
}
