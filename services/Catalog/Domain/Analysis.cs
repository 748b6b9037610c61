namespace RapAnalyzer.Catalog.Domain;

/// <summary>One analysis of a track by an analyzer (an LLM or the embedded one); a track keeps its history.</summary>
public sealed class Analysis
{
    /// <summary>The id of the TrackAnalyzed message, so a redelivery is recognised.</summary>
    public Guid Id { get; init; }
    public Guid TrackId { get; init; }
    public required string Analyzer { get; init; }
    public required string ModelVersion { get; init; }
    public required string ResultJson { get; init; }
    public double ElapsedMs { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
}
