using System.Numerics.Tensors;

namespace RapAnalyzer.Enrichment.Embeddings;

/// <summary>Vector helpers for embeddings: L2 normalisation, (weighted) means, cosine similarity.</summary>
public static class EmbeddingMath
{
    /// <summary>Scales the vector to unit length in place (a zero vector stays zero) and returns it.</summary>
    public static float[] Normalize(float[] vector)
    {
        var norm = TensorPrimitives.Norm(vector);
        if (norm > 0f) TensorPrimitives.Divide(vector, norm, vector);
        return vector;
    }

    /// <summary>The L2-normalised weighted mean of equally long vectors.</summary>
    public static float[] NormalizedMean(IReadOnlyList<float[]> vectors, IReadOnlyList<float>? weights = null)
    {
        if (vectors.Count == 0) throw new ArgumentException("No vectors to average.", nameof(vectors));
        var mean = new float[vectors[0].Length];
        for (var i = 0; i < vectors.Count; i++)
            TensorPrimitives.MultiplyAdd(vectors[i], weights?[i] ?? 1f, mean, mean);
        return Normalize(mean);
    }

    public static float Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b) => TensorPrimitives.CosineSimilarity(a, b);
}
