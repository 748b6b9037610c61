using RapAnalyzer.Inference.Generation;
using RapAnalyzer.Rhymes;

namespace RapAnalyzer.Inference.Tests.Generation;

public sealed class EmbeddedLyricsGeneratorTests
{
    private static GeneratedLyrics Generate(string scheme, int lines, int? seed = 1, string? artist = null, string prompt = "the sirens on the corner") =>
        GeneratorFixture.Generator.Generate(new GenerationRequest(prompt, artist, lines, scheme, seed),
            artist is null ? null : GeneratorFixture.Index.Artist(artist), GeneratorFixture.Ranker);

    [Test]
    public void Keeps_couplets_in_aabb_as_the_cmu_dictionary_hears_them()
    {
        var lyrics = Generate("AABB", 16);

        Assert.That(lyrics.Lines, Has.Count.EqualTo(16));
        for (var i = 0; i < 16; i += 2)
        {
            Assert.That(CmuRhyme.Of(lyrics.Lines[i + 1].Text), Is.EqualTo(CmuRhyme.Of(lyrics.Lines[i].Text)), $"lines {i + 1} and {i + 2}");
            Assert.That(lyrics.Lines[i + 1].Rhyme, Is.EqualTo(lyrics.Lines[i + 1].Rhyme with { With = i + 1, Kept = true }));
            Assert.That(lyrics.Lines[i].Rhyme.With, Is.Null);
        }
        // A new couplet opens a new rhyme: AABB, not AAAA.
        for (var i = 0; i < 16; i += 4)
        {
            Assert.That(CmuRhyme.Of(lyrics.Lines[i + 2].Text), Is.Not.EqualTo(CmuRhyme.Of(lyrics.Lines[i].Text)), $"lines {i + 1} and {i + 3}");
        }
    }

    [Test]
    public void Opens_a_rhyme_only_with_a_line_another_line_can_keep()
    {
        // "night" rhymes only with another line ending in "night", which cannot keep it (the same word is no rhyme).
        var index = new LineIndex(GeneratorFixture.Phonetics);
        index.Add(Guid.NewGuid(), "Trap", """
            [Verse 1]
            I walk alone into the night
            They call my name into the night
            I see the sun at break of day
            Nothing in this world is in my way
            """, "trap");
        var generator = new EmbeddedLyricsGenerator(index, GeneratorFixture.Phonetics);

        var kept = Enumerable.Range(0, 30)
            .Select(seed => generator.Generate(new GenerationRequest("the city", null, 2, "AABB", seed), null, GeneratorFixture.Ranker))
            .Select(lyrics => lyrics.Lines[1].Rhyme.Kept);

        Assert.That(kept, Is.All.True);
    }

    [Test]
    public void Keeps_alternate_rhymes_in_abab()
    {
        var lyrics = Generate("ABAB", 8, seed: 5);

        Assert.That(lyrics.Lines, Has.Count.EqualTo(8));
        foreach (var (a, b) in new[] { (0, 2), (1, 3), (4, 6), (5, 7) })
        {
            Assert.That(CmuRhyme.Of(lyrics.Lines[b].Text), Is.EqualTo(CmuRhyme.Of(lyrics.Lines[a].Text)), $"lines {a + 1} and {b + 1}");
            Assert.That(lyrics.Lines[b].Rhyme.With, Is.EqualTo(a + 1));
        }
        Assert.That(CmuRhyme.Of(lyrics.Lines[1].Text), Is.Not.EqualTo(CmuRhyme.Of(lyrics.Lines[0].Text)));
        Assert.That(lyrics.MeasuredScheme[..4], Is.EqualTo("ABAB"));
    }

    [Test]
    public void Reports_the_rhyme_density_the_rhyme_module_measures_of_the_output()
    {
        var lyrics = Generate("AABB", 8);
        var heard = lyrics.Lines.Select(line => GeneratorFixture.Phonetics.Line(line.Text)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(lyrics.RhymeDensity, Is.EqualTo(RhymeDensity.Compute(heard)));
            Assert.That(lyrics.RhymeDensity, Is.GreaterThan(0));
            Assert.That(lyrics.Generator, Is.EqualTo(EmbeddedLyricsGenerator.Name));
            Assert.That(lyrics.RhymeScheme, Is.EqualTo("AABB"));
        });
    }

    [Test]
    public void Uses_only_the_named_artists_lines_and_no_line_twice()
    {
        var lyrics = Generate("AABB", 12, artist: "artist 3");

        Assert.That(lyrics.Lines.Select(line => line.SourceArtist), Is.All.EqualTo("Artist 3"));
        Assert.That(lyrics.Lines.Select(line => line.Text), Is.Unique);
    }

    [Test]
    public void Gives_the_same_lines_for_the_same_seed_and_others_for_another()
    {
        var first = Generate("AABB", 8, seed: 42);
        var again = Generate("AABB", 8, seed: 42);
        var other = Generate("AABB", 8, seed: 43);
        var unseeded = Generate("AABB", 8, seed: null);

        Assert.Multiple(() =>
        {
            Assert.That(again.Lines.Select(l => l.Text), Is.EqualTo(first.Lines.Select(l => l.Text)));
            Assert.That(other.Lines.Select(l => l.Text), Is.Not.EqualTo(first.Lines.Select(l => l.Text)));
            Assert.That(unseeded.Lines.Select(l => l.Text), Is.EqualTo(Generate("AABB", 8, seed: null).Lines.Select(l => l.Text)));
            Assert.That(unseeded.Seed, Is.EqualTo(new GenerationRequest("the sirens on the corner").EffectiveSeed));
        });
    }

    [Test]
    public void Opens_on_a_line_coherent_with_the_prompt()
    {
        var lyrics = Generate("AABB", 2, prompt: "basketball court coach");

        Assert.That(Terms.Of(lyrics.Lines[0].Text).Intersect(["basketball", "court", "coach", "jersey", "season"]), Is.Not.Empty,
            lyrics.Lines[0].Text);
    }
}
