namespace RapAnalyzer.Scraper.Jobs;

/// <summary>
/// A job as <c>GET /jobs/{id}</c> shows it. Of the rows or songs found, each is stored (published as a new track), updated
/// (new lyrics under a known source id), rejected (it breaks the rules; in <see cref="Errors"/>), without lyrics, a
/// duplicate of lyrics already ingested, or failed (it could not be had; in <see cref="Errors"/>). <see cref="Errors"/>
/// keeps the first ones; the counts are exact.
/// </summary>
public sealed record JobSnapshot(Guid Id, string Kind, JobState State, long Found, long Stored, long Updated, long Rejected,
    long NoLyrics, long SkippedDuplicate, long Failed, IReadOnlyList<JobError> Errors, string? Reason,
    DateTimeOffset StartedAt, DateTimeOffset? FinishedAt)
{
    /// <summary>Tracks published, stored and updated together: what clients of the first job format read.</summary>
    public long Fetched => Stored + Updated;
}
