using RapAnalyzer.Messaging.Outbox;
using RapAnalyzer.Testing.Metrics;

namespace RapAnalyzer.Messaging.Tests;

/// <summary>The outbox backlog gauge reports the dispatcher's last count, and nothing before it has counted.</summary>
public sealed class OutboxMetricsTests
{
    private TestMeters _meters = null!;
    private OutboxMetrics _metrics = null!;

    [SetUp]
    public void Create()
    {
        _meters = new TestMeters();
        _metrics = new OutboxMetrics(_meters.Factory);
    }

    [TearDown]
    public void Dispose() => _meters.Dispose();

    private IEnumerable<long> Observe()
    {
        using var backlog = _meters.Collect<long>(OutboxMetrics.BacklogName);
        backlog.RecordObservableInstruments();
        return [.. backlog.GetMeasurementSnapshot().Select(m => m.Value)];
    }

    [Test]
    public void Nothing_is_reported_before_the_first_count()
    {
        Assert.That(Observe(), Is.Empty);
    }

    [Test]
    public void The_last_count_is_reported()
    {
        _metrics.Counted(120);
        _metrics.Counted(7);

        Assert.That(Observe(), Is.EqualTo(new[] { 7L }));
    }
}
