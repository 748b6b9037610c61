using RapAnalyzer.Inference.Analysis.Embedded;

namespace RapAnalyzer.Inference.Tests.Embedded;

public class ThemeMatcherTests
{
    private static readonly (string Name, float[] Vector)[] Descriptors =
    [
        ("money", [1, 0, 0]),
        ("love", [0, 1, 0]),
        ("death", [0, 0, 1]),
    ];

    [Test]
    public void Each_theme_scores_its_best_section_and_the_best_come_first()
    {
        float[][] sections = [[0.9f, 0.1f, 0], [0.2f, 0.7f, 0]];

        Assert.That(ThemeMatcher.Best(sections, Descriptors, 3), Is.EqualTo(new[] { "money", "love" }));
        Assert.That(ThemeMatcher.Best(sections, Descriptors, 1), Is.EqualTo(new[] { "money" }));
    }

    [Test]
    public void Themes_below_the_minimum_similarity_are_left_out()
    {
        float[][] sections = [[-1, -1, 0.1f]];

        Assert.That(ThemeMatcher.Best(sections, Descriptors, 3), Is.Empty);
        Assert.That(ThemeMatcher.Best([], Descriptors, 3), Is.Empty);
    }
}
