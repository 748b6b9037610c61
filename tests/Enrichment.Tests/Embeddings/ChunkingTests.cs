using RapAnalyzer.Enrichment.Embeddings;
using RapAnalyzer.Enrichment.Features;

namespace RapAnalyzer.Enrichment.Tests.Embeddings;

/// <summary>Texts over 128 tokens are cut into chunks of at most 128 tokens; a track is pooled over its sections.</summary>
public class ChunkingTests
{
    static readonly string[] Verse =
    [
        "Woke up early with the hunger in my chest",
        "Every single morning I been giving it my best",
        "Took the long road, never looking for a shortcut",
        "Every door they closed on me I kicked until it shut",
        "Now the city knows my name from the corner to the coast",
        "I remember every person who was doubting me the most",
    ];

    static string LongText => string.Join('\n', Enumerable.Range(0, 5).SelectMany(_ => Verse));

    [Test]
    public void A_long_text_is_cut_at_line_boundaries_into_chunks_of_at_most_128_tokens()
    {
        var encoder = EmbeddingTestFiles.Encoder;
        var chunker = new TextChunker(encoder.Tokenizer, encoder.MaxTokens);
        var whole = encoder.Tokenizer.Encode(string.Join(' ', TextChunker.Lines(LongText)));
        var chunks = chunker.Chunk(LongText);
        TestContext.Out.WriteLine($"{whole.Length} tokens -> chunks of {string.Join(", ", chunks.Select(c => c.Length))}");
        Assert.Multiple(() =>
        {
            Assert.That(whole, Has.Length.GreaterThan(2 * encoder.MaxTokens));
            Assert.That(chunks, Has.Count.GreaterThanOrEqualTo(3));
            Assert.That(chunks, Has.All.Length.InRange(1, encoder.MaxTokens));
            Assert.That(chunks.SelectMany(c => c), Is.EqualTo(whole), "the chunks are the text's tokens, in order, none lost");
        });
    }

    [Test]
    public void A_single_line_over_128_tokens_is_cut_between_words()
    {
        var encoder = EmbeddingTestFiles.Encoder;
        var line = string.Join(' ', Enumerable.Repeat(string.Join(' ', Verse), 3));
        var chunks = new TextChunker(encoder.Tokenizer, encoder.MaxTokens).Chunk(line);
        Assert.Multiple(() =>
        {
            Assert.That(chunks, Has.Count.GreaterThanOrEqualTo(2));
            Assert.That(chunks, Has.All.Length.InRange(1, encoder.MaxTokens));
            Assert.That(chunks.SelectMany(c => c), Is.EqualTo(encoder.Tokenizer.Encode(line)));
        });
    }

    [Test]
    public void A_long_text_embeds_as_the_normalised_token_weighted_mean_of_its_chunks()
    {
        var encoder = EmbeddingTestFiles.Encoder;
        var chunks = new TextChunker(encoder.Tokenizer, encoder.MaxTokens).Chunk(LongText);
        var expected = EmbeddingMath.NormalizedMean(encoder.EmbedTokens(chunks), [.. chunks.Select(c => (float)c.Length)]);
        var vector = encoder.Embed(LongText);
        Assert.Multiple(() =>
        {
            Assert.That(EmbeddingMath.Cosine(vector, expected), Is.GreaterThanOrEqualTo(0.99999f));
            Assert.That(Math.Sqrt(vector.Sum(x => (double)x * x)), Is.EqualTo(1).Within(1e-5));
        });
    }

    [Test]
    public void A_track_embeds_its_sections_split_at_headers_with_repeats_once()
    {
        var sections = Lyrics.Parse("[Intro]\nYeah, uh\n\n[Verse 1: MC Test]\nLine one\n  Line two  \n\n\nLine three\n[Chorus]\nHook line\r\n[Verse 2]\nLast line\n[Chorus]\nHook line\n")
            .DistinctSectionTexts();
        Assert.That(sections, Is.EqualTo(new[] { "Yeah, uh", "Line one\nLine two\nLine three", "Hook line", "Last line" }));
    }

