namespace RapAnalyzer.Enrichment.Embeddings;

/// <summary>
/// A track's vector (L2-normalised), the model that made it, and how many inputs the model read for it (token chunks
/// for USE-Lite, distinct sections for an endpoint).
/// </summary>
public sealed record TrackEmbedding(float[] Vector, string ModelId, int Chunks);
