using System.Text.Json.Nodes;
using RapAnalyzer.Scraper.Jobs;

namespace RapAnalyzer.Scraper.Tests.Jobs;

/// <summary>A job as Redis holds it: its JSON, and when a running one has lost the instance that runs it.</summary>
public sealed class StoredJobTests
{
    private static readonly DateTimeOffset Heartbeat = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    private static StoredJob Running() => new(
        new JobSnapshot(Guid.CreateVersion7(), "import", JobState.Running, Found: 15, Stored: 9, Updated: 1, Rejected: 1, NoLyrics: 2,
            SkippedDuplicate: 1, Failed: 1, [new JobError(4, null, "year", "99999 is not a year"), new JobError(null, "song 7", null, "404")],
            Reason: null, StartedAt: Heartbeat.AddMinutes(-3), FinishedAt: null),
        Owner: "scraper-7d9f-x2/1", HeartbeatAt: Heartbeat);

    [Test]
    public void A_running_job_keeps_its_lease_for_fifteen_seconds_after_its_last_heartbeat()
    {
        var stored = Running();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored.IsAbandoned(Heartbeat + TimeSpan.FromSeconds(1)), Is.False);
            Assert.That(stored.IsAbandoned(Heartbeat + StoredJob.LeaseTimeout), Is.False);
            Assert.That(stored.IsAbandoned(Heartbeat + StoredJob.LeaseTimeout + TimeSpan.FromMilliseconds(1)), Is.True);
        }
    }

    [TestCase(JobState.Completed)]
    [TestCase(JobState.Failed)]
    [TestCase(JobState.Interrupted)]
    public void A_job_that_ended_is_never_abandoned(JobState state)
    {
        var ended = Running() with { Job = Running().Job with { State = state, FinishedAt = Heartbeat } };

        Assert.That(ended.IsAbandoned(Heartbeat + TimeSpan.FromDays(1)), Is.False);
    }

    [Test]
    public void An_abandoned_job_is_interrupted_at_its_last_heartbeat_with_its_counts_and_who_ran_it()
    {
        var stored = Running();

        var interrupted = stored.Abandoned();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(interrupted.Job.State, Is.EqualTo(JobState.Interrupted));
            Assert.That(interrupted.Job.FinishedAt, Is.EqualTo(Heartbeat));
            Assert.That(interrupted.Job.Reason, Does.Contain("scraper-7d9f-x2/1").And.Contain("no heartbeat since 2026-11-24T12:00:00"));
            Assert.That((interrupted.Job.Found, interrupted.Job.Stored, interrupted.Job.Updated, interrupted.Job.Rejected, interrupted.Job.NoLyrics,
                interrupted.Job.SkippedDuplicate, interrupted.Job.Failed), Is.EqualTo((15L, 9L, 1L, 1L, 2L, 1L, 1L)));
            Assert.That(interrupted.Job.Errors, Is.EqualTo(stored.Job.Errors));
            Assert.That((interrupted.Job.Id, interrupted.Job.Kind, interrupted.Job.StartedAt), Is.EqualTo((stored.Job.Id, "import", stored.Job.StartedAt)));
            Assert.That(interrupted.IsAbandoned(Heartbeat + TimeSpan.FromDays(1)), Is.False);
        }
    }

    [Test]
    public void Its_json_reads_back_as_the_same_job()
    {
        var stored = Running();

        var read = StoredJob.FromJson(stored.ToJson());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(read with { Job = read.Job with { Errors = stored.Job.Errors } }, Is.EqualTo(stored));
            Assert.That(read.Job.Errors, Is.EqualTo(stored.Job.Errors));
            Assert.That(read.ToJson(), Is.EqualTo(stored.ToJson()));
        }
    }

    [Test]
    public void Its_json_holds_the_job_as_get_jobs_answers_it()
    {
        var json = JsonNode.Parse(Running().Abandoned().ToJson())!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(json["owner"]!.GetValue<string>(), Is.EqualTo("scraper-7d9f-x2/1"));
            Assert.That(json["heartbeatAt"], Is.Not.Null);
            Assert.That(json["job"]!["state"]!.GetValue<string>(), Is.EqualTo("Interrupted"));
            Assert.That(json["job"]!["skippedDuplicate"]!.GetValue<long>(), Is.EqualTo(1));
            Assert.That(json["job"]!["noLyrics"]!.GetValue<long>(), Is.EqualTo(2));
            Assert.That(json["job"]!["fetched"]!.GetValue<long>(), Is.EqualTo(10));
            Assert.That(json["job"]!["errors"]![0]!.ToJsonString(), Is.EqualTo("""{"line":4,"field":"year","reason":"99999 is not a year"}"""));
            Assert.That(json["job"]!["errors"]![1]!.ToJsonString(), Is.EqualTo("""{"item":"song 7","reason":"404"}"""));
            Assert.That(json["job"]!["reason"]!.GetValue<string>(), Does.Contain("no heartbeat"));
        }
    }
}
