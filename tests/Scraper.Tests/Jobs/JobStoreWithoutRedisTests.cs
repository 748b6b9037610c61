using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging.Abstractions;
using RapAnalyzer.Contracts;
using RapAnalyzer.Scraper.Apis;
using RapAnalyzer.Scraper.Jobs;
using StackExchange.Redis;

namespace RapAnalyzer.Scraper.Tests.Jobs;

/// <summary>While Redis is down the jobs an instance runs live in its memory, and nothing fails for it.</summary>
public sealed class JobStoreWithoutRedisTests
{
    private IConnectionMultiplexer _redis = null!;
    private JobStore _jobs = null!;

    [SetUp]
    public void Connect()
    {
        _redis = DisconnectedRedis.Connect();
        _jobs = new JobStore(_redis, TimeProvider.System, NullLogger<JobStore>.Instance);
    }

    [TearDown]
    public void Disconnect() => _redis.Dispose();

    [Test]
    public async Task A_job_this_instance_runs_is_read_from_memory_with_its_counts()
    {
        var job = await _jobs.CreateAsync("import");
        job.Found(3);
        job.Stored(2);
        job.Rejected(JobError.AtLine(2, new Rejection(null, "invalid JSON")));
        await _jobs.FlushAsync();

        var read = await _jobs.FindAsync(job.Id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(read?.State, Is.EqualTo(JobState.Running));
            Assert.That((read?.Found, read?.Stored, read?.Rejected), Is.EqualTo((3L, 2L, 1L)));
            Assert.That(read?.Errors.Single().Line, Is.EqualTo(2));
        }
    }

    [Test]
    public async Task A_job_whose_end_could_not_be_saved_is_still_read_from_memory()
    {
        var job = await _jobs.CreateAsync("scrape");
        job.Finish(JobState.Completed);

        await _jobs.FlushAsync();

        Assert.That((await _jobs.FindAsync(job.Id))?.State, Is.EqualTo(JobState.Completed));
    }

    [Test]
    public void A_job_another_instance_may_run_is_unknown_rather_than_missing()
    {
        Assert.ThrowsAsync<JobStoreUnreachableException>(() => _jobs.FindAsync(Guid.CreateVersion7()));
    }

    [Test]
    public async Task Get_jobs_answers_503_for_a_job_it_cannot_read_and_the_job_for_its_own()
    {
        var own = await _jobs.CreateAsync("import");

        var unknown = (await JobsApi.GetJob(Guid.CreateVersion7(), _jobs)).Result as ProblemHttpResult;
        var found = (await JobsApi.GetJob(own.Id, _jobs)).Result as Ok<JobSnapshot>;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(unknown?.StatusCode, Is.EqualTo(StatusCodes.Status503ServiceUnavailable));
            Assert.That(unknown?.ProblemDetails.Detail, Does.Contain("Redis is unreachable"));
            Assert.That(found?.Value?.Id, Is.EqualTo(own.Id));
        }
    }

    [Test]
    public async Task Stopping_the_heartbeat_interrupts_the_running_jobs_and_leaves_the_ended_ones()
    {
        var running = await _jobs.CreateAsync("import");
        var completed = await _jobs.CreateAsync("import");
        completed.Finish(JobState.Completed);
        using var heartbeat = new JobHeartbeat(_jobs, TimeProvider.System);
        await heartbeat.StartAsync(CancellationToken.None);

        await heartbeat.StopAsync(CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((await _jobs.FindAsync(running.Id))?.State, Is.EqualTo(JobState.Interrupted));
            Assert.That((await _jobs.FindAsync(running.Id))?.Reason, Is.EqualTo(_jobs.StoppedReason));
            Assert.That((await _jobs.FindAsync(completed.Id))?.State, Is.EqualTo(JobState.Completed));
        }
    }

    [Test]
    public async Task Answers_at_once_while_redis_is_down()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();

        for (var i = 0; i < 100; i++)
        {
            var job = await _jobs.CreateAsync("import");
            await _jobs.FlushAsync();
            await _jobs.FindAsync(job.Id);
        }

        // A command queued on a reconnecting multiplexer would wait seconds for its timeout.
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)));
    }
}
