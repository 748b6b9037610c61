using RapAnalyzer.Enrichment.Embeddings;

namespace RapAnalyzer.Enrichment.Tests.Embeddings;

/// <summary>The ONNX Runtime vectors match the TF.js reference run under node on the same texts.</summary>
public class EmbeddingParityTests
{
    const double MinimumCosine = 0.999;
    static readonly string[] AllTexts = [.. ParityText.TokenizerCases, .. ParityText.LyricLines, ParityText.LongSentence];

    [Test]
    public void Lyric_lines_match_the_tfjs_reference()
    {
        var reference = NodeReference.Run(AllTexts);
        var offset = ParityText.TokenizerCases.Length;
        var vectors = EmbeddingTestFiles.Encoder.Embed(ParityText.LyricLines);
        var cosines = vectors.Select((v, i) => (double)EmbeddingMath.Cosine(v, reference.Embeddings[offset + i])).ToArray();
        TestContext.Out.WriteLine($"lyric lines: min cosine {cosines.Min():F7}, mean {cosines.Average():F7} over {cosines.Length}");
        Assert.Multiple(() =>
        {
            for (var i = 0; i < cosines.Length; i++)
                Assert.That(cosines[i], Is.GreaterThanOrEqualTo(MinimumCosine), $"\"{ParityText.LyricLines[i]}\"");
        });
    }

    [Test]
    public void Edge_case_texts_and_a_text_over_128_tokens_match_the_tfjs_reference()
    {
        var reference = NodeReference.Run(AllTexts);
        var encoder = EmbeddingTestFiles.Encoder;
        // The raw model on the tokenizer's ids, as TF.js embed() does (no chunking; the graph keeps 128 tokens).
        var vectors = encoder.EmbedTokens([.. AllTexts.Select(encoder.Tokenizer.Encode)]);
        var cosines = vectors.Select((v, i) => (double)EmbeddingMath.Cosine(v, reference.Embeddings[i])).ToArray();
        TestContext.Out.WriteLine($"all texts: min cosine {cosines.Min():F7} over {cosines.Length}");
        Assert.Multiple(() =>
        {
            Assert.That(encoder.Tokenizer.Encode(ParityText.LongSentence), Has.Length.GreaterThan(encoder.MaxTokens));
            for (var i = 0; i < cosines.Length; i++)
                Assert.That(cosines[i], Is.GreaterThanOrEqualTo(MinimumCosine), $"text {i}: \"{AllTexts[i]}\"");
        });
    }

    [Test]
    public void Vectors_have_512_unit_length_dimensions_and_the_model_id()
    {
        var encoder = EmbeddingTestFiles.Encoder;
        var vector = encoder.Embed("just a quick line");
        Assert.Multiple(() =>
        {
            Assert.That(encoder.ModelId, Is.EqualTo("use-lite-en@0.2.0"));
            Assert.That(vector, Has.Length.EqualTo(512));
            Assert.That(Math.Sqrt(vector.Sum(x => (double)x * x)), Is.EqualTo(1).Within(1e-5));
        });
    }
}
