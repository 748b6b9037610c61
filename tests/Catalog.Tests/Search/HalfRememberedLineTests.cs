using RapAnalyzer.Testing.Search;

namespace RapAnalyzer.Catalog.Tests.Search;

public class HalfRememberedLineTests
{
    private const string Line = "My uncle drove a truck from Maine to Tennessee, came home with money";

    [Test]
    public void About_thirty_percent_of_the_words_go_and_one_synonym_comes_in()
    {
        var damaged = HalfRememberedLine.Words(HalfRememberedLine.Damage(Line, new Random(7)));
        var original = HalfRememberedLine.Words(Line);

        Assert.That(damaged, Has.Count.EqualTo(original.Count - 4));
        Assert.That(damaged.Except(original).ToList(), Has.Count.EqualTo(1).And.SubsetOf(new[] { "cash", "crib" }));
    }

    [Test]
    public void The_same_seed_damages_a_line_the_same_way()
    {
        var first = HalfRememberedLine.Damage(Line, new Random(3));
        var again = HalfRememberedLine.Damage(Line, new Random(3));

        Assert.That(again, Is.EqualTo(first));
    }

    [Test]
    public void A_short_line_keeps_three_words_and_gets_a_homophone_spelling()
    {
        var damaged = HalfRememberedLine.Damage("Thinking about you", new Random(1));

        Assert.That(HalfRememberedLine.Words(damaged), Has.Count.EqualTo(3));
        Assert.That(damaged, Does.Contain("thinkin").Or.Contain(" u").Or.StartWith("u "));
    }

    [Test]
    public void Metrics_count_a_missing_source_as_zero()
    {
        var metrics = RankMetrics.Of([1, 2, null, 10, 11]);

        Assert.That(metrics.Mrr, Is.EqualTo((1 + 0.5 + 0 + 0.1 + 1.0 / 11) / 5).Within(1e-12));
        Assert.That((metrics.RecallAt1, metrics.RecallAt10), Is.EqualTo((0.2, 0.6)));
    }
}
