namespace RapAnalyzer.Scraper.Jobs;

/// <summary>A scrape or import run and its counts; updated by one worker, read by anyone.</summary>
public sealed class Job(string kind)
{
    private const int MaxErrorsKept = 200;
    private readonly Lock _gate = new();
    private readonly List<JobError> _errors = [];
    private long _found, _fetched, _skippedDuplicate, _failed;

    public Guid Id { get; } = Guid.CreateVersion7();
    public string Kind { get; } = kind;
    public JobState State { get; private set; } = JobState.Running;
    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>Why the job ended early, kept apart from the per-item errors so it is never crowded out.</summary>
    public string? Reason { get; private set; }

    public void Found(long count = 1) => Interlocked.Add(ref _found, count);
    public void Fetched(long count = 1) => Interlocked.Add(ref _fetched, count);
    public void SkippedDuplicate() => Interlocked.Increment(ref _skippedDuplicate);

    public void Failed(string item, string message)
    {
        Interlocked.Increment(ref _failed);
        lock (_gate)
        {
            if (_errors.Count < MaxErrorsKept)
            {
                _errors.Add(new JobError(item, message));
            }
        }
    }

    /// <summary>Ends the job; the first end wins, so a job its stopping instance interrupted stays interrupted.</summary>
    public void Finish(JobState state, string? reason = null)
    {
        lock (_gate)
        {
            if (State != JobState.Running)
            {
                return;
            }
            Reason = reason;
            State = state;
            FinishedAt = DateTimeOffset.UtcNow;
        }
    }

    public JobSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new JobSnapshot(Id, Kind, State, Interlocked.Read(ref _found), Interlocked.Read(ref _fetched),
                Interlocked.Read(ref _skippedDuplicate), Interlocked.Read(ref _failed), [.. _errors], Reason, StartedAt, FinishedAt);
        }
    }
}

[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<JobState>))]
public enum JobState
{
    Running,
    Completed,
    Failed,

    /// <summary>The scraper instance running the job stopped before it ended; the counts are those it last saved.</summary>
    Interrupted,
}

public sealed record JobError(string Item, string Message);

public sealed record JobSnapshot(Guid Id, string Kind, JobState State, long Found, long Fetched, long SkippedDuplicate,
    long Failed, IReadOnlyList<JobError> Errors, string? Reason, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt);
