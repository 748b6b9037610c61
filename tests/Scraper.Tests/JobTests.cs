using RapAnalyzer.Contracts;
using RapAnalyzer.Scraper.Jobs;

namespace RapAnalyzer.Scraper.Tests;

/// <summary>A job's counts and errors, updated by workers and read through snapshots.</summary>
public class JobTests
{
    [Test]
    public void A_new_job_is_running_with_nothing_counted()
    {
        var before = DateTimeOffset.UtcNow;
        var snapshot = new Job("import").Snapshot();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(snapshot.Kind, Is.EqualTo("import"));
            Assert.That(snapshot.State, Is.EqualTo(JobState.Running));
            Assert.That((snapshot.Found, snapshot.Stored, snapshot.Updated, snapshot.Rejected, snapshot.NoLyrics, snapshot.SkippedDuplicate,
                snapshot.Failed), Is.EqualTo((0L, 0L, 0L, 0L, 0L, 0L, 0L)));
            Assert.That(snapshot.Errors, Is.Empty);
            Assert.That(snapshot.FinishedAt, Is.Null);
            Assert.That(snapshot.StartedAt, Is.InRange(before, DateTimeOffset.UtcNow));
        }
    }

    [Test]
    public void Each_counter_counts_what_it_is_told()
    {
        var job = new Job("scrape");

        job.Found();
        job.Found(8);
        job.Stored(3);
        job.Stored();
        job.Updated();
        job.NoLyrics();
        job.SkippedDuplicate();
        job.SkippedDuplicate();
        job.Rejected(JobError.AtLine(3, new Rejection("year", "99999 is not a year")));
        job.Failed(JobError.ForItem("song 7", "Genius answered 404"));
        var snapshot = job.Snapshot();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(snapshot.Found, Is.EqualTo(9));
            Assert.That((snapshot.Stored, snapshot.Updated, snapshot.Fetched), Is.EqualTo((4L, 1L, 5L)));
            Assert.That(snapshot.NoLyrics, Is.EqualTo(1));
            Assert.That(snapshot.SkippedDuplicate, Is.EqualTo(2));
            Assert.That((snapshot.Rejected, snapshot.Failed), Is.EqualTo((1L, 1L)));
            Assert.That(snapshot.Errors, Is.EqualTo(new[]
            {
                new JobError(3, null, "year", "99999 is not a year"), new JobError(null, "song 7", null, "Genius answered 404"),
            }));
        }
    }

    [Test]
    public void Errors_are_kept_up_to_200_but_all_rejections_are_counted()
    {
        var job = new Job("import");

        for (var i = 0; i < 250; i++)
        {
            job.Rejected(JobError.AtLine(i, new Rejection(null, "bad")));
        }
        var snapshot = job.Snapshot();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(snapshot.Rejected, Is.EqualTo(250));
            Assert.That(snapshot.Errors, Has.Count.EqualTo(200));
            Assert.That(snapshot.Errors[0].Line, Is.Zero);
            Assert.That(snapshot.Errors[^1].Line, Is.EqualTo(199));
        }
    }

    [Test]
    public void Finish_sets_the_state_and_the_finish_time_without_adding_an_error()
    {
        var job = new Job("import");
        job.Found(2);
        var before = DateTimeOffset.UtcNow;

        job.Finish(JobState.Completed);
        var snapshot = job.Snapshot();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(snapshot.State, Is.EqualTo(JobState.Completed));
            Assert.That(job.State, Is.EqualTo(JobState.Completed));
            Assert.That(snapshot.FinishedAt, Is.Not.Null.And.InRange(before, DateTimeOffset.UtcNow));
            Assert.That(snapshot.FinishedAt, Is.GreaterThanOrEqualTo(snapshot.StartedAt));
            Assert.That(snapshot.Failed, Is.Zero);
            Assert.That(snapshot.Errors, Is.Empty);
            Assert.That(snapshot.Found, Is.EqualTo(2));
        }
    }

    [Test]
    public void Finish_with_a_reason_keeps_it_apart_from_the_item_errors()
    {
        var job = new Job("import");
        for (var line = 0; line < 250; line++)
        {
            job.Failed(JobError.ForItem($"song {line}", "Genius answered 404"));
        }

        job.Finish(JobState.Failed, "the file is gone");
        var snapshot = job.Snapshot();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(snapshot.State, Is.EqualTo(JobState.Failed));
            Assert.That(snapshot.Reason, Is.EqualTo("the file is gone"));
            Assert.That(snapshot.Failed, Is.EqualTo(250));
            Assert.That(snapshot.Errors, Has.Count.EqualTo(200));
            Assert.That(snapshot.FinishedAt, Is.Not.Null);
        }
    }

    [Test]
    public void The_first_end_wins()
    {
        var job = new Job("import");
        job.Finish(JobState.Interrupted, "the instance stopped");
        var interruptedAt = job.Snapshot().FinishedAt;

        job.Finish(JobState.Completed);
        var snapshot = job.Snapshot();

        Assert.That((snapshot.State, snapshot.Reason, snapshot.FinishedAt), Is.EqualTo((JobState.Interrupted, "the instance stopped", interruptedAt)));
    }

    [Test]
    public void A_snapshot_does_not_change_when_the_job_goes_on()
    {
        var job = new Job("import");
        job.Failed(JobError.ForItem("song 1", "bad"));
        var snapshot = job.Snapshot();

        job.Failed(JobError.ForItem("song 2", "bad"));
        job.Found(10);
        job.Finish(JobState.Completed);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(snapshot.Errors, Has.Count.EqualTo(1));
            Assert.That(snapshot.Found, Is.Zero);
            Assert.That(snapshot.State, Is.EqualTo(JobState.Running));
            Assert.That(snapshot.FinishedAt, Is.Null);
        }
    }

    [Test]
    public void Counting_from_several_threads_at_once_is_exact()
    {
        const int threads = 8;
        const int perThread = 20_000;
        var job = new Job("import");
        using var start = new Barrier(threads);

        var workers = Enumerable.Range(0, threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < perThread; i++)
            {
                job.Found();
                job.Stored(2);
                job.SkippedDuplicate();
                if (i % 100 == 0)
                {
                    job.Failed(JobError.ForItem($"thread {t} item {i}", "bad"));
                }
                if (i % 1000 == 0)
                {
                    _ = job.Snapshot();
                }
            }
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        var snapshot = job.Snapshot();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(snapshot.Found, Is.EqualTo(threads * perThread));
            Assert.That(snapshot.Stored, Is.EqualTo(2L * threads * perThread));
            Assert.That(snapshot.SkippedDuplicate, Is.EqualTo(threads * perThread));
            Assert.That(snapshot.Failed, Is.EqualTo(threads * perThread / 100));
            Assert.That(snapshot.Errors, Has.Count.EqualTo(200));
            Assert.That(snapshot.Errors.Select(e => e.Item), Is.Unique);
        }
    }
}
