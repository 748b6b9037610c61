using RapAnalyzer.Enrichment.Features;

namespace RapAnalyzer.Enrichment.Tests.Features;

/// <summary>The letter-to-sound fallback, on invented words read by hand with its rules.</summary>
public class SpellingPronouncerTests
{
    // zanketty: z|a|n|k|e|tt|y — short a and e, "tt" one T, a final y after a consonant is IY: 3 syllables.
    [TestCase("zanketty", "Z AE1 N K EH0 T IY0")]
    // brimble: consonant + "le" is its own syllable AH L; the stem "brimb" has one short i: 2 syllables.
    [TestCase("brimble", "B R IH1 M B AH0 L")]
    // snorped: "-ed" after p is no syllable, read T; the stem "snorpe" has a silent e, o before r + consonant is AO: 1.
    [TestCase("snorped", "S N AO1 R P T")]
    // flomtated: "-ed" after t is a syllable IH D; "flomtat" has short o and a: 3 syllables.
    [TestCase("flomtated", "F L AA1 M T AE0 T IH0 D")]
    // raplyze: silent final e after z makes the y before it long (AY): rap|lyze, 2 syllables.
    [TestCase("raplyze", "R AE1 P L AY0 Z")]
    // glizzy: "zz" one Z, final y IY: 2 syllables.
    [TestCase("glizzy", "G L IH1 Z IY0")]
    // skrrt: no vowel letter, so the R becomes the syllable ER: 1.
    [TestCase("skrrt", "S K ER1 T")]
    // hmmph: no vowel and no r: AH after the first consonant ("mm" is one M, "ph" is F): 1.
    [TestCase("hmmph", "HH AH1 M F")]
    // blorpin': the apostrophe is dropped; o + r is AO, "in" is short IH N: 2.
    [TestCase("blorpin'", "B L AO1 R P IH0 N")]
    // flexation: "-ation" is EY SH AH N; the stem "flex" has a short e and x is K S: 3.
    [TestCase("flexation", "F L EH1 K S EY0 SH AH0 N")]
    public void An_invented_word_is_read_from_its_spelling(string word, string phonemes)
    {
        Assert.That(string.Join(' ', SpellingPronouncer.Pronounce(word)), Is.EqualTo(phonemes));
    }

    [TestCase("zanketty", 3)]
    [TestCase("brimble", 2)]
    [TestCase("snorped", 1)]
    [TestCase("flomtated", 3)]
    [TestCase("raplyze", 2)]
    [TestCase("skrrt", 1)]
    [TestCase("trappening", 3)] // trapp|en|ing: a, e, then the "-ing" suffix
    [TestCase("drippy", 2)]
    [TestCase("plaything", 2)] // "ay" is one vowel, "-ing" a second
    [TestCase("swaggish", 2)]
    [TestCase("lamboes", 2)] // "oe" is one vowel before a silent "-s"
    [TestCase("blazes", 2)] // "-es" after z is a syllable
    [TestCase("blames", 1)] // "-es" after m is not; the stem "blame" has a silent e
    public void Syllables_are_vowel_groups_with_silent_e_and_suffix_rules(string word, int syllables)
    {
        Assert.That(SpellingPronouncer.Pronounce(word).Count(Phoneme.IsVowel), Is.EqualTo(syllables));
    }

    [TestCase("")]
    [TestCase("東京")]
    public void A_word_with_no_latin_letters_is_one_syllable(string word)
    {
        Assert.That(SpellingPronouncer.Pronounce(word), Is.EqualTo(new[] { "AH1" }));
    }
}
