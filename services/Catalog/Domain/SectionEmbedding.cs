using Pgvector;

namespace RapAnalyzer.Catalog.Domain;

/// <summary>
/// One distinct section of a track's lyrics under one model: its lines and its vector, of which the track's
/// embedding is the mean. What a semantic hit shows is its most similar section.
/// </summary>
public sealed class SectionEmbedding : ILyricsPart
{
    public Guid TrackId { get; init; }
    public required string ModelId { get; init; }
    /// <summary>The section's place among the track's distinct sections, from 0, in the order they first appear.</summary>
    public int Ordinal { get; init; }
    public required string Text { get; set; }
    public required Vector Vector { get; set; }
}
