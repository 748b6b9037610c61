using System.Threading.Channels;
using Microsoft.Extensions.Options;
using RapAnalyzer.Inference.Analysis;
using RapAnalyzer.Inference.Upstream;
using StackExchange.Redis;

namespace RapAnalyzer.Inference.Batches;

/// <summary>
/// Runs batches one after another: those posted to this replica at once, and every so often any unfinished batch no
/// replica holds, which is how a batch resumes after its replica stopped. A batch's items run <c>Batch:Concurrency</c> at
/// a time and are recorded as each finishes; items already answered are skipped.
/// </summary>
public sealed class BatchRunner(BatchStore store, LyricsAnalyzer analyzer, CatalogTracks catalog, IOptions<AnalysisOptions> analysis,
    IOptions<BatchOptions> batchOptions, ILogger<BatchRunner> logger) : BackgroundService
{
    private static readonly TimeSpan Rescan = TimeSpan.FromSeconds(5);
    private readonly Channel<Guid> _posted = Channel.CreateUnbounded<Guid>();
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    public void Start(Guid id) => _posted.Writer.TryWrite(id);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                foreach (var id in await store.UnfinishedAsync())
                {
                    await RunAsync(id, stoppingToken);
                }
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                wait.CancelAfter(Rescan);
                try
                {
                    await _posted.Reader.WaitToReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                }
                while (_posted.Reader.TryRead(out var posted))
                {
                    await RunAsync(posted, stoppingToken);
                }
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                logger.LogWarning(e, "Batches paused: Redis is unreachable");
                await Task.Delay(Rescan, stoppingToken);
            }
        }
    }

    private async Task RunAsync(Guid id, CancellationToken stoppingToken)
    {
        if (!await store.TryLeaseAsync(id, _owner) || await store.ProgressAsync(id) is not { Finished: false } batch)
        {
            return;
        }
        await store.MarkAsync(id, BatchStatus.Running);
        var items = await store.ItemsAsync(id);
        var recorded = await store.RecordedAsync(id);
        var running = new ParallelOptions { MaxDegreeOfParallelism = batchOptions.Value.Concurrency, CancellationToken = stoppingToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, items.Count).Where(index => !recorded.Contains(index)), running, async (index, cancellationToken) =>
        {
            await store.RecordAsync(id, await SafeAnswerAsync(id, index, items[index], batch.Analyzer, cancellationToken));
            await store.RenewLeaseAsync(id);
        });
        await store.CompleteAsync(id);
        logger.LogInformation("Batch {BatchId} completed: {Total} items", id, items.Count);
    }

    // One song that breaks the analyzer is answered as failed; the batch goes on.
    private async Task<BatchItemResult> SafeAnswerAsync(Guid id, int index, BatchItem? item, string analyzerName, CancellationToken cancellationToken)
    {
        try
        {
            return await AnswerAsync(index, item, analyzerName, cancellationToken);
        }
        catch (Exception e) when (e is not (OperationCanceledException or RedisException))
        {
            logger.LogError(e, "Batch {BatchId} item {Index} could not be analyzed", id, index);
            return BatchItemResult.Failure(index, "The analysis of this song failed.");
        }
    }

    private async Task<BatchItemResult> AnswerAsync(int index, BatchItem? item, string analyzerName, CancellationToken cancellationToken)
    {
        if (item is null)
        {
            return BatchItemResult.Failure(index, BatchItem.Missing(index));
        }
        if (item.Problem(index, analysis.Value.MaxLyricsLength) is { } problem)
        {
            return BatchItemResult.Failure(index, problem);
        }
        // Asked for by name, the LLM is waited for within its budget; auto takes the embedded analyzer when it is spent.
        var interactive = analyzerName != Analyzers.Llm;
        if (item.TrackId is null)
        {
            try
            {
                return BatchItemResult.Of(index, await analyzer.AnalyzeAsync(item.Lyrics!, null, analyzerName, cancellationToken, interactive));
            }
            catch (NoLyricLinesException e)
            {
                return BatchItemResult.Failure(index, $"{BatchRequest.ItemsField}[{index}].{AnalyzeRequest.LyricsField}: {AnalyzeRequest.LyricsField} {e.Message}.");
            }
        }
        try
        {
            return await catalog.FindAsync(Guid.Parse(item.TrackId), cancellationToken) is { } track
                ? BatchItemResult.Of(index, await analyzer.AnalyzeAsync(track.Lyrics, track.Features, analyzerName, cancellationToken, interactive))
                : BatchItemResult.Failure(index, $"{BatchRequest.ItemsField}[{index}].{AnalyzeRequest.TrackIdField}: the catalog has no track {item.TrackId}.");
        }
        catch (CatalogUnavailableException e)
        {
            return BatchItemResult.Failure(index, e.Message);
        }
        catch (NoLyricLinesException e)
        {
            return BatchItemResult.Failure(index, $"{BatchRequest.ItemsField}[{index}].{AnalyzeRequest.TrackIdField}: the track's lyrics {e.Message}.");
        }
    }
}
