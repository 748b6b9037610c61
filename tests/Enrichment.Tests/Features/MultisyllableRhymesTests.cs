using RapAnalyzer.Enrichment.Features;

namespace RapAnalyzer.Enrichment.Tests.Features;

/// <summary>Pairs of nearby line endings that share two or more vowels.</summary>
public class MultisyllableRhymesTests
{
    private static int Count(string text) => MultisyllableRhymes.Count(Cmu.PronouncedLines(text));

    [Test]
    public void Two_lines_sharing_four_trailing_vowels_are_one_pair()
    {
        // making money: EY IH AH IY; taking honey: EY IH AH IY
        var lines = Cmu.PronouncedLines("Making money\nTaking honey");

        Assert.That(MultisyllableRhymes.SharedTrailingVowels(lines[0], lines[1]), Is.EqualTo(4));
        Assert.That(MultisyllableRhymes.Count(lines), Is.EqualTo(1));
    }

    [Test]
    public void A_one_vowel_rhyme_is_not_a_multisyllable_rhyme()
    {
        // "I got the flame / I run the game": EY = EY, then AH in "the" and "the", the same word: 1 shared vowel.
        Assert.That(Count("I got the flame\nI run the game"), Is.Zero);
    }

    [Test]
    public void The_same_last_word_is_a_repeat_not_a_rhyme()
    {
        Assert.That(Count("Living in the city\nDying in the city"), Is.Zero);
    }

    [Test]
    public void Lines_three_apart_are_in_the_window_and_four_apart_are_not()
    {
        // cat AE, dog AO, sun AH: none ends in two vowels that match money's AH IY.
        Assert.That(Count("Money\nCat\nDog\nHoney"), Is.EqualTo(1));
        Assert.That(Count("Money\nCat\nDog\nSun\nHoney"), Is.Zero);
    }

    [Test]
    public void Every_rhyming_pair_in_the_window_counts()
    {
        // money, honey, funny F AH1 N IY0: three pairs, each AH IY.
        Assert.That(Count("Money\nHoney\nFunny"), Is.EqualTo(3));
    }
}
