using RapAnalyzer.Enrichment.Embeddings;

namespace RapAnalyzer.Enrichment.Tests.Embeddings;

/// <summary>Lines about the same thing are closer than lines about different things.</summary>
public class SemanticSimilarityTests
{
    [Test]
    public void Two_lines_about_money_are_closer_than_a_line_about_the_weather()
    {
        var v = EmbeddingTestFiles.Encoder.Embed(
        [
            "Stacking money to the ceiling, my pockets full of cash",
            "Counting hundreds every night, the bank account keeps growing",
            "It's cloudy and cold today with rain expected tomorrow",
        ]);
        var close = EmbeddingMath.Cosine(v[0], v[1]);
        var unrelated = Math.Max(EmbeddingMath.Cosine(v[0], v[2]), EmbeddingMath.Cosine(v[1], v[2]));
        var numbers = $"money/money {close:F3}, money/weather {EmbeddingMath.Cosine(v[0], v[2]):F3} and {EmbeddingMath.Cosine(v[1], v[2]):F3}";
        TestContext.Out.WriteLine(numbers);
        Assert.That(close, Is.GreaterThan(unrelated + 0.1f), numbers);
    }

    [Test]
    public void Paraphrases_are_closer_than_unrelated_lines()
    {
        var v = EmbeddingTestFiles.Encoder.Embed(
        [
            "I grew up poor in the projects",
            "I was raised broke in the hood",
            "My favourite food is pizza with extra cheese",
        ]);
        var close = EmbeddingMath.Cosine(v[0], v[1]);
        var unrelated = EmbeddingMath.Cosine(v[0], v[2]);
        var numbers = $"paraphrase {close:F3}, unrelated {unrelated:F3}";
        TestContext.Out.WriteLine(numbers);
        Assert.That(close, Is.GreaterThan(unrelated), numbers);
    }
}
