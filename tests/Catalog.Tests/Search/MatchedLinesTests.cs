using RapAnalyzer.Catalog.Search;

namespace RapAnalyzer.Catalog.Tests.Search;

public class MatchedLinesTests
{
    private const string Lyrics = "[Verse 1]\nCash rules everything around me\nDollar dollar bill y'all\n\n[Chorus]\nGet the money, dollar bills\nMoney talks";

    [Test]
    public void The_lines_with_the_most_query_words_come_in_lyric_order_with_their_spans()
    {
        var lines = MatchedLines.Find(Lyrics, "money dollar bill");

        Assert.That(lines.Select(l => l.Text), Is.EqualTo(new[] { "Dollar dollar bill y'all", "Get the money, dollar bills", "Money talks" }));
        Assert.That(lines[1].Highlights, Is.EqualTo(new[] { new[] { 8, 13 }, new[] { 15, 21 }, new[] { 22, 27 } }));
    }

    [Test]
    public void At_most_three_lines_and_never_a_section_header()
    {
        var lines = MatchedLines.Find(Lyrics, "verse chorus money dollar cash");

        Assert.That(lines, Has.Count.EqualTo(3));
        Assert.That(lines.Select(l => l.Text), Has.None.StartsWith("["));
    }

    [Test]
    public void No_line_matches_a_query_sharing_no_word()
    {
        Assert.That(MatchedLines.Find(Lyrics, "spaceship"), Is.Empty);
    }

    private const string Section = "Waves rolling in\nSun on the sand\nSwim in the sea\nShades on, day is done";

    [Test]
    public void A_section_found_by_meaning_shows_its_lines_holding_query_words()
    {
        var lines = MatchedLines.InSection(Section, "ocean sand beach");

        Assert.That(lines.Select(l => l.Text), Is.EqualTo(new[] { "Sun on the sand" }));
        Assert.That(lines[0].Highlights, Is.EqualTo(new[] { new[] { 11, 15 } }));
    }

    [Test]
    public void A_section_sharing_no_word_with_the_query_shows_its_opening_lines()
    {
        var lines = MatchedLines.InSection(Section, "seaside holiday");

        Assert.That(lines.Select(l => l.Text), Is.EqualTo(new[] { "Waves rolling in", "Sun on the sand", "Swim in the sea" }));
        Assert.That(lines.SelectMany(l => l.Highlights), Is.Empty);
    }
}
