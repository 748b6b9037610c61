using MassTransit;
using RapAnalyzer.Scraper.Jobs;

namespace RapAnalyzer.Scraper.Dedup;

/// <summary>
/// Publishes the candidates the catalog does not have yet (new songs, and new lyrics under a known source id) and records
/// them as ingested once the broker has them, so a failure to publish never loses one; counts each on the job as stored,
/// updated or a duplicate.
/// </summary>
public sealed class TrackPublisher(IPublishEndpoint publisher, IngestedSongs ingested, ScraperMetrics metrics)
{
    public async Task PublishAsync(IReadOnlyList<IngestCandidate> candidates, Job job, string source, CancellationToken cancellationToken)
    {
        if (candidates.Count == 0)
        {
            return;
        }
        var decisions = await ingested.ClassifyAsync(candidates);
        var published = candidates.Zip(decisions)
            .Where(c => c.Second.Kind != IngestKind.Duplicate)
            .Select(c => (Candidate: c.First, c.Second.ReplacedHash))
            .ToList();
        await publisher.PublishBatch(published.Select(p => p.Candidate.Track), cancellationToken);
        await ingested.RecordAsync(published);

        var updated = decisions.Count(d => d.Kind == IngestKind.Update);
        job.SkippedDuplicate(candidates.Count - published.Count);
        job.Stored(published.Count - updated);
        job.Updated(updated);
        metrics.TracksImported(source, published.Count);
    }
}
