using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;

namespace RapAnalyzer.Inference.Generation;

/// <summary>
/// The learned ranking of candidate next lines: ML.NET's FastTree LambdaMART over <see cref="NextLineFeatures"/>,
/// trained on queries of the true next line against other lines (<see cref="RankerTraining"/>). One thread and a
/// fixed seed: the same examples give the same model. Scoring is thread-safe.
/// </summary>
public sealed class NextLineRanker
{
    private readonly MLContext _ml;
    private readonly ITransformer _model;

    private NextLineRanker(MLContext ml, ITransformer model, int queries, int examples, TimeSpan trainingTime)
    {
        _ml = ml;
        _model = model;
        Queries = queries;
        Examples = examples;
        TrainingTime = trainingTime;
    }

    public int Queries { get; }
    public int Examples { get; }
    public TimeSpan TrainingTime { get; }

    public static NextLineRanker Train(IReadOnlyList<RankingExample> examples, int seed)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(examples);
        var pipeline = ml.Transforms.Conversion.MapValueToKey(nameof(RankingExample.Query))
            .Append(ml.Ranking.Trainers.FastTree(new FastTreeRankingTrainer.Options
            {
                LabelColumnName = nameof(RankingExample.Label),
                FeatureColumnName = nameof(RankingExample.Features),
                RowGroupColumnName = nameof(RankingExample.Query),
                NumberOfTrees = 100,
                NumberOfLeaves = 16,
                MinimumExampleCountPerLeaf = 10,
                NumberOfThreads = 1,
                Seed = seed,
            }));
        var model = pipeline.Fit(data);
        return new NextLineRanker(ml, model, examples.Select(e => e.Query).Distinct().Count(), examples.Count,
            System.Diagnostics.Stopwatch.GetElapsedTime(started));
    }

    /// <summary>A score for each candidate's features, higher for a likelier next line.</summary>
    public float[] Score(IReadOnlyList<float[]> candidates)
    {
        if (candidates.Count == 0)
        {
            return [];
        }
        var data = _ml.Data.LoadFromEnumerable(candidates.Select(features => new RankingExample { Features = features }));
        return [.. _ml.Data.CreateEnumerable<Scored>(_model.Transform(data), reuseRowObject: false).Select(row => row.Score)];
    }

    private sealed class Scored
    {
        public float Score { get; set; }
    }
}
