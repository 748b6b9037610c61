using RapAnalyzer.Inference.Generation;

namespace RapAnalyzer.Inference.Tests.Generation;

/// <summary>What the ranker reads of a candidate and its context, on lines whose rhymes are known.</summary>
public sealed class NextLineFeaturesTests
{
    private static NextLineContext Context(params string[] lines) =>
        NextLineContext.Of(lines.Length > 0 ? lines[0] : "a prompt", lines, GeneratorFixture.Phonetics, _ => 1.0);

    [Test]
    public void Says_when_the_previous_two_lines_close_a_couplet()
    {
        var closed = Context("we ride all through the night", "the city shining bright");
        var open = Context("the city shining bright", "we count the money slow");
        var one = Context("we ride all through the night");

        Assert.Multiple(() =>
        {
            Assert.That(closed.PreviousPairEndsAlike, Is.True);
            Assert.That(closed.PreviousPairRhyme, Is.GreaterThan(0));
            Assert.That(open.PreviousPairEndsAlike, Is.False);
            Assert.That(open.PreviousPairRhyme, Is.EqualTo(0));
            Assert.That(one.PreviousPairEndsAlike, Is.False);
            Assert.That(one.PreviousPairRhyme, Is.EqualTo(0));
        });
    }

    [Test]
    public void Gives_every_candidate_the_same_couplet_context_and_its_own_rhyme()
    {
        var context = Context("we ride all through the night", "the city shining bright");

        var rhyming = NextLineFeatures.Of(context, "my brother holds the light", GeneratorFixture.Phonetics, _ => 1.0);
        var other = NextLineFeatures.Of(context, "we count the money slow", GeneratorFixture.Phonetics, _ => 1.0);

        Assert.Multiple(() =>
        {
            Assert.That(rhyming, Has.Length.EqualTo(NextLineFeatures.Count));
            Assert.That(other, Has.Length.EqualTo(NextLineFeatures.Count));
            Assert.That(rhyming[2], Is.EqualTo(1), "ends like the previous line");
            Assert.That(other[2], Is.EqualTo(0));
            Assert.That(rhyming[^2..], Is.EqualTo(other[^2..]), "the couplet context does not depend on the candidate");
            Assert.That(rhyming[^1], Is.EqualTo(1));
        });
    }
}
