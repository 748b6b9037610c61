using RapAnalyzer.Rhymes;

namespace RapAnalyzer.Rhymes.Tests;

public sealed class LineRhymeTests
{
    private static readonly LyricsTranscriber Transcriber = new(new PhoneticTranscriber());

    private static int Length(string first, string second) => LineRhyme.Length(Transcriber.Transcribe(first), Transcriber.Transcribe(second));

    [Test]
    public void A_multisyllable_rhyme_is_counted_across_the_words_of_both_lines()
    {
        // meIkIN mVni / feIkIN fVni: e i i V i both.
        Assert.That(Length("I was making money", "she was faking funny"), Is.EqualTo(5));
    }

    [Test]
    public void The_same_last_word_is_repetition_not_rhyme()
    {
        Assert.That(Length("I got money", "you got money"), Is.Zero);
    }

    [Test]
    public void The_match_stops_at_the_same_earlier_word()
    {
        // flame/game share e i, then "the" vanishes and "got" meets "got".
        Assert.That(Length("I got the flame", "I got the game"), Is.EqualTo(2));
    }

    [Test]
    public void A_line_without_a_vowel_rhymes_with_nothing()
    {
        Assert.That(Length("shh", "the"), Is.Zero);
        Assert.That(Length("", "money"), Is.Zero);
    }

    [TestCase(new[] { "I cry", "you lie", "we sat", "you fat" }, "AABB")]
    [TestCase(new[] { "making money", "a night in town", "faking funny", "the knife came down" }, "ABAB")]
    [TestCase(new[] { "hot rod", "bought God", "shh", "I got money" }, "AABC")]
    public void The_end_rhyme_scheme_gives_lines_that_end_alike_one_letter(string[] lines, string scheme)
    {
        Assert.That(EndRhymeScheme.Of(Transcriber.Transcribe(lines)), Is.EqualTo(scheme));
    }

    [Test]
    public void A_diphthong_is_two_vowels_in_one_syllable()
    {
        var cry = Transcriber.Transcribe("I cry");
        var lie = Transcriber.Transcribe("you lie");
        Assert.That(LineRhyme.Length(cry, lie), Is.EqualTo(2));
        Assert.That(LineRhyme.Syllables(cry, lie), Is.EqualTo(1));
        // e i | i | V | i: making money and faking funny share four syllables.
        Assert.That(LineRhyme.Syllables(Transcriber.Transcribe("making money"), Transcriber.Transcribe("faking funny")), Is.EqualTo(4));
    }

    [Test]
    public void Multisyllable_rhymes_are_pairs_of_nearby_lines_sharing_two_syllables_or_more()
    {
        // money/funny within 4 lines share four syllables; cry/lie share one (a diphthong); nothing else rhymes on two.
        var lines = Transcriber.Transcribe(["making money", "faking funny", "I cry", "you lie", "we sat"]);
        Assert.That(MultisyllableRhymes.Count(lines), Is.EqualTo(1));
    }
}
