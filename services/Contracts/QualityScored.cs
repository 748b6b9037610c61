namespace RapAnalyzer.Contracts;

/// <summary>The quality model's 1–10 score for a track.</summary>
public sealed record QualityScored(Guid TrackId, double Score, string ModelVersion, int? Year, string Artist);
