using RapAnalyzer.Inference.Pipeline;

namespace RapAnalyzer.Inference.Tests;

/// <summary>A TrackAnalyzed's message id is a function of what was analyzed and how, so the catalog stores each once.</summary>
public class AnalysisMessagesTests
{
    private static readonly Guid Track = Guid.Parse("5b0f8c2e-8a51-4c51-9a0e-1f3d5c7b9a11");

    [Test]
    public void The_same_analysis_of_the_same_lyrics_has_the_same_id()
    {
        var first = AnalysisMessages.MessageId(Track, "h1", 2, "llm", "qwen", "analysis-v1");
        var again = AnalysisMessages.MessageId(Guid.Parse(Track.ToString()), "h1", 2, "llm", "qwen", "analysis-v1");

        Assert.That(again, Is.EqualTo(first));
    }

    [TestCase("h2", 2, "llm", "qwen", "analysis-v1")]
    [TestCase("h1", 1, "llm", "qwen", "analysis-v1")]
    [TestCase("h1", 2, "embedded", "qwen", "analysis-v1")]
    [TestCase("h1", 2, "llm", "other", "analysis-v1")]
    [TestCase("h1", 2, "llm", "qwen", "analysis-v2")]
    public void Other_lyrics_features_analyzer_model_or_prompt_give_another_id(string hash, int version, string analyzer, string model, string prompt)
    {
        Assert.That(AnalysisMessages.MessageId(Track, hash, version, analyzer, model, prompt),
            Is.Not.EqualTo(AnalysisMessages.MessageId(Track, "h1", 2, "llm", "qwen", "analysis-v1")));
    }
}
