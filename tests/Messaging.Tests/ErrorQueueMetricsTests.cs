using Microsoft.Extensions.Logging.Abstractions;
using RapAnalyzer.Testing.Metrics;

namespace RapAnalyzer.Messaging.Tests;

/// <summary>The error-queue depth gauge: the last count per queue, and nothing while RabbitMQ cannot be asked.</summary>
public sealed class ErrorQueueMetricsTests
{
    /// <summary>Nothing listens on port 1, so a connection is refused at once.</summary>
    private static readonly Uri UnreachableBroker = new("amqp://guest:guest@127.0.0.1:1");

    private TestMeters _meters = null!;
    private ErrorQueueMetrics _metrics = null!;

    [SetUp]
    public void Create()
    {
        _meters = new TestMeters();
        _metrics = new ErrorQueueMetrics(_meters.Factory);
    }

    [TearDown]
    public void Dispose() => _meters.Dispose();

    private IEnumerable<(object? Queue, long Depth)> Observe()
    {
        using var depths = _meters.Collect<long>(ErrorQueueMetrics.DepthName);
        depths.RecordObservableInstruments();
        return [.. depths.GetMeasurementSnapshot().Select(m => (m.Tags[ErrorQueueMetrics.QueueTag], m.Value))];
    }

    [Test]
    public void Each_queue_reports_its_last_count()
    {
        _metrics.Counted([new ErrorQueueCount("catalog-track-scraped", "catalog-track-scraped_error", 3),
            new ErrorQueueCount("catalog-track-enriched", "catalog-track-enriched_error", 0)]);

        Assert.That(Observe(), Is.EquivalentTo(new (object?, long)[] { ("catalog-track-scraped", 3), ("catalog-track-enriched", 0) }));
    }

    [Test]
    public void Nothing_is_reported_before_the_first_count()
    {
        Assert.That(Observe(), Is.Empty);
    }

    [Test]
    public async Task An_unreachable_broker_makes_the_depths_unknown_rather_than_stale()
    {
        _metrics.Counted([new ErrorQueueCount("catalog-track-scraped", "catalog-track-scraped_error", 3)]);
        await using var errorQueues = new ErrorQueues(UnreachableBroker, ["catalog-track-scraped"]);
        var refresher = new ErrorQueueDepthRefresher(errorQueues, _metrics, NullLogger<ErrorQueueDepthRefresher>.Instance);

        await refresher.RefreshAsync(CancellationToken.None);

        Assert.That(Observe(), Is.Empty);
    }
}
