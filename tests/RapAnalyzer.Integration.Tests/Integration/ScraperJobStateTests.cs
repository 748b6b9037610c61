using Microsoft.Extensions.Logging.Abstractions;
using RapAnalyzer.Contracts;
using RapAnalyzer.Scraper.Jobs;
using StackExchange.Redis;

namespace RapAnalyzer.Integration.Tests;

/// <summary>
/// Scraper replicas sharing their jobs through real Redis: each <see cref="JobStore"/> is one replica. Any replica
/// reads a job's counts as its worker last flushed them, and a job whose worker went silent as interrupted.
/// </summary>
[TestFixture]
public sealed class ScraperJobStateTests
{
    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    private ConnectionMultiplexer _redis = null!;
    private readonly List<Guid> _jobs = [];

    [OneTimeSetUp]
    public async Task Connect() => _redis = await ConnectionMultiplexer.ConnectAsync(TestInfrastructure.ConnectionString("cache"));

    [OneTimeTearDown]
    public async Task Disconnect() => await _redis.DisposeAsync();

    [TearDown]
    public async Task DeleteJobs()
    {
        if (_jobs.Count > 0)
        {
            await _redis.GetDatabase().KeyDeleteAsync([.. _jobs.Select(id => (RedisKey)JobStore.Key(id))]);
            _jobs.Clear();
        }
    }

    private JobStore Replica(TimeProvider? clock = null) => new(_redis, clock ?? TimeProvider.System, NullLogger<JobStore>.Instance);

    private async Task<Job> StartAsync(JobStore worker, string kind)
    {
        var job = await worker.CreateAsync(kind);
        _jobs.Add(job.Id);
        return job;
    }

    [Test]
    public async Task Another_replica_reads_the_counts_the_worker_flushed_and_the_end()
    {
        var worker = Replica();
        var reader = Replica();
        var job = await StartAsync(worker, "import");
        var atStart = await reader.FindAsync(job.Id);

        job.Found(5);
        job.Stored(3);
        job.Updated();
        job.SkippedDuplicate();
        job.Rejected(JobError.AtLine(3, new Rejection("year", "99999 is not a year")));
        await worker.FlushAsync();
        var running = await reader.FindAsync(job.Id);

        job.Finish(JobState.Completed);
        await worker.FlushAsync();
        var completed = await reader.FindAsync(job.Id);
        var timeToLive = await _redis.GetDatabase().KeyTimeToLiveAsync(JobStore.Key(job.Id));

        using (Assert.EnterMultipleScope())
        {
            Assert.That((atStart?.Kind, atStart?.State, atStart?.Found), Is.EqualTo(("import", JobState.Running, 0L)));
            Assert.That(running?.State, Is.EqualTo(JobState.Running));
            Assert.That((running?.Found, running?.Stored, running?.Updated, running?.SkippedDuplicate, running?.Rejected),
                Is.EqualTo((5L, 3L, 1L, 1L, 1L)));
            Assert.That(running?.Errors, Is.EqualTo(new[] { new JobError(3, null, "year", "99999 is not a year") }));
            Assert.That(completed?.State, Is.EqualTo(JobState.Completed));
            Assert.That(completed?.FinishedAt, Is.Not.Null);
            Assert.That((completed?.Found, completed?.Fetched), Is.EqualTo((5L, 4L)));
            Assert.That(timeToLive, Is.GreaterThan(JobStore.TimeToLive - TimeSpan.FromMinutes(1)).And.LessThanOrEqualTo(JobStore.TimeToLive));
            Assert.That((await worker.FindAsync(job.Id))?.State, Is.EqualTo(JobState.Completed));
            Assert.That(await reader.FindAsync(Guid.CreateVersion7()), Is.Null);
        }
    }

    [Test]
    public async Task A_job_whose_worker_stopped_heartbeating_is_read_as_interrupted_with_its_counts()
    {
        var worker = Replica();
        var job = await StartAsync(worker, "scrape");
        job.Found(7);
        job.Stored(3);
        await worker.FlushAsync();
        // The worker's pod is killed here: nothing flushes the job again.

        var withinTheLease = await Replica(new ManualClock(DateTimeOffset.UtcNow + TimeSpan.FromSeconds(10))).FindAsync(job.Id);
        var afterTheLease = await Replica(new ManualClock(DateTimeOffset.UtcNow + StoredJob.LeaseTimeout + TimeSpan.FromSeconds(5))).FindAsync(job.Id);
        var readLater = await Replica().FindAsync(job.Id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(withinTheLease?.State, Is.EqualTo(JobState.Running));
            Assert.That(afterTheLease?.State, Is.EqualTo(JobState.Interrupted));
            Assert.That((afterTheLease?.Found, afterTheLease?.Fetched), Is.EqualTo((7L, 3L)));
            Assert.That(afterTheLease?.Reason, Does.Contain(worker.Owner).And.Contain("no heartbeat since"));
            Assert.That(afterTheLease?.FinishedAt, Is.Not.Null);
            // Saved as interrupted, so a replica whose clock sees the heartbeat as recent agrees.
            Assert.That((readLater?.State, readLater?.Reason), Is.EqualTo((JobState.Interrupted, afterTheLease?.Reason)));
        }
    }

    [Test]
    public async Task A_replica_that_shuts_down_leaves_its_running_jobs_interrupted_at_once()
    {
        var worker = Replica();
        var reader = Replica();
        var running = await StartAsync(worker, "import");
        running.Found(2);
        var completed = await StartAsync(worker, "import");
        completed.Finish(JobState.Completed);

        await worker.InterruptRunningAsync();
        var interrupted = await reader.FindAsync(running.Id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((interrupted?.State, interrupted?.Reason), Is.EqualTo((JobState.Interrupted, worker.StoppedReason)));
            Assert.That(interrupted?.Found, Is.EqualTo(2));
            Assert.That((await reader.FindAsync(completed.Id))?.State, Is.EqualTo(JobState.Completed));
        }
    }
}
