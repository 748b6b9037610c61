using System.Globalization;
using System.Text.Json;

namespace RapAnalyzer.Scraper.Jobs;

/// <summary>
/// A job as every scraper instance sees it in Redis: its counts, the instance that runs it and when that instance
/// last saved it. The owner saves it every <see cref="JobStore.FlushInterval"/>, so a running job whose heartbeat
/// is older than <see cref="LeaseTimeout"/> has lost its instance.
/// </summary>
public sealed record StoredJob(JobSnapshot Job, string Owner, DateTimeOffset HeartbeatAt)
{
    /// <summary>
    /// Fifteen missed flushes: long enough for a Redis blip, a GC pause or the clock skew between two nodes, short
    /// enough that a client polling a job does not wait long to learn its instance is gone.
    /// </summary>
    public static readonly TimeSpan LeaseTimeout = TimeSpan.FromSeconds(15);

    public bool IsAbandoned(DateTimeOffset now) => Job.State == JobState.Running && now - HeartbeatAt > LeaseTimeout;

    /// <summary>The job ended at its last heartbeat, the last moment its counts are known for.</summary>
    public StoredJob Abandoned() => this with
    {
        Job = Job with
        {
            State = JobState.Interrupted,
            Reason = $"the scraper instance running it ({Owner}) stopped answering: no heartbeat since {HeartbeatAt.ToString("O", CultureInfo.InvariantCulture)}",
            FinishedAt = HeartbeatAt,
        },
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static StoredJob FromJson(string json) =>
        JsonSerializer.Deserialize<StoredJob>(json, JsonSerializerOptions.Web)
        ?? throw new JsonException("A stored job is null.");
}
