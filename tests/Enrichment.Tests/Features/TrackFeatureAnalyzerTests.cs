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
        // flame/game share e i, one syllable, before "got" meets "got"; making money/taking honey share four syllables.
        Assert.That(features.MultisyllableRhymes, Is.EqualTo(1));
        Assert.That(features.WordsOutOfDictionary, Is.Zero);
    }

    [Test]
    public void Rhyme_density_of_the_short_song_by_hand()
    {
        // eSpeak NG: aI g0t D@2 fl'eIm | aI g0t D@2 g'eIm | m,eIkIN m'Vni | t'eIkIN h'Vni; "the" (schwa only) is no word.
        // v0 a v1 i I | v2 o got | v3 e v4 i flame | v5 a v6 i I | v7 o got | v8 e v9 i game |
        // v10 e v11 i v12 i making | v13 V v14 i money | v15 e v16 i v17 i taking | v18 V v19 i honey
        // I, got (again): the same key as before -> 0; game vs flame: i, e, then "got" meets "got": 2
        // taking vs making: i, i, e, then i (game|money, other words), then e ≠ V: 4
        // honey vs money: i, V, i, i, e (making|taking), then the later side would reach money's last vowel: 5
        // every other word matches one vowel at most -> 0; (2 + 4 + 5) / 9 words after the first.
        // Malmi's code prints the same for these four lines: 1.2222.
        Assert.That(Cmu.Analyzer.Analyze(Song).RhymeDensity, Is.EqualTo(11.0 / 9).Within(1e-12));
    }

    [Test]
    public void Headers_are_no_lyrics_to_the_rhymes()
    {
        var withoutHeaders = string.Join('\n', Song.Split('\n').Where(line => !line.StartsWith('[')));

        Assert.That(Cmu.Analyzer.Analyze(Song).RhymeDensity, Is.EqualTo(Cmu.Analyzer.Analyze(withoutHeaders).RhymeDensity));
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
