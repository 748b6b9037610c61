using RapAnalyzer.Enrichment.Embeddings;

namespace RapAnalyzer.Enrichment.Tests.Embeddings;

/// <summary>The C# SentencePiece tokenizer gives the TF.js universal-sentence-encoder Tokenizer's ids, id for id.</summary>
public class TokenizerParityTests
{
    static readonly string[] AllTexts = [.. ParityText.TokenizerCases, .. ParityText.LyricLines, ParityText.LongSentence];

    [Test]
    public void Ids_equal_the_tfjs_tokenizer_ids()
    {
        var reference = NodeReference.Run(AllTexts);
        var tokenizer = EmbeddingTestFiles.Encoder.Tokenizer;
        Assert.Multiple(() =>
        {
            for (var i = 0; i < AllTexts.Length; i++)
                Assert.That(tokenizer.Encode(AllTexts[i]), Is.EqualTo(reference.Tokens[i]), $"text {i}: \"{AllTexts[i]}\"");
        });
    }

    [Test]
    public void Text_is_nfkc_normalised_with_spaces_as_separators_and_one_in_front()
    {
        Assert.Multiple(() =>
        {
            Assert.That(SentencePieceTokenizer.Preprocess("Hey  you"), Is.EqualTo("\u2581Hey\u2581\u2581you"));
            Assert.That(SentencePieceTokenizer.Preprocess("ﬁ ½"), Is.EqualTo("\u2581fi\u25811\u20442"));
            Assert.That(SentencePieceTokenizer.Preprocess("a\tb\nc"), Is.EqualTo("\u2581a\tb\nc"));
            Assert.That(SentencePieceTokenizer.Preprocess(""), Is.EqualTo(""));
        });
    }

    [Test]
    public void Unknown_characters_become_one_unknown_id_per_run()
    {
        var tokenizer = EmbeddingTestFiles.Encoder.Tokenizer;
        Assert.Multiple(() =>
        {
            Assert.That(tokenizer.Encode("\u0F00\u0F01\u0F02"), Does.Contain(SentencePieceTokenizer.UnknownId));
            Assert.That(tokenizer.Encode("\u0F00\u0F01\u0F02").Count(id => id == SentencePieceTokenizer.UnknownId), Is.EqualTo(1));
            Assert.That(tokenizer.Encode("lone \uD800 surrogate"), Does.Contain(SentencePieceTokenizer.UnknownId));
            Assert.That(tokenizer.Encode(""), Is.Empty);
        });
    }

    [Test]
    public void Case_is_kept()
    {
        var tokenizer = EmbeddingTestFiles.Encoder.Tokenizer;
        Assert.That(tokenizer.Encode("The"), Is.Not.EqualTo(tokenizer.Encode("the")));
    }
}
