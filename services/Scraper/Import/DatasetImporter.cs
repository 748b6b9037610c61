using RapAnalyzer.Contracts;
using RapAnalyzer.Scraper.Dedup;
using RapAnalyzer.Scraper.Jobs;
using RapAnalyzer.Scraper.Validation;

namespace RapAnalyzer.Scraper.Import;

/// <summary>
/// Streams a dataset into TrackScraped events, published in batches, holding one batch at a time. A row that cannot be
/// read or breaks the rules is rejected with its line and field, and a row without lyrics skipped; the rows around it go on.
/// </summary>
public sealed class DatasetImporter(TrackPublisher publisher, ScraperMetrics metrics, ILogger<DatasetImporter> logger)
{
    public const int BatchSize = 200;

    public async Task ImportAsync(Stream stream, DatasetFormat format, Job job, CancellationToken cancellationToken)
    {
        var batch = new Batch();
        await foreach (var line in DatasetFormats.Read(format, stream, cancellationToken))
        {
            job.Found();
            // Before the rules, which require lyrics: a row without any is no lyrics, not a rejection.
            if (line.Row is { } row && PlaceholderLyrics.IsPlaceholder(row.Lyrics ?? ""))
            {
                job.NoLyrics();
                continue;
            }
            if (ToTrack(line, out var track) is { } rejection)
            {
                job.Rejected(JobError.AtLine(line.LineNumber, rejection));
                metrics.TrackRejected(ScraperMetrics.FromImport);
                continue;
            }
            var candidate = new IngestCandidate(track!);
            if (batch.HasLyrics(candidate))
            {
                job.SkippedDuplicate();
                continue;
            }
            // The same song twice in a batch is published in two, so the second is seen as the update it is.
            if (batch.HasSource(candidate) || batch.Count == BatchSize)
            {
                await PublishAsync(batch, job, cancellationToken);
            }
            batch.Add(candidate);
        }
        await PublishAsync(batch, job, cancellationToken);
        logger.LogInformation("Import {JobId} read {Found} rows", job.Id, job.Snapshot().Found);
    }

    private static Rejection? ToTrack(DatasetLine line, out TrackScraped? track)
    {
        track = null;
        return line.Error ?? (line.Row!.TryMap(out track, out var rejection) ? null : rejection);
    }

    private async Task PublishAsync(Batch batch, Job job, CancellationToken cancellationToken)
    {
        await publisher.PublishAsync(batch.Candidates, job, ScraperMetrics.FromImport, cancellationToken);
        batch.Clear();
    }

    private sealed class Batch
    {
        private readonly List<IngestCandidate> _candidates = new(BatchSize);
        private readonly HashSet<string> _hashes = [];
        private readonly HashSet<string> _sources = [];

        public IReadOnlyList<IngestCandidate> Candidates => _candidates;
        public int Count => _candidates.Count;

        public bool HasLyrics(IngestCandidate candidate) => _hashes.Contains(candidate.ContentHash);
        public bool HasSource(IngestCandidate candidate) => _sources.Contains(candidate.SourceKey);

        public void Add(IngestCandidate candidate)
        {
            _candidates.Add(candidate);
            _hashes.Add(candidate.ContentHash);
            _sources.Add(candidate.SourceKey);
        }

        public void Clear()
        {
            _candidates.Clear();
            _hashes.Clear();
            _sources.Clear();
        }
    }
}
