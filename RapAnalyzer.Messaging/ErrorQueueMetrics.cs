using System.Diagnostics.Metrics;
using Microsoft.Extensions.Hosting;

namespace RapAnalyzer.Messaging;

/// <summary>
/// How many messages wait in each error queue, as last counted by <see cref="ErrorQueueDepthRefresher"/>: a scrape
/// reads that count and never waits on RabbitMQ. While the count is unknown (RabbitMQ unreachable) nothing is reported,
/// rather than a stale or a zero depth.
/// </summary>
public sealed class ErrorQueueMetrics
{
    public const string DepthName = "rapanalyzer.error_queue.depth";
    public const string QueueTag = "queue";

    private IReadOnlyList<ErrorQueueCount> _depths = [];

    public ErrorQueueMetrics(IMeterFactory meterFactory)
    {
        var meter = meterFactory.Create(RapAnalyzerTelemetry.MeterName);
        meter.CreateObservableGauge(DepthName, Observe, "{message}",
            "Messages in the _error queue of each consumer queue (tag queue), which POST /errors/{queue}/replay moves back.");
    }

    public void Counted(IReadOnlyList<ErrorQueueCount> depths) => Volatile.Write(ref _depths, depths);

    public void Unknown() => Volatile.Write(ref _depths, []);

    private IEnumerable<Measurement<long>> Observe() =>
        Volatile.Read(ref _depths).Select(depth => new Measurement<long>(depth.Messages, new KeyValuePair<string, object?>(QueueTag, depth.Queue)));
}
