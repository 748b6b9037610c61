using RapAnalyzer.Enrichment.Features;

namespace RapAnalyzer.Enrichment.Tests.Features;

/// <summary>The parts of a pronunciation that rhymes are made of.</summary>
public class PronunciationTests
{
    private static Pronunciation Of(string phonemes) => new(phonemes.Split(' '), PronunciationSource.Dictionary);

    [TestCase("M AH1 N IY0", "AH N IY")] // money: the stressed AH and all after it
    [TestCase("D IH0 Z AY1 ER0", "AY ER")] // desire: the last stressed vowel, not the first vowel
    [TestCase("R EH2 K AH0 G N IH1 SH AH0 N", "IH SH AH N")] // recognition: primary after secondary
    [TestCase("HH OW1 M W ER2 K", "ER K")] // homework: a secondary stress after the primary counts
    [TestCase("DH AH0", "AH")] // the: no stress, so the last vowel
    [TestCase("HH M", "HH M")] // hmm: no vowel at all
    public void The_rhyme_tail_runs_from_the_last_stressed_vowel(string phonemes, string tail)
    {
        Assert.That(Of(phonemes).RhymeTail, Is.EqualTo(tail));
    }

    [Test]
    public void Vowels_lose_their_stress_and_consonants_are_dropped()
    {
        var beautiful = Of("B Y UW1 T AH0 F AH0 L");

        Assert.That(beautiful.Vowels, Is.EqualTo(new[] { "UW", "AH", "AH" }));
        Assert.That(beautiful.Syllables, Is.EqualTo(3));
    }

    [Test]
    public void Words_that_differ_only_in_stress_sound_alike()
    {
        Assert.That(Of("P R EH1 Z AH0 N T").SoundsLike(Of("P R EH0 Z AH1 N T")), Is.True);
        Assert.That(Of("P R EH1 Z AH0 N T").SoundsLike(Of("P R EH1 Z AH0 N S")), Is.False);
    }
}
