using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RapAnalyzer.Messaging;

/// <summary>
/// Counts this service's error queues every <see cref="Interval"/> for <see cref="ErrorQueueMetrics"/>, in the
/// background, so that a Prometheus scrape (every 15 s by default) never opens a RabbitMQ channel itself.
/// </summary>
public sealed class ErrorQueueDepthRefresher(ErrorQueues errorQueues, ErrorQueueMetrics metrics, ILogger<ErrorQueueDepthRefresher> logger)
    : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            await RefreshAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        try
        {
            metrics.Counted(await errorQueues.CountAsync(cancellationToken));
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // RabbitMQ down is already reported by the bus and /health; here it only makes the depth unknown.
            metrics.Unknown();
            logger.LogDebug(e, "The error queues could not be counted");
        }
    }
}
