namespace RapAnalyzer.Inference.Generation;

/// <summary>What <c>GET /generate/info</c> reports: the index, its build, the ranker and its next-line evaluation.</summary>
public sealed record GeneratorInfo(int Tracks, int Lines, int Verses, int Artists, IndexBuild? Build, RankerInfo? Ranker, NextLineScore? Evaluation)
{
    public static GeneratorInfo Of(LineIndex index, GenerationModel model) => new(
        index.Tracks, index.Lines, index.Verses, index.Artists, model.Build,
        model.Ranker is { } ranker ? new RankerInfo(ranker.Queries, ranker.Examples, model.TrainedOnLines, ranker.TrainingTime.TotalSeconds) : null,
        model.Evaluation);
}

public sealed record RankerInfo(int Queries, int Examples, int TrainedOnLines, double TrainingSeconds);
