using System.Diagnostics;
using Grpc.Core;
using Microsoft.Extensions.Options;
using RapAnalyzer.Protos.Catalog;

namespace RapAnalyzer.Inference.Generation;

/// <summary>
/// Builds the line index from the catalog's lyrics over gRPC (page by page, retrying until the catalog answers), then
/// keeps the ranker trained: first as soon as the corpus has enough questions, again whenever the index (fed by
/// <see cref="TrackStoredConsumer"/>) has grown by <see cref="GenerationOptions.RetrainGrowth"/>. Each training is
/// followed by the next-line evaluation.
/// </summary>
public sealed class CorpusIndexer(Catalog.CatalogClient catalog, LineIndex index, LinePhonetics phonetics, GenerationModel model,
    IOptions<GenerationOptions> options, ILogger<CorpusIndexer> logger) : BackgroundService
{
    private readonly SemaphoreSlim _grown = new(0);

    /// <summary>Tells the indexer the index changed (a track arrived).</summary>
    public void Grew()
    {
        if (_grown.CurrentCount == 0)
        {
            _grown.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await BuildAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            if (ShouldTrain())
            {
                await Task.Run(Train, stoppingToken);
            }
            try
            {
                await _grown.WaitAsync(TimeSpan.FromSeconds(options.Value.CheckSeconds), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private async Task BuildAsync(CancellationToken stoppingToken)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var started = Stopwatch.GetTimestamp();
        var tracks = 0;
        var after = "";
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var page = 0;
                using var call = catalog.StreamLyrics(new LyricsPageRequest { AfterTrackId = after, Limit = options.Value.CatalogPageSize },
                    cancellationToken: stoppingToken);
                await foreach (var track in call.ResponseStream.ReadAllAsync(stoppingToken))
                {
                    index.Add(Guid.Parse(track.TrackId), track.Artist, track.Lyrics, track.ContentHash);
                    after = track.TrackId;
                    page++;
                    tracks++;
                }
                if (page < options.Value.CatalogPageSize)
                {
                    break;
                }
            }
            catch (RpcException e) when (!stoppingToken.IsCancellationRequested)
            {
                // The catalog may start after us or restart: go on from the last track read.
                logger.LogWarning("The catalog did not give lyrics ({Status}); asking again in 5 s, after track '{After}'.", e.StatusCode, after);
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
        var build = new IndexBuild(tracks, index.Lines, Stopwatch.GetElapsedTime(started).TotalSeconds,
            GC.GetTotalMemory(forceFullCollection: true) - before, DateTimeOffset.UtcNow);
        model.Built(build);
        logger.LogInformation("Line index built from the catalog: {Tracks} tracks, {Lines} lines in {Seconds:F1} s, {Megabytes:F0} MB.",
            build.Tracks, build.Lines, build.Seconds, build.MemoryBytes / 1048576.0);
    }

    private bool ShouldTrain() => model.Ranker is null
        ? index.Verses >= RankerTraining.MinimumQueries
        : index.Lines >= model.TrainedOnLines * (1 + options.Value.RetrainGrowth);

    private void Train()
    {
        var settings = options.Value;
        var lines = index.Lines;
        var examples = new RankerTraining(index, phonetics).Examples(settings.TrainingQueries, settings.Seed);
        var queries = examples.Select(e => e.Query).Distinct().Count();
        if (queries < RankerTraining.MinimumQueries)
        {
            logger.LogInformation("Not training the ranker yet: {Queries} training questions in {Lines} lines, {Minimum} needed.",
                queries, lines, RankerTraining.MinimumQueries);
            return;
        }
        var ranker = NextLineRanker.Train(examples, settings.Seed);
        model.Trained(ranker, lines);
        logger.LogInformation("Ranker trained on {Queries} questions ({Examples} examples) of {Lines} lines in {Seconds:F1} s.",
            ranker.Queries, ranker.Examples, lines, ranker.TrainingTime.TotalSeconds);
        if (settings.EvaluationQueries > 0)
        {
            var score = NextLineEvaluation.Run(index, phonetics, ranker, settings.EvaluationQueries, settings.Seed);
            model.Evaluated(score);
            logger.LogInformation("Next-line prediction on {Queries} held-out questions: top-1 {TopOne:P1}, MRR {Mrr:F3} (chance {Chance:P2}).",
                score.Queries, score.TopOne, score.MeanReciprocalRank, score.ChanceTopOne);
        }
    }
}
