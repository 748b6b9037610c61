using System.Collections.Concurrent;
using StackExchange.Redis;

namespace RapAnalyzer.Scraper.Jobs;

/// <summary>
/// Every scraper instance's jobs, in Redis under <c>scraper:jobs:{id}</c>, so any replica answers for a job another
/// one runs. The jobs this instance runs are also kept in memory: they are read from there (fresher than Redis,
/// and still there while Redis is down) and saved to Redis by <see cref="FlushAsync"/> until their end is saved.
/// </summary>
public sealed class JobStore(IConnectionMultiplexer redis, TimeProvider clock, ILogger<JobStore> logger)
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(1);

    /// <summary>How long a job stays readable after its last save, its end or its owner's last heartbeat.</summary>
    public static readonly TimeSpan TimeToLive = TimeSpan.FromDays(7);

    private readonly ConcurrentDictionary<Guid, Job> _local = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);
    private volatile bool _degraded;

    /// <summary>This instance as reasons name it; in Kubernetes the machine name is the pod's.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}";

    public string StoppedReason => $"the scraper instance running it ({Owner}) stopped before the job ended";

    public static string Key(Guid id) => $"scraper:jobs:{id}";

    public async Task<Job> CreateAsync(string kind)
    {
        var job = new Job(kind);
        // Saved before anyone learns its id, so a GET that lands on another replica finds it.
        await SaveAsync(job.Snapshot());
        _local[job.Id] = job;
        return job;
    }

    /// <summary>Saves the counts of this instance's jobs with a fresh heartbeat; forgets those whose end is saved.</summary>
    public async Task FlushAsync()
    {
        // One flush at a time, so an older snapshot of a job is never saved over a newer one.
        await _flushing.WaitAsync();
        try
        {
            var snapshots = _local.Values.Select(job => job.Snapshot()).ToList();
            var saved = await Task.WhenAll(snapshots.Select(SaveAsync));
            foreach (var (snapshot, isSaved) in snapshots.Zip(saved))
            {
                if (isSaved && snapshot.State != JobState.Running)
                {
                    _local.TryRemove(snapshot.Id, out _);
                }
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    /// <summary>On the way down: this instance's running jobs end interrupted, saved so other replicas say so at once.</summary>
    public async Task InterruptRunningAsync()
    {
        foreach (var job in _local.Values)
        {
            job.Finish(JobState.Interrupted, StoppedReason);
        }
        await FlushAsync();
    }

    /// <summary>The job, or null if no instance has it; a running job whose owner stopped is read as interrupted.</summary>
    /// <exception cref="JobStoreUnreachableException">It is not this instance's and Redis cannot be read.</exception>
    public async Task<JobSnapshot?> FindAsync(Guid id)
    {
        if (_local.TryGetValue(id, out var job))
        {
            return job.Snapshot();
        }
        // While the multiplexer reconnects a command would wait for its timeout; the caller learns it at once.
        if (!redis.IsConnected)
        {
            throw new JobStoreUnreachableException();
        }
        try
        {
            return await ReadAsync(redis.GetDatabase(), Key(id));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            throw new JobStoreUnreachableException(e);
        }
    }

    private async Task<JobSnapshot?> ReadAsync(IDatabase database, string key)
    {
        for (var attempt = 1; ; attempt++)
        {
            var value = await database.StringGetAsync(key);
            if (value.IsNull)
            {
                return null;
            }
            var stored = StoredJob.FromJson(value.ToString());
            if (!stored.IsAbandoned(clock.GetUtcNow()))
            {
                return stored.Job;
            }

            // Saved only over what was read: an owner that saved meanwhile is alive after all, and its save stands.
            var interrupted = stored.Abandoned();
            var transaction = database.CreateTransaction();
            transaction.AddCondition(Condition.StringEqual(key, value));
            _ = transaction.StringSetAsync(key, interrupted.ToJson(), TimeToLive);
            if (await transaction.ExecuteAsync())
            {
                logger.LogWarning("Job {JobId} of {Owner} has had no heartbeat since {HeartbeatAt}; it is interrupted",
                    stored.Job.Id, stored.Owner, stored.HeartbeatAt);
                return interrupted.Job;
            }
            if (attempt == 2)
            {
                return interrupted.Job;
            }
        }
    }

    private async Task<bool> SaveAsync(JobSnapshot job)
    {
        if (redis.IsConnected)
        {
            try
            {
                await redis.GetDatabase().StringSetAsync(Key(job.Id), new StoredJob(job, Owner, clock.GetUtcNow()).ToJson(), TimeToLive);
                if (_degraded)
                {
                    _degraded = false;
                    logger.LogInformation("Redis is back; jobs are saved to it again");
                }
                return true;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                Degrade(e);
                return false;
            }
        }
        Degrade(null);
        return false;
    }

    private void Degrade(Exception? e)
    {
        if (!_degraded)
        {
            logger.LogWarning(e, "Redis is unreachable; jobs are kept in memory, where only this instance sees them");
        }
        _degraded = true;
    }
}
