using System.Text.Json;
using RapAnalyzer.Inference.Analysis;
using RapAnalyzer.Inference.Analysis.Embedded;

namespace RapAnalyzer.Inference.Tests.Embedded;

public class EmbeddedAnalyzerTests
{
    private static readonly SectionVectors Vectors = new(
        [[0.95f, 0.05f, 0], [0.2f, 0.8f, 0]],
        [("money", [1, 0, 0]), ("love", [0, 1, 0]), ("death", [0, 0, 1])],
        [("triumphant", [1, 0.2f, 0]), ("melancholic", [0, 0, 1])]);

    [Test]
    public void The_same_lyrics_give_the_same_analysis()
    {
        var features = FeatureScoresTests.Features();
        var first = ModelData.Analyzer.Analyze(SongSentimentTests.Positive, features, Vectors);
        var second = new EmbeddedAnalyzer(ModelData.Vader, ModelData.Explicit).Analyze(SongSentimentTests.Positive, features, Vectors);

        Assert.That(JsonSerializer.Serialize(second), Is.EqualTo(JsonSerializer.Serialize(first)));
    }

    [Test]
    public void The_analysis_comments_on_the_measured_features()
    {
        var features = FeatureScoresTests.Features(rhymeDensity: 1.05, syllablesPerLine: 12.5);
        var analysis = ModelData.Analyzer.Analyze(SongSentimentTests.Positive, features, Vectors);

        Assert.That(analysis.Sentiment.Label, Is.EqualTo("positive"));
        Assert.That(analysis.Themes, Is.EqualTo(new[] { "money", "love" }));
        Assert.That(analysis.Moods, Is.EqualTo(new[] { "triumphant" }));
        Assert.That(analysis.Complexity, Is.InRange(1, 10));
        Assert.That(analysis.Quality, Is.InRange(1, 10));
        Assert.That(analysis.Rhyme, Does.Contain("1.05").And.Contain("heavy"));
        Assert.That(analysis.Flow, Does.Contain("12.5 syllables"));
        Assert.That(analysis.Summary, Does.StartWith("A positive song").And.Contain("about money and love"));
        Assert.That(analysis.Explicit.IsExplicit, Is.False);
    }

    [Test]
    public void Without_features_or_vectors_the_measured_parts_are_left_out()
    {
        var analysis = ModelData.Analyzer.Analyze(SongSentimentTests.Negative, null, null);

        Assert.That(analysis.Sentiment.Label, Is.EqualTo("negative"));
        Assert.That((analysis.Complexity, analysis.Quality), Is.EqualTo(((int?)null, (int?)null)));
        Assert.That(analysis.Themes, Is.Empty);
        Assert.That(analysis.Flow, Is.Empty);
        Assert.That(analysis.Summary, Does.Contain("not measured"));
    }
}
