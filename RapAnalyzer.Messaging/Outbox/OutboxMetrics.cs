using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;

namespace RapAnalyzer.Messaging.Outbox;

/// <summary>
/// How many outbox rows wait to be published, as last counted by the <see cref="OutboxDispatcher{TContext}"/>: a
/// growing backlog means events are saved faster than RabbitMQ takes them, or not published at all. Nothing is
/// reported before the first count.
/// </summary>
public sealed class OutboxMetrics
{
    public const string BacklogName = "rapanalyzer.outbox.backlog";

    // -1: not counted yet.
    private long _backlog = -1;

    public OutboxMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(RapAnalyzerTelemetry.MeterName);
        meter.CreateObservableGauge(BacklogName, Observe, "{message}", "Outbox rows saved and not yet published to RabbitMQ.");
    }

    public void Counted(long backlog) => Interlocked.Exchange(ref _backlog, backlog);

    private IEnumerable<Measurement<long>> Observe() =>
        Interlocked.Read(ref _backlog) is >= 0 and var backlog ? [new Measurement<long>(backlog)] : [];
}
