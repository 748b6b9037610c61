using Microsoft.ML.Data;

namespace RapAnalyzer.Inference.Generation;

/// <summary>One candidate of one query, as ML.NET reads it: 1 for the verse's true next line, 0 for another.</summary>
public sealed class RankingExample
{
    public float Label { get; set; }

    public uint Query { get; set; }

    [VectorType(NextLineFeatures.Count)]
    public float[] Features { get; set; } = [];
}
