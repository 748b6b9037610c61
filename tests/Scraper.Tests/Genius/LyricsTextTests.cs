using RapAnalyzer.Scraper.Genius;

namespace RapAnalyzer.Scraper.Tests.Genius;

/// <summary>The layout rules for lyrics text, apart from any HTML.</summary>
public class LyricsTextTests
{
    [TestCase("[Chorus]", true)]
    [TestCase("[Verse 1: Kendrick Lamar]", true)]
    [TestCase("[Pre-Chorus: Beyoncé & JAY-Z]", true)]
    [TestCase("[Refrain]", true)]
    [TestCase("[?]", false)]
    [TestCase("[...]", false)]
    [TestCase("[Chorus] and words", false)]
    [TestCase("words [Chorus]", false)]
    [TestCase("Chorus", false)]
    [TestCase("", false)]
    public void What_counts_as_a_section_header(string line, bool isHeader)
    {
        Assert.That(LyricsText.IsSectionHeader(line), Is.EqualTo(isHeader));
    }

    [Test]
    public void Windows_and_old_mac_line_endings_become_plain_line_breaks()
    {
        Assert.That(LyricsText.Normalize("one\r\ntwo\rthree\n"), Is.EqualTo("one\ntwo\nthree"));
    }

    [Test]
    public void Odd_spaces_become_plain_spaces_and_zero_width_ones_vanish()
    {
        Assert.That(LyricsText.Normalize("a\u00A0\u2009b\u200Bc\uFEFF d\u3000e"), Is.EqualTo("a bc d e"));
    }

    [Test]
    public void Two_headers_in_a_row_are_kept_apart_by_a_blank_line()
    {
        Assert.That(LyricsText.Normalize("[Produced by X]\n[Intro]\nline"), Is.EqualTo("[Produced by X]\n\n[Intro]\nline"));
    }

    [Test]
    public void Text_without_any_letters_or_lines_is_empty()
    {
        Assert.That(LyricsText.Normalize(" \n\u00A0\n\t\n"), Is.Empty);
    }
}
