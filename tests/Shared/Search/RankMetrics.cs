namespace RapAnalyzer.Testing.Search;

/// <summary>How well a mode ranked the right answers: each query's rank of its source (null: not in the list searched).</summary>
public sealed record RankMetrics(double Mrr, double RecallAt1, double RecallAt10, int Queries)
{
    public static RankMetrics Of(IReadOnlyCollection<int?> ranks) => new(
        ranks.Average(r => r is { } rank ? 1.0 / rank : 0),
        ranks.Count(r => r == 1) / (double)ranks.Count,
        ranks.Count(r => r <= 10) / (double)ranks.Count,
        ranks.Count);

    public override string ToString() => $"MRR {Mrr:F3}, recall@1 {RecallAt1:F3}, recall@10 {RecallAt10:F3} over {Queries} queries";
}
