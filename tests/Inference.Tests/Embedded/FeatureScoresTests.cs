using RapAnalyzer.Contracts;
using RapAnalyzer.Inference.Analysis.Embedded;

namespace RapAnalyzer.Inference.Tests.Embedded;

/// <summary>The rule-based scores stay within 1–10 and follow their features.</summary>
public class FeatureScoresTests
{
    public static TrackFeatures Features(double rhymeDensity = 0.8, double typeTokenRatio = 0.45, int multisyllable = 10, double syllablesPerLine = 11,
        double variance = 9, int lines = 40, int sections = 4) =>
        new(lines, sections, lines * 8, (int)(lines * 8 * typeTokenRatio), typeTokenRatio, (int)(lines * syllablesPerLine), syllablesPerLine,
            variance, rhymeDensity, "AABBCCDD", multisyllable, 80);

    [Test]
    public void The_floor_is_one_and_the_ceiling_ten()
    {
        var plain = Features(rhymeDensity: 0, typeTokenRatio: 0.1, multisyllable: 0, syllablesPerLine: 3, variance: 100, lines: 2, sections: 1);
        var rich = Features(rhymeDensity: 2, typeTokenRatio: 0.9, multisyllable: 80, syllablesPerLine: 20, variance: 0, lines: 80, sections: 8);

        Assert.That((FeatureScores.Complexity(plain), FeatureScores.Quality(plain)), Is.EqualTo((1, 1)));
        Assert.That((FeatureScores.Complexity(rich), FeatureScores.Quality(rich)), Is.EqualTo((10, 10)));
    }

    [Test]
    public void Denser_rhymes_score_higher()
    {
        Assert.That(FeatureScores.Complexity(Features(rhymeDensity: 1.3)), Is.GreaterThan(FeatureScores.Complexity(Features(rhymeDensity: 0.3))));
        Assert.That(FeatureScores.Quality(Features(rhymeDensity: 1.3)), Is.GreaterThan(FeatureScores.Quality(Features(rhymeDensity: 0.3))));
    }

    [Test]
    public void A_steadier_cadence_scores_higher_quality()
    {
        Assert.That(FeatureScores.Quality(Features(variance: 1)), Is.GreaterThan(FeatureScores.Quality(Features(variance: 40))));
    }

    [Test]
    public void The_weights_give_the_documented_score()
    {
        // complexity: 0.35·0.5 + 0.25·0.5 + 0.20·0.5 + 0.20·0.5 = 0.5 → 1 + 9·0.5 = 5.5 → 6
        var middle = Features(rhymeDensity: 0.8, typeTokenRatio: 0.45, multisyllable: 12, syllablesPerLine: 11, lines: 40);

        Assert.That(FeatureScores.Complexity(middle), Is.EqualTo(6));
    }
}
