using System.Collections.Concurrent;

namespace RapAnalyzer.Scraper.Jobs;

/// <summary>The jobs this scraper instance runs or has run since it started.</summary>
public sealed class JobRegistry
{
    private readonly ConcurrentDictionary<Guid, Job> _jobs = new();

    public Job Create(string kind)
    {
        var job = new Job(kind);
        _jobs[job.Id] = job;
        return job;
    }

    public Job? Find(Guid id) => _jobs.GetValueOrDefault(id);
}
