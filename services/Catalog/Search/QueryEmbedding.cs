namespace RapAnalyzer.Catalog.Search;

/// <summary>A query's vector under a model, or why there is none (<see cref="Problem"/>: the search goes on without it).</summary>
public sealed record QueryEmbedding(float[]? Vector, string? Problem)
{
    public static QueryEmbedding Of(float[] vector) => new(vector, null);

    public static QueryEmbedding Missing(string problem) => new(null, problem);
}