    [Test]
    public void Lyrics_without_headers_are_split_at_blank_lines()
    {
        var sections = Lyrics.Parse("First block line\nSecond line\n\n\n  Another block  \n").DistinctSectionTexts();
        Assert.That(sections, Is.EqualTo(new[] { "First block line\nSecond line", "Another block" }));
    }

    [Test]
    public void A_track_is_the_normalised_mean_of_its_distinct_sections()
    {
        var encoder = EmbeddingTestFiles.Encoder;
        var verse1 = string.Join('\n', Verse[..3]);
        var verse2 = string.Join('\n', Verse[3..]);
        const string chorus = "Hands up high, we ride tonight\nNever gonna stop till the morning light";
        var lyrics = $"[Verse 1]\n{verse1}\n\n[Chorus]\n{chorus}\n\n[Verse 2]\n{verse2}\n\n[Chorus]\n{chorus}\n";

        var track = encoder.EmbedTrack(lyrics);
        var sections = encoder.Embed([verse1, chorus, verse2]);
        var expected = EmbeddingMath.NormalizedMean(sections);
        Assert.Multiple(() =>
        {
            Assert.That(track.Chunks, Is.EqualTo(3), "the repeated chorus is embedded once");
            Assert.That(track.Sections, Has.Count.EqualTo(3), "one vector per distinct section, in order");
            for (var i = 0; i < 3; i++)
            {
                Assert.That(EmbeddingMath.Cosine(track.Sections[i], sections[i]), Is.GreaterThanOrEqualTo(0.99999f), $"section {i}");
            }
            Assert.That(track.ModelId, Is.EqualTo(encoder.ModelId));
            Assert.That(EmbeddingMath.Cosine(track.Vector, expected), Is.GreaterThanOrEqualTo(0.99999f));
            Assert.That(Math.Sqrt(track.Vector.Sum(x => (double)x * x)), Is.EqualTo(1).Within(1e-5));
        });
    }

    [Test]
    public void Empty_lyrics_still_give_a_unit_vector()
    {
        var track = EmbeddingTestFiles.Encoder.EmbedTrack("  \n[Instrumental]\n");
        Assert.That(Math.Sqrt(track.Vector.Sum(x => (double)x * x)), Is.EqualTo(1).Within(1e-5));
        Assert.That(track.Sections, Is.Empty, "no section, so no section vector");
    }

    [Test]
    public void Each_distinct_line_has_its_own_vector_up_to_the_most_a_track_carries()
    {
        var encoder = EmbeddingTestFiles.Encoder;
        const string hook = "Hands up high, we ride tonight";
        var song = Lyrics.Parse($"[Hook]\n{hook}\n{Verse[0]}\n\n[Verse]\n{Verse[1]}\n\n[Hook]\n{hook}\n{Verse[0]}");
        var long_ = Lyrics.Parse(string.Join('\n', Enumerable.Range(1, 350).Select(i => $"line number {i}")));

        var lines = encoder.EmbedLines([song, Lyrics.Parse("[Intro]"), long_]);
        var expected = encoder.Embed([hook, Verse[0], Verse[1]]);

        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Has.Count.EqualTo(3), "the repeated hook's lines once each");
            for (var i = 0; i < 3; i++)
            {
                Assert.That(EmbeddingMath.Cosine(lines[0][i], expected[i]), Is.GreaterThanOrEqualTo(0.99999f), $"line {i}");
            }
            Assert.That(lines[1], Is.Empty);
            Assert.That(lines[2], Has.Count.EqualTo(Contracts.LyricsEmbedding.MostLines));
            Assert.That(EmbeddingMath.Cosine(lines[2][^1], encoder.Embed($"line number {Contracts.LyricsEmbedding.MostLines}")), Is.GreaterThanOrEqualTo(0.99999f));
        });
    }
}
