namespace RapAnalyzer.Enrichment.Embeddings;

/// <summary>
/// The vectors (L2-normalised) of a text's distinct sections, in the order they first appear, the model that made them,
/// and, when the preferred model failed and another answered, why.
/// </summary>
public sealed record SectionEmbeddings(IReadOnlyList<float[]> Vectors, string ModelId, string? Degraded);
