namespace RapAnalyzer.Enrichment.Embeddings;

/// <summary>A track's vector (L2-normalised), the model that made it and how many token chunks were embedded.</summary>
public sealed record TrackEmbedding(float[] Vector, string ModelId, int Chunks);
