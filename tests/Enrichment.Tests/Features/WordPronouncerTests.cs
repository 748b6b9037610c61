using RapAnalyzer.Enrichment.Features;

namespace RapAnalyzer.Enrichment.Tests.Features;

/// <summary>Every word gets a pronunciation: the dictionary's, a dropped g's, spelled-out digits', or its spelling's.</summary>
public class WordPronouncerTests
{
    [TestCase("fire", 2)] // CMU: F AY1 ER0
    [TestCase("beautiful", 3)] // B Y UW1 T AH0 F AH0 L
    [TestCase("rhythm", 2)] // R IH1 DH AH0 M
    [TestCase("orange", 2)] // CMU: AO1 R AH0 N JH
    [TestCase("the", 1)] // DH AH0
    [TestCase("hmm", 0)] // CMU writes HH M: no vowel, no syllable
    public void A_dictionary_words_syllables_are_its_stressed_phonemes(string word, int syllables)
    {
        var pronunciation = Cmu.Pronounce(word);

        Assert.That(pronunciation.Source, Is.EqualTo(PronunciationSource.Dictionary));
        Assert.That(pronunciation.Syllables, Is.EqualTo(syllables));
    }

    [TestCase("rappin'", "R AE1 P IH0 N")] // "rapping" R AE1 P IH0 NG, its NG said as N
    [TestCase("rappin", "R AE1 P IH0 N")]
    [TestCase("flexin'", "F L EH1 K S IH0 N")] // "flexing" F L EH1 K S IH0 NG
    public void A_dropped_g_is_the_ing_word_ending_in_N(string word, string phonemes)
    {
        var pronunciation = Cmu.Pronounce(word);

        Assert.That(Cmu.Dictionary.Contains(word), Is.False);
        Assert.That(pronunciation.Source, Is.EqualTo(PronunciationSource.DroppedG));
        Assert.That(pronunciation.ToString(), Is.EqualTo(phonemes));
    }

    [Test]
    public void A_dropped_g_the_dictionary_knows_is_the_dictionarys()
    {
        Assert.That(Cmu.Pronounce("nothin'").Source, Is.EqualTo(PronunciationSource.Dictionary));
    }

    [TestCase("50", "F IH1 F T IY0", 2)]
    [TestCase("2pac", "T UW1 P AE1 K", 2)] // "two" + "pac"
    [TestCase("1996", "N AY1 N T IY1 N N AY1 N T IY0 S IH1 K S", 5)] // nineteen ninety six
    public void Digits_are_said_as_number_words(string word, string phonemes, int syllables)
    {
        var pronunciation = Cmu.Pronounce(word);

        Assert.That(pronunciation.Source, Is.EqualTo(PronunciationSource.Number));
        Assert.That(pronunciation.ToString(), Is.EqualTo(phonemes));
        Assert.That(pronunciation.Syllables, Is.EqualTo(syllables));
    }

    [TestCase("zanketty", 3)]
    [TestCase("skrrt", 1)]
    [TestCase("blorpin'", 2)] // no "blorping" either
    [TestCase("東京", 1)]
    public void A_word_no_dictionary_has_is_read_from_its_spelling(string word, int syllables)
    {
        var pronunciation = Cmu.Pronounce(word);

        Assert.That(Cmu.Dictionary.Contains(word), Is.False);
        Assert.That(pronunciation.Source, Is.EqualTo(PronunciationSource.Spelling));
        Assert.That(pronunciation.Syllables, Is.EqualTo(syllables));
    }

    [Test]
    public void Letters_with_digits_read_from_spelling_say_so()
    {
        // "4" is "four" from the dictionary, "zonkle" only from its spelling: the weaker source is the word's.
        Assert.That(Cmu.Pronounce("4zonkle").ToString(), Is.EqualTo("F AO1 R Z AA1 N K AH0 L"));
        Assert.That(Cmu.Pronounce("4zonkle").Source, Is.EqualTo(PronunciationSource.Spelling));
    }
}
