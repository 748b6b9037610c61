using RapAnalyzer.Rhymes;

namespace RapAnalyzer.Rhymes.Tests;

/// <summary>Malmi's vowel rules, one by one, on eSpeak tokens worked out by hand.</summary>
public sealed class PhoneticWordTests
{
    [Test]
    public void A_diphthong_is_two_vowels()
    {
        var cry = PhoneticWord.Parse("kr'aI")!;
        Assert.That(cry.Vowels, Is.EqualTo("ai"));
        Assert.That(PhoneticWord.Parse("g'oU")!.Vowels, Is.EqualTo("oU"));
        Assert.That(PhoneticWord.Parse("f'eIs")!.Vowels, Is.EqualTo("ei"));
    }

    [Test]
    public void The_schwa_is_no_vowel_so_a_word_of_schwas_is_no_word()
    {
        Assert.That(PhoneticWord.Parse("D@2"), Is.Null, "the");
        Assert.That(PhoneticWord.Parse("t@"), Is.Null, "to");
        Assert.That(PhoneticWord.Parse("b'0t#@L")!.Vowels, Is.EqualTo("oL"), "bottle: the schwa goes, the syllabic l stays");
    }

    [Test]
    public void Kit_and_fleece_lot_and_thought_dress_and_face_are_merged()
    {
        Assert.That(PhoneticWord.Parse("s'It")!.Vowels, Is.EqualTo(PhoneticWord.Parse("s'i:t")!.Vowels));
        Assert.That(PhoneticWord.Parse("h'0t")!.Vowels, Is.EqualTo(PhoneticWord.Parse("b'O:t")!.Vowels));
        Assert.That(PhoneticWord.Parse("b'Ed")!.Vowels, Is.EqualTo("e"));
    }

    [Test]
    public void A_length_mark_is_no_vowel_and_a_vowel_written_twice_counts_once()
    {
        Assert.That(PhoneticWord.Parse("b'i:")!.Vowels, Is.EqualTo("i"));
        Assert.That(PhoneticWord.Parse("b'aaT")!.Vowels, Is.EqualTo("a"), "bath");
        // His code compares the raw previous character with the mapped one: I then I is i after I, not merged.
        Assert.That(PhoneticWord.Parse("fl'aIIN")!.Vowels, Is.EqualTo("aii"), "flying");
    }

    [Test]
    public void The_second_letter_of_a_diphthong_begins_no_syllable()
    {
        Assert.That(PhoneticWord.Parse("fl'aIIN")!.SyllableStarts, Is.EqualTo(new[] { true, false, true }), "fly-ing");
        Assert.That(PhoneticWord.Parse("m'Vni")!.SyllableStarts, Is.EqualTo(new[] { true, true }));
    }

    [Test]
    public void The_key_is_the_token_cut_after_its_last_vowel()
    {
        Assert.That(PhoneticWord.Parse("n'aIt")!.Key, Is.EqualTo("naI"));
        Assert.That(PhoneticWord.Parse("n'aIf")!.Key, Is.EqualTo("naI"));
        Assert.That(PhoneticWord.Parse("n'aIf")!.Token, Is.EqualTo("naIf"), "stress marks are no part of the token");
    }

    [Test]
    public void The_rhyme_tail_starts_at_the_last_stressed_vowel()
    {
        Assert.That(PhoneticWord.Parse("m'Vni")!.RhymeTail, Is.EqualTo("Vi"));
        Assert.That(PhoneticWord.Parse("m,eIkIN")!.RhymeTail, Is.EqualTo("i"), "a secondary stress is no rhyme start; the last vowel is");
        Assert.That(PhoneticWord.Parse("t2'aIm")!.RhymeTail, Is.EqualTo("ai"));
    }
}
