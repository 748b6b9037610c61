using RapAnalyzer.Enrichment.Embeddings;
using RapAnalyzer.Enrichment.Features;

namespace RapAnalyzer.Enrichment.Tests.Embeddings;

/// <summary>Padding a batch to its longest member does not change any member's vector.</summary>
public class BatchingTests
{
    [Test]
    public void A_batch_gives_the_same_vectors_as_one_by_one()
    {
        var encoder = EmbeddingTestFiles.Encoder;
        string[] texts = [.. ParityText.LyricLines, "short", ParityText.LongSentence[..400]];
        var batched = encoder.Embed(texts);
        var single = texts.Select(encoder.Embed).ToArray();
        var cosines = batched.Select((v, i) => EmbeddingMath.Cosine(v, single[i])).ToArray();
        TestContext.Out.WriteLine($"batched vs one by one: min cosine {cosines.Min():F7}");
        Assert.Multiple(() =>
        {
            for (var i = 0; i < texts.Length; i++)
                Assert.That(cosines[i], Is.GreaterThanOrEqualTo(0.99999f), $"\"{texts[i]}\"");
        });
    }

    [Test]
    public void Tracks_embedded_together_equal_tracks_embedded_alone()
    {
        var encoder = EmbeddingTestFiles.Encoder;
        var lines = ParityText.LyricLines;
        string[] tracks =
        [
            $"[Verse 1]\n{string.Join('\n', lines[..8])}\n\n[Chorus]\n{lines[8]}\n{lines[9]}\n\n[Verse 2]\n{string.Join('\n', lines[10..])}",
            lines[0],
            "",
            string.Join('\n', Enumerable.Repeat(string.Join('\n', lines), 3)),
        ];
        var together = encoder.EmbedTracks([.. tracks.Select(Lyrics.Parse)]);
        var alone = tracks.Select(encoder.EmbedTrack).ToArray();
        Assert.Multiple(() =>
        {
            for (var i = 0; i < tracks.Length; i++)
            {
                Assert.That(EmbeddingMath.Cosine(together[i].Vector, alone[i].Vector), Is.GreaterThanOrEqualTo(0.99999f), $"track {i}");
                Assert.That(together[i].Chunks, Is.EqualTo(alone[i].Chunks), $"track {i}");
            }
        });
    }

    [Test]
    public void Batches_can_run_in_parallel()
    {
        var encoder = EmbeddingTestFiles.Encoder;
        var expected = encoder.Embed(ParityText.LyricLines);
        var results = new IReadOnlyList<float[]>[4];
        Parallel.For(0, results.Length, i => results[i] = encoder.Embed(ParityText.LyricLines));
        Assert.That(results.SelectMany(r => r.Select((v, i) => EmbeddingMath.Cosine(v, expected[i]))), Has.All.GreaterThanOrEqualTo(0.99999f));
    }
}
