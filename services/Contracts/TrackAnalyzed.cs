namespace RapAnalyzer.Contracts;

/// <summary>An analysis of a track's lyrics; <see cref="Analyzer"/> says whether an LLM or the embedded analyzer made it.</summary>
public sealed record TrackAnalyzed(
    Guid TrackId,
    string Analyzer,
    string ModelVersion,
    string ResultJson,
    double ElapsedMs,
    int? Year,
    string Artist,
    TrackFeatures? Features);
