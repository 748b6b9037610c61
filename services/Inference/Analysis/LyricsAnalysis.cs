using RapAnalyzer.Contracts;

namespace RapAnalyzer.Inference.Analysis;

/// <summary>
/// The one schema of an analysis, whichever analyzer made it. The LLM fills <see cref="Judgement"/>; the service adds
/// what it measured and who answered. <see cref="Degraded"/> says why the answer is less than asked for (the LLM
/// failed and the embedded analyzer answered, enrichment was unreachable...); null when nothing was missing.
/// <see cref="Cached"/>: served from the analysis cache (<see cref="LatencyMs"/> is then the time to serve it).
/// </summary>
public sealed record LyricsAnalysis(
    AnalysisJudgement Judgement,
    TrackFeatures? Features,
    string Analyzer,
    string Model,
    string PromptVersion,
    double LatencyMs,
    TokenUsage? Tokens,
    string? Degraded,
    bool Cached = false);

/// <summary>What an analyzer concludes about a song. Scores are 1–10; a score it could not give is null.</summary>
public sealed record AnalysisJudgement(
    SentimentResult Sentiment,
    IReadOnlyList<string> Moods,
    IReadOnlyList<string> Themes,
    int? Complexity,
    string Flow,
    string Rhyme,
    int? Quality,
    ExplicitContent Explicit,
    string Summary);

/// <summary><see cref="Label"/> is positive, negative, neutral or mixed; <see cref="Score"/> −1..1; <see cref="Confidence"/> 0..1.</summary>
public sealed record SentimentResult(string Label, double Score, double Confidence);

public sealed record ExplicitContent(bool IsExplicit, string Reason);

public sealed record TokenUsage(long Input, long Output);
