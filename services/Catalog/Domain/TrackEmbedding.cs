using Pgvector;

namespace RapAnalyzer.Catalog.Domain;

/// <summary>A track's embedding under one model; vectors of different models are never compared.</summary>
public sealed class TrackEmbedding
{
    public Guid TrackId { get; init; }
    public required string ModelId { get; init; }
    public required Vector Vector { get; set; }
    public DateTimeOffset ComputedAt { get; set; }
}
