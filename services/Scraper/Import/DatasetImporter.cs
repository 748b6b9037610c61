using MassTransit;
using RapAnalyzer.Contracts;
using RapAnalyzer.Scraper.Jobs;

namespace RapAnalyzer.Scraper.Import;

/// <summary>
/// Streams a dataset file into TrackScraped events, published in batches. A malformed line is counted
/// with its line number and the import goes on.
/// </summary>
public sealed class DatasetImporter(IPublishEndpoint publisher, ILogger<DatasetImporter> logger)
{
    public const int BatchSize = 200;

    public async Task ImportAsync(Stream stream, Job job, CancellationToken cancellationToken)
    {
        var batch = new List<TrackScraped>(BatchSize);
        await foreach (var line in JsonlDatasetReader.ReadAsync(stream, cancellationToken))
        {
            job.Found();
            if (line.Row is null)
            {
                job.Failed($"line {line.LineNumber}", line.Error!);
                continue;
            }
            batch.Add(line.Row.ToTrackScraped());
            if (batch.Count == BatchSize)
            {
                await PublishAsync(batch, job, cancellationToken);
            }
        }
        await PublishAsync(batch, job, cancellationToken);
        logger.LogInformation("Import {JobId} read {Found} rows", job.Id, job.Snapshot().Found);
    }

    private async Task PublishAsync(List<TrackScraped> batch, Job job, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }
        await publisher.PublishBatch(batch, cancellationToken);
        job.Fetched(batch.Count);
        batch.Clear();
    }
}
