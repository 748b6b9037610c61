using RapAnalyzer.Rhymes;

namespace RapAnalyzer.Rhymes.Tests;

/// <summary>
/// Small songs whose density is worked out by hand from eSpeak NG's transcription (shown) and Malmi's rules; each
/// value is also what his code (lyrics.py, lookback 15) prints for the same lines with eSpeak NG 1.51.
/// </summary>
public sealed class RhymeDensityTests
{
    private static readonly LyricsTranscriber Transcriber = new(new PhoneticTranscriber());

    private static double Density(params string[] lines) => RhymeDensity.Compute(Transcriber.Transcribe(lines));

    [Test]
    public void A_split_diphthong_rhymes_on_two_vowels()
    {
        // aI kraI / ju: laI: a i | a i | u | a i. "cry" matches "I" on a,i (2); "you" nothing; "lie" a,i with "cry" (2).
        Assert.That(Density("I cry", "you lie"), Is.EqualTo(4.0 / 3));
    }

    [Test]
    public void One_shared_vowel_counts_nothing()
    {
        // wi: sat / ju: fat: sat and fat share only a.
        Assert.That(Density("we sat", "you fat"), Is.EqualTo(0));
    }

    [Test]
    public void A_schwa_word_vanishes_and_a_syllabic_l_rhymes()
    {
        // D@2 b0t#@L / D@2 m0d@L: "the" is no word; bottle o L, model o L: 2 over the one scored word.
        Assert.That(Density("the bottle", "the model"), Is.EqualTo(2.0));
    }

    [Test]
    public void Merged_vowels_rhyme_across_spellings()
    {
        // h0t r0d / bO:t g0d: o | o | o | o. "God" matches "rod" on o, then "hot" against "bought" (other tokens) on o: 2.
        // Every other word matches one vowel only (0): "bought" may not reach back into "rod" itself.
        Assert.That(Density("hot rod", "bought God"), Is.EqualTo(2.0 / 3));
    }

    [Test]
    public void A_multisyllable_rhyme_runs_across_words()
    {
        // meIkIN mVni / feIkIN fVni: e i i V i | e i i V i; faking 3 (e i i against making), funny 5 (against money).
        Assert.That(Density("making money", "faking funny"), Is.EqualTo(8.0 / 3));
    }

    [Test]
    public void A_repeated_line_is_dropped_and_a_repeated_word_is_no_rhyme()
    {
        // The second "I got money" is dropped. honey/money match V i, then reach "got"/"got": equal tokens stop it.
        Assert.That(Density("I got money", "I got money", "I got honey"), Is.EqualTo(2.0 / 5));
    }

    [Test]
    public void End_words_with_the_same_key_are_the_same_word()
    {
        // night and knife are both naI: no rhyme with each other, but "knife" rhymes a i | a i on "like the night" (4).
        Assert.That(Density("I like the night", "I like the knife"), Is.EqualTo(16.0 / 5));
    }

    [Test]
    public void Fewer_than_two_words_is_zero()
    {
        Assert.That(Density("yo"), Is.EqualTo(0));
        Assert.That(Density("the"), Is.EqualTo(0));
        Assert.That(Density(), Is.EqualTo(0));
    }

    [Test]
    public void The_window_is_fifteen_phonetic_words()
    {
        // fat cat go… / that hat: "hat" rhymes "that hat" on "fat cat" (a a, 2) while "cat" is one of the 15 words
        // before it; with 13 words of "go" between them it is (2 over 16 scored words), with 14 it is not.
        Assert.That(Density("fat cat " + string.Join(' ', Enumerable.Repeat("go", 13)), "that hat"), Is.EqualTo(2.0 / 16));
        Assert.That(Density("fat cat " + string.Join(' ', Enumerable.Repeat("go", 14)), "that hat"), Is.EqualTo(0));
    }
}
