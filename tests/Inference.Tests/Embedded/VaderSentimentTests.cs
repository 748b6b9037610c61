using RapAnalyzer.Inference.Analysis.Embedded;

namespace RapAnalyzer.Inference.Tests.Embedded;

/// <summary>VADER's rules on single lines: lexicon valence, negation, degree adverbs, capitals, "but".</summary>
public class VaderSentimentTests
{
    private static double Compound(string line) => ModelData.Vader.Compound(line);

    [Test]
    public void The_lexicon_holds_vaders_seven_thousand_entries()
    {
        var lexicon = VaderLexicon.Load(new Analysis.AnalysisOptions().VaderLexiconPath);

        Assert.That(lexicon.Count, Is.GreaterThan(7000));
        Assert.That(lexicon.TryGetValence("love", out var love) && love > 2, Is.True);
    }

    [Test]
    public void Happy_and_sad_lines_score_on_their_sides()
    {
        Assert.That(Compound("I love my life, everything is beautiful"), Is.GreaterThan(0.5));
        Assert.That(Compound("I hate this pain, everything is terrible"), Is.LessThan(-0.5));
        Assert.That(Compound("I walk down the street to the store"), Is.Zero);
    }

    [Test]
    public void A_negation_flips_and_damps_the_valence()
    {
        var happy = Compound("I am happy");
        var notHappy = Compound("I am not happy");
        var aintHappy = Compound("I ain't never been happy");

        Assert.That(notHappy, Is.LessThan(0));
        Assert.That(Math.Abs(notHappy), Is.LessThan(happy));
        Assert.That(aintHappy, Is.GreaterThan(0), "two negations cancel out");
    }

    [Test]
    public void Intensifiers_raise_and_dampeners_lower_the_valence()
    {
        var good = Compound("this is good");

        Assert.That(Compound("this is very good"), Is.GreaterThan(good));
        Assert.That(Compound("this is slightly good"), Is.LessThan(good));
        Assert.That(Compound("this is GOOD"), Is.GreaterThan(good));
    }

    [Test]
    public void What_follows_but_weighs_more()
    {
        Assert.That(Compound("the money is good but my heart is broken"), Is.LessThan(0));
        Assert.That(Compound("my heart is broken but the money is good"), Is.GreaterThan(0));
    }
}
