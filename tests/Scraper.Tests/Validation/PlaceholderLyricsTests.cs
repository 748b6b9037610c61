using RapAnalyzer.Scraper.Validation;

namespace RapAnalyzer.Scraper.Tests.Validation;

/// <summary>What counts as no lyrics, on a Genius page and in an imported row alike.</summary>
public class PlaceholderLyricsTests
{
    [TestCase("")]
    [TestCase(" \n\t\r\n ")]
    [TestCase("[?]")]
    [TestCase("[Instrumental]")]
    [TestCase("(Instrumental)")]
    [TestCase("instrumental")]
    [TestCase("This song is an instrumental")]
    [TestCase("Lyrics for this song have yet to be released. Please check back once the song has been released.")]
    [TestCase("Lyrics for this song have yet to be transcribed.")]
    [TestCase("[Intro]\n\n[Verse 1: Nas]\n\n[Chorus]")]
    [TestCase("[Produced by X]\n\n[Instrumental]\n[?]\n...")]
    [TestCase("🔥 🔥\n!!!")]
    public void Placeholders_and_headers_alone_are_no_lyrics(string lyrics)
    {
        Assert.That(PlaceholderLyrics.IsPlaceholder(lyrics), Is.True);
    }

    [TestCase("yeah")]
    [TestCase("[Verse 1]\nfirst line of mine")]
    [TestCase("[?] said the man")]
    [TestCase("[Instrumental]\n\n[Outro]\nThat's it")]
    [TestCase("Instrumental, all I need is the beat")]
    [TestCase("Привет")]
    [TestCase("123")]
    public void Anything_with_words_beside_them_is_lyrics(string lyrics)
    {
        Assert.That(PlaceholderLyrics.IsPlaceholder(lyrics), Is.False);
    }
}
