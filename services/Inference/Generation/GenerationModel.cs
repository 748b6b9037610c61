namespace RapAnalyzer.Inference.Generation;

/// <summary>
/// The generator's current state, shared by the indexer that builds it and the requests that read it: how the index
/// was built, the ranker last trained (null until the corpus is large enough), and its next-line evaluation.
/// </summary>
public sealed class GenerationModel
{
    private volatile NextLineRanker? _ranker;
    private volatile NextLineScore? _evaluation;
    private volatile IndexBuild? _build;

    public NextLineRanker? Ranker => _ranker;
    public NextLineScore? Evaluation => _evaluation;
    public IndexBuild? Build => _build;

    /// <summary>Lines the index held when the ranker was last trained.</summary>
    public int TrainedOnLines { get; private set; }

    public void Built(IndexBuild build) => _build = build;

    public void Trained(NextLineRanker ranker, int lines)
    {
        TrainedOnLines = lines;
        _ranker = ranker;
    }

    public void Evaluated(NextLineScore score) => _evaluation = score;
}

/// <summary>The index's build from the catalog at start-up: tracks and lines read, time taken, managed memory it added.</summary>
public sealed record IndexBuild(int Tracks, int Lines, double Seconds, long MemoryBytes, DateTimeOffset CompletedAt);
