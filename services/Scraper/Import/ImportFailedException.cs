using RapAnalyzer.Scraper.Jobs;

namespace RapAnalyzer.Scraper.Import;

/// <summary>An import that did not complete, with its job as it ended (the rows before the failure were published).</summary>
public sealed class ImportFailedException(JobSnapshot job, Exception inner) : Exception(job.Reason, inner)
{
    public JobSnapshot Job { get; } = job;
}
