namespace RapAnalyzer.Enrichment.Embeddings;

/// <summary>
/// An on-demand embedding: the vector, its model, how many inputs the model read, and, when the preferred model
/// failed and another answered, why.
/// </summary>
public sealed record TextEmbedding(float[] Vector, string ModelId, int Chunks, string? Degraded)
{
    public static TextEmbedding Of(TrackEmbedding embedding, string? degraded = null) =>
        new(embedding.Vector, embedding.ModelId, embedding.Chunks, degraded);
}
