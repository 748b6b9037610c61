using MassTransit;
using RapAnalyzer.Contracts;
using RapAnalyzer.Scraper.Dedup;
using RapAnalyzer.Scraper.Jobs;

namespace RapAnalyzer.Scraper.Import;

/// <summary>
/// Streams a dataset file into TrackScraped events, published in batches. A malformed record is counted with
/// its line number and the import goes on; a song whose lyrics were already ingested is skipped. Songs are
/// marked as ingested only after their batch is published, so a failure never loses one.
/// </summary>
public sealed class DatasetImporter(IPublishEndpoint publisher, IngestedSongs ingested, ScraperMetrics metrics, ILogger<DatasetImporter> logger)
{
    public const int BatchSize = 200;

    public async Task ImportAsync(Stream stream, DatasetFormat format, Job job, CancellationToken cancellationToken)
    {
        var batch = new Dictionary<string, TrackScraped>(BatchSize);
        await foreach (var line in DatasetFormats.Read(format, stream, cancellationToken))
        {
            job.Found();
            if (line.Row is null)
            {
                job.Failed($"line {line.LineNumber}", line.Error!);
                metrics.TrackRejected(ScraperMetrics.FromImport);
                continue;
            }
            var track = line.Row.ToTrackScraped();
            if (!batch.TryAdd(LyricsHash.Compute(track.Lyrics), track))
            {
                job.SkippedDuplicate();
                continue;
            }
            if (batch.Count == BatchSize)
            {
                await PublishNewAsync(batch, job, cancellationToken);
            }
        }
        await PublishNewAsync(batch, job, cancellationToken);
        logger.LogInformation("Import {JobId} read {Found} rows", job.Id, job.Snapshot().Found);
    }

    private async Task PublishNewAsync(Dictionary<string, TrackScraped> batch, Job job, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }
        var hashes = batch.Keys.ToList();
        var known = await ingested.ContainsAsync(hashes);
        var fresh = hashes.Where((_, i) => !known[i]).ToList();
        foreach (var _ in hashes.Where((_, i) => known[i]))
        {
            job.SkippedDuplicate();
        }
        await publisher.PublishBatch(fresh.Select(h => batch[h]), cancellationToken);
        await ingested.AddAsync(fresh);
        job.Fetched(fresh.Count);
        metrics.TracksImported(ScraperMetrics.FromImport, fresh.Count);
        batch.Clear();
    }
}
