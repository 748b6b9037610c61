using RapAnalyzer.Enrichment.Features;

namespace RapAnalyzer.Enrichment.Tests.Features;

/// <summary>
/// Malmi's rhyme density on short fragments, worked by hand from the CMU phonemes. Vowels are numbered across the
/// fragment; "w3 @v5" is the fourth word, whose last vowel is the sixth.
/// </summary>
public class RhymeDensityTests
{
    private static double Density(string text) => RhymeDensity.Compute(Cmu.PronouncedLines(text));

    [Test]
    public void Two_lines_with_a_four_vowel_rhyme()
    {
        // making M EY1 K IH0 NG, money M AH1 N IY0, taking T EY1 K IH0 NG, honey HH AH1 N IY0
        // vowels: v0 EY v1 IH | v2 AH v3 IY | v4 EY v5 IH | v6 AH v7 IY
        // w1 money @v3 IY: vs making @v1 IH no match                                                    -> 0
        // w2 taking @v5 IH: vs making @v1: IH=IH, EY=EY, then v(-1) is before the start: 2;
        //                   vs money @v3: IY≠IH                                                         -> 2
        // w3 honey @v7 IY: vs money @v3: IY, AH, IH (making|taking differ), EY (same words): 4, then the
        //                   later sequence would reach v3, money itself: stop;
        //                   vs making @v1, taking @v5: IH≠IY                                            -> 4
        // (0 + 2 + 4) / 3 words after the first
        Assert.That(Density("Making money\nTaking honey"), Is.EqualTo(2.0).Within(1e-12));
    }

    [Test]
    public void A_match_stops_where_the_same_words_meet()
    {
        // i AY1, got G AA1 T, money M AH1 N IY0, honey HH AH1 N IY0
        // vowels: v0 AY | v1 AA | v2 AH v3 IY | v4 AY | v5 AA | v6 AH v7 IY
        // w1 got @v1: vs i @v0 AY≠AA                                                                    -> 0
        // w2 money @v3: vs i, got: IY≠AY, IY≠AA                                                        -> 0
        // w3 i @v4: vs i: the same word, no rhyme; vs got, money: AY≠AA, AY≠IY                         -> 0
        // w4 got @v5: vs got: the same word; vs i @v0, money @v3, i @v4: AA≠AY, AA≠IY, AA≠AY           -> 0
        // w5 honey @v7: vs money @v3: IY=IY, AH=AH (in money and honey), then AA=AA lies in "got" and
        //               "got", earlier words that are the same: stop at 2 (it would be 4 without that rule)
        //               vs the rest: IY≠AY, IY≠AA                                                       -> 2
        // (0 + 0 + 0 + 0 + 2) / 5
        Assert.That(Density("I got money\nI got honey"), Is.EqualTo(0.4).Within(1e-12));
    }

    [Test]
    public void A_repeated_line_counts_once()
    {
        // The second "Making money" is dropped, leaving the first fragment (2.0). Kept, it would give
        // (0 + 0 + 0 + 2 + 4) / 5 = 1.2.
        Assert.That(Density("Making money\nMaking money\nTaking honey"), Is.EqualTo(2.0).Within(1e-12));
    }

    [Test]
    public void A_one_vowel_match_counts_zero()
    {
        // the AH0, cat K AE1 T, sat S AE1 T: v0 AH | v1 AE | v2 AE
        // w2 sat @v2 vs cat @v1: AE=AE, then the later sequence would reach v1, cat itself: length 1 -> 0
        Assert.That(Density("The cat sat"), Is.Zero);
    }

    [Test]
    public void A_rhyme_counts_within_the_15_previous_words()
    {
        // making EY IH, fourteen times boy B OY1, taking EY IH: 16 words.
        // Every boy vs making: OY≠IH; boy vs boy: the same word. taking (w15) vs making (w0, 15 words back):
        // IH, EY -> 2. (2 + 14 × 0) / 15
        var boys = string.Join(' ', Enumerable.Repeat("boy", 14));

        Assert.That(Density($"making {boys} taking"), Is.EqualTo(2.0 / 15).Within(1e-12));
    }

    [Test]
    public void A_rhyme_16_words_back_is_out_of_the_window()
    {
        // One more boy: making is 16 words before taking, so every word scores 0.
        var boys = string.Join(' ', Enumerable.Repeat("boy", 15));

        Assert.That(Density($"making {boys} taking"), Is.Zero);
    }

    [TestCase("")]
    [TestCase("money")]
    public void Fewer_than_two_words_have_no_density(string text)
    {
        Assert.That(Density(text), Is.Zero);
    }
}
