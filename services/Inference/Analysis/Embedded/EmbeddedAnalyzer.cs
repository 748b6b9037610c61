using RapAnalyzer.Contracts;

namespace RapAnalyzer.Inference.Analysis.Embedded;

/// <summary>
/// The analyzer that needs no LLM: VADER sentiment over the lyric lines, themes and moods by embedding similarity
/// of the sections with the documented descriptors, complexity and quality from the features by documented weights,
/// explicit content from the word list, and commentary made from the measurements. Deterministic: the same lyrics,
/// features and vectors give the same judgement. Without features, the scores and commentary that need them are left
/// out; without vectors, themes and moods.
/// </summary>
public sealed class EmbeddedAnalyzer(VaderSentiment vader, ExplicitWords explicitWords)
{
    public const string Version = "embedded-v1";
    public const int MaxThemes = 3;
    public const int MaxMoods = 2;

    public AnalysisJudgement Analyze(string lyrics, TrackFeatures? features, SectionVectors? vectors)
    {
        var sentiment = SongSentiment.Of(vader, LyricLines.Of(lyrics));
        var themes = vectors is null ? [] : ThemeMatcher.Best(vectors.Sections, vectors.Themes, MaxThemes);
        var moods = vectors is null ? [] : ThemeMatcher.Best(vectors.Sections, vectors.Moods, MaxMoods);
        var complexity = features is null ? (int?)null : FeatureScores.Complexity(features);
        var quality = features is null ? (int?)null : FeatureScores.Quality(features);
        var explicitContent = explicitWords.Judge(lyrics);
        return new AnalysisJudgement(
            sentiment,
            moods,
            themes,
            complexity,
            features is null ? "" : FeatureCommentary.Flow(features),
            features is null ? "" : FeatureCommentary.Rhyme(features),
            quality,
            explicitContent,
            FeatureCommentary.Summary(sentiment, themes, moods, features, complexity, quality, explicitContent));
    }
}

/// <summary>The embeddings of a song's sections and of the theme and mood descriptors, all of one model.</summary>
public sealed record SectionVectors(
    IReadOnlyList<float[]> Sections,
    IReadOnlyList<(string Name, float[] Vector)> Themes,
    IReadOnlyList<(string Name, float[] Vector)> Moods);
