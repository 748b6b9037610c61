namespace RapAnalyzer.Catalog.Domain;

/// <summary>A track's 1–10 quality score from one version of the quality model.</summary>
public sealed class QualityScore
{
    public Guid TrackId { get; init; }
    public required string ModelVersion { get; init; }
    public double Score { get; set; }
    public DateTimeOffset ScoredAt { get; set; }
}
