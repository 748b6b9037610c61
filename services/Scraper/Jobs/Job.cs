namespace RapAnalyzer.Scraper.Jobs;

/// <summary>A scrape or import run and its counts; updated by one worker, read by anyone.</summary>
public sealed class Job(string kind)
{
    private const int MaxErrorsKept = 200;
    private readonly Lock _gate = new();
    private readonly List<JobError> _errors = [];
    private long _found, _stored, _updated, _rejected, _noLyrics, _skippedDuplicate, _failed;

    public Guid Id { get; } = Guid.CreateVersion7();
    public string Kind { get; } = kind;
    public JobState State { get; private set; } = JobState.Running;
    public DateTimeOffset StartedAt { get; } = DateTimeOffset.UtcNow;
    public DateTimeOffset? FinishedAt { get; private set; }

    /// <summary>Why the job ended early, kept apart from the per-item errors so it is never crowded out.</summary>
    public string? Reason { get; private set; }

    public void Found(long count = 1) => Interlocked.Add(ref _found, count);
    public void Stored(long count = 1) => Interlocked.Add(ref _stored, count);
    public void Updated(long count = 1) => Interlocked.Add(ref _updated, count);
    public void NoLyrics() => Interlocked.Increment(ref _noLyrics);
    public void SkippedDuplicate(long count = 1) => Interlocked.Add(ref _skippedDuplicate, count);

    /// <summary>A row or song that breaks the rules (unreadable, too long, a bad year, ...).</summary>
    public void Rejected(JobError error)
    {
        Interlocked.Increment(ref _rejected);
        Keep(error);
    }

    /// <summary>A song that could not be had (Genius failed to answer for it, the artist is unknown).</summary>
    public void Failed(JobError error)
    {
        Interlocked.Increment(ref _failed);
        Keep(error);
    }

    private void Keep(JobError error)
    {
        lock (_gate)
        {
            if (_errors.Count < MaxErrorsKept)
            {
                _errors.Add(error);
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
            return new JobSnapshot(Id, Kind, State, Interlocked.Read(ref _found), Interlocked.Read(ref _stored),
                Interlocked.Read(ref _updated), Interlocked.Read(ref _rejected), Interlocked.Read(ref _noLyrics),
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
