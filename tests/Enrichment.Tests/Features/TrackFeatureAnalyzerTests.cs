using System.Text.Json;
using MassTransit.Serialization;
using RapAnalyzer.Contracts;
using RapAnalyzer.Enrichment.Features;

namespace RapAnalyzer.Enrichment.Tests.Features;

/// <summary>Every feature of one short song, worked by hand, and what of them a TrackEnriched carries.</summary>
public class TrackFeatureAnalyzerTests
{
    private const string Song = """
        [Verse 1: Kendrick Lamar]
        I got the flame
        I got the game

        [Chorus: Rihanna]
        Making money
        Taking honey
        """;

    [Test]
    public void A_short_song_by_hand()
    {
        var features = Cmu.Analyzer.Analyze(Song);

        Assert.That(features.Sections, Is.EqualTo(2));
        Assert.That(features.Lines, Is.EqualTo(4));
        Assert.That(features.Words, Is.EqualTo(12));
        // i got the flame game making money taking honey
        Assert.That(features.UniqueWords, Is.EqualTo(9));
        Assert.That(features.TypeTokenRatio, Is.EqualTo(0.75));
        // i 1, got 1, the 1, flame 1 | i got the game 4 | making 2 money 2 | taking 2 honey 2
        Assert.That(features.Syllables, Is.EqualTo(16));
        Assert.That(features.SyllablesPerLine, Is.EqualTo(4.0));
        Assert.That(features.SyllablesPerLineVariance, Is.Zero);
        // 206.835 - 1.015 × 12/4 - 84.6 × 16/12 = 206.835 - 3.045 - 112.8
        Assert.That(features.Readability, Is.EqualTo(90.99).Within(1e-9));
        Assert.That(features.EndRhymeScheme, Is.EqualTo("AA AA"));
        // flame/game share only EY ("the" meets "the"); making money/taking honey share 4 vowels.
        Assert.That(features.MultisyllableRhymes, Is.EqualTo(1));
        Assert.That(features.WordsOutOfDictionary, Is.Zero);
    }

    [Test]
    public void Rhyme_density_of_the_short_song_by_hand()
    {
        // v0 AY i | v1 AA got | v2 AH the | v3 EY flame | v4 AY i | v5 AA got | v6 AH the | v7 EY game |
        // v8 EY v9 IH making | v10 AH v11 IY money | v12 EY v13 IH taking | v14 AH v15 IY honey
        // i, got, the (second time): their only earlier match is the same word -> 0
        // game vs flame: EY, then AH in "the" and "the" stops it: 1 -> 0
        // taking vs making: IH, EY, then v7 EY ≠ v11 IY: 2
        // honey vs money: IY, AH, IH (making|taking), EY (making|taking), then the later sequence would reach money: 4
        // every other word has no earlier word ending in its vowel -> 0
        // (2 + 4) / 11 words after the first
        Assert.That(Cmu.Analyzer.Analyze(Song).RhymeDensity, Is.EqualTo(6.0 / 11).Within(1e-12));
    }

    [Test]
    public void Sections_keep_their_kind_and_performers()
    {
        var sections = Cmu.Analyzer.Analyze(Song).PerSection;

        Assert.That(sections, Is.EqualTo(new[]
        {
            new SectionFeatures(SectionKind.Verse, "Verse 1", sections[0].Performers, 2, 8, "AA"),
            new SectionFeatures(SectionKind.Chorus, "Chorus", sections[1].Performers, 2, 4, "AA"),
        }));
        Assert.That(sections[0].Performers, Is.EqualTo(new[] { "Kendrick Lamar" }));
        Assert.That(sections[1].Performers, Is.EqualTo(new[] { "Rihanna" }));
    }

    [Test]
    public void A_TrackEnriched_carries_the_pipelines_features_and_nothing_only_the_api_shows()
    {
        var features = Cmu.Analyzer.Analyze(Song);
        var message = JsonSerializer.SerializeToNode(new TrackEnriched(Guid.NewGuid(), features, [], null, []),
            SystemTextJsonMessageSerializer.Options)!["features"]!;

        Assert.Multiple(() =>
        {
            Assert.That(message.AsObject().Select(feature => feature.Key),
                Is.EqualTo(typeof(TrackFeatures).GetProperties().Select(feature => JsonNamingPolicy.CamelCase.ConvertName(feature.Name))));
            Assert.That(message.Deserialize<TrackFeatures>(SystemTextJsonMessageSerializer.Options), Is.EqualTo(new TrackFeatures(
                4, 2, 12, 9, 0.75, 16, 4.0, 0.0, features.RhymeDensity, "AA AA", 1, features.Readability)));
        });
    }

    [Test]
    public void Words_read_from_their_spelling_are_counted()
    {
        var features = Cmu.Analyzer.Analyze("Skrrt skrrt in the zanketty\nRappin' 2pac");

        // skrrt twice and zanketty; rappin' is a dropped g and 2pac digits plus a dictionary word.
        Assert.That(features.WordsOutOfDictionary, Is.EqualTo(3));
    }

    [TestCase("")]
    [TestCase("[Intro]\n\n...")]
    public void Lyrics_without_words_give_zeros(string lyrics)
    {
        var features = Cmu.Analyzer.Analyze(lyrics);

        var values = JsonSerializer.SerializeToNode<TrackFeatures>(features)!.AsObject().Select(feature => feature.Value!.ToString());

        Assert.That(values, Is.All.EqualTo("0").Or.Empty);
        Assert.That(features.WordsOutOfDictionary, Is.Zero);
        Assert.That(features.PerSection, Is.Empty);
    }
}
