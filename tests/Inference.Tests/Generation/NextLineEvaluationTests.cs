using RapAnalyzer.Inference.Generation;

namespace RapAnalyzer.Inference.Tests.Generation;

/// <summary>Next-line prediction as the DeepBeat paper evaluates it, on the fixed rhyming corpus.</summary>
public sealed class NextLineEvaluationTests
{
    [Test]
    public void Ranks_the_true_next_line_first_far_more_often_than_chance()
    {
        var score = NextLineEvaluation.Run(GeneratorFixture.Index, GeneratorFixture.Phonetics, GeneratorFixture.Ranker, 100, GeneratorFixture.Seed);
        TestContext.Out.WriteLine($"top-1 {score.TopOne:P1}, MRR {score.MeanReciprocalRank:F3} over {score.Queries} questions (chance {score.ChanceTopOne:P2})");

        Assert.Multiple(() =>
        {
            Assert.That(score.Queries, Is.EqualTo(100));
            Assert.That(score.Candidates, Is.EqualTo(300));
            // Chance is 1 in 300 (0.33%); half the questions open a couplet, where only the verse's topic words help.
            Assert.That(score.TopOne, Is.GreaterThanOrEqualTo(0.10));
            Assert.That(score.MeanReciprocalRank, Is.GreaterThan(score.TopOne));
        });
    }

    [Test]
    public void Gives_the_same_score_for_the_same_seed()
    {
        var first = NextLineEvaluation.Run(GeneratorFixture.Index, GeneratorFixture.Phonetics, GeneratorFixture.Ranker, 20, 3);
        var again = NextLineEvaluation.Run(GeneratorFixture.Index, GeneratorFixture.Phonetics, GeneratorFixture.Ranker, 20, 3);

        Assert.That(again, Is.EqualTo(first));
    }
}
