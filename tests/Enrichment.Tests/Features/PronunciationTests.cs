using RapAnalyzer.Enrichment.Features;

namespace RapAnalyzer.Enrichment.Tests.Features;

/// <summary>The syllables of a pronunciation.</summary>
public class PronunciationTests
{
    [Test]
    public void Vowels_lose_their_stress_and_consonants_are_dropped()
    {
        var beautiful = new Pronunciation("B Y UW1 T AH0 F AH0 L".Split(' '), PronunciationSource.Dictionary);

        Assert.That(beautiful.Vowels, Is.EqualTo(new[] { "UW", "AH", "AH" }));
        Assert.That(beautiful.Syllables, Is.EqualTo(3));
    }
}
