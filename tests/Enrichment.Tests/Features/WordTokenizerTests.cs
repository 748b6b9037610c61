using RapAnalyzer.Enrichment.Features;

namespace RapAnalyzer.Enrichment.Tests.Features;

/// <summary>Words are lowercase letters and digits; apostrophes stay where they are part of the word.</summary>
public class WordTokenizerTests
{
    [TestCase("Don't stop, y'all ain't ready!", new[] { "don't", "stop", "y'all", "ain't", "ready" })]
    [TestCase("Rappin' and nothin' else", new[] { "rappin'", "and", "nothin'", "else" })]
    [TestCase("'Cause I keep 'em 'til dawn", new[] { "'cause", "i", "keep", "'em", "'til", "dawn" })]
    [TestCase("Rock 'n' roll", new[] { "rock", "'n", "roll" })]
    public void Apostrophes_inside_words_after_a_dropped_g_and_before_an_elision_are_kept(string line, string[] words)
    {
        Assert.That(WordTokenizer.Split(line), Is.EqualTo(words));
    }

    [Test]
    public void Typographic_apostrophes_read_as_plain_ones()
    {
        Assert.That(WordTokenizer.Split("\u2018Cause I\u2019m rappin\u2019"), Is.EqualTo(new[] { "'cause", "i'm", "rappin'" }));
    }

    [TestCase("'Hello,' she said", new[] { "hello", "she", "said" })]
    [TestCase("the players' ball", new[] { "the", "players", "ball" })]
    [TestCase("'' -- ' ...", new string[0])]
    public void Quotes_and_stray_apostrophes_are_punctuation(string line, string[] words)
    {
        Assert.That(WordTokenizer.Split(line), Is.EqualTo(words));
    }

    [Test]
    public void Numbers_are_words_and_other_punctuation_separates()
    {
        Assert.That(WordTokenizer.Split("24/7 with 50 Cent, ex-girl (2Pac) $100"),
            Is.EqualTo(new[] { "24", "7", "with", "50", "cent", "ex", "girl", "2pac", "100" }));
    }

    [Test]
    public void Letters_of_any_script_are_words_in_lowercase()
    {
        // "Cafe\u0301" is decomposed (e + combining acute); it folds to the precomposed "café".
        Assert.That(WordTokenizer.Split("Señor Cafe\u0301 — NIÑO, Ünïcode 東京"),
            Is.EqualTo(new[] { "señor", "café", "niño", "ünïcode", "東京" }));
    }

    [TestCase("")]
    [TestCase("   \t ")]
    [TestCase("... — !!")]
    public void A_line_without_letters_or_digits_has_no_words(string line)
    {
        Assert.That(WordTokenizer.Split(line), Is.Empty);
    }
}
