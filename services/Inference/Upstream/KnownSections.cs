using RapAnalyzer.Contracts;

namespace RapAnalyzer.Inference.Upstream;

/// <summary>
/// The USE-Lite vectors of a track's distinct sections, as its enrichment carried them (<see cref="TrackEnriched"/>):
/// what <c>EmbedSections</c> would make of the same lyrics, so an enriched track's analysis does not embed them again.
/// </summary>
public sealed record KnownSections(IReadOnlyList<float[]> Vectors)
{
    /// <summary>The model the embedded analyzer's themes and moods are matched with.</summary>
    public const string Model = EmbeddingModels.UseLite;

    /// <summary>
    /// The sections an enrichment carried, or null when it carried none or may have cut them short at
    /// <see cref="LyricsEmbedding.MostSections"/> (then they are embedded whole again).
    /// </summary>
    public static KnownSections? Of(TrackEnriched enriched) =>
        enriched.Embeddings.FirstOrDefault(e => e.ModelId == Model)?.Sections is { Count: > 0 and < LyricsEmbedding.MostSections } sections
            ? new KnownSections([.. sections.Select(s => s.Vector)])
            : null;
}
