using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RapAnalyzer.AppHost.Services;

/// <summary>
/// The AppHost's console, for whoever started it: each resource's state and health as it changes, and once every
/// resource is up and healthy, the time since the AppHost started and the gateway's address (the dashboard prints its
/// own login link). It starts watching before the resources start: Aspire starts hosted services only once every
/// resource has been started.
/// </summary>
public sealed class ResourceStateLog(ResourceNotificationService notifications, DistributedApplicationModel model,
    ILogger<ResourceStateLog> logger)
{
    private readonly Dictionary<string, (string? State, HealthStatus? Health)> _seen = [];

    public static void WatchFromStart(IDistributedApplicationBuilder builder) =>
        builder.Eventing.Subscribe<BeforeStartEvent>((@event, cancellationToken) =>
        {
            var log = ActivatorUtilities.CreateInstance<ResourceStateLog>(@event.Services);
            var stopping = @event.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
            _ = log.WatchAsync(stopping);
            return Task.CompletedTask;
        });

    private async Task WatchAsync(CancellationToken stoppingToken)
    {
        var announced = false;
        try
        {
            await foreach (var update in notifications.WatchAsync(stoppingToken))
            {
                if (update.Snapshot.IsHidden || update.Resource is ParameterResource)
                {
                    continue;
                }
                announced = Report(update, announced);
            }
        }
        catch (OperationCanceledException)
        {
            // The AppHost is stopping.
        }
    }

    private bool Report(ResourceEvent update, bool announced)
    {
        {
            var now = (update.Snapshot.State?.Text, update.Snapshot.HealthStatus);
            if (_seen.TryGetValue(update.ResourceId, out var before) && before == now)
            {
                return announced;
            }
            _seen[update.ResourceId] = now;
            logger.LogInformation("{Resource}: {State}{Health}", update.ResourceId, now.Text ?? "-",
                now.HealthStatus is { } health ? $", {health}" : "");

            if (!announced && _seen.Count >= Expected && _seen.Values.All(s => s.State == KnownResourceStates.Running && s.Health == HealthStatus.Healthy))
            {
                logger.LogInformation("Everything is healthy after {Seconds:0.0} s. Gateway: {Gateway}. Ctrl+C stops it all.",
                    (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalSeconds, GatewayUrl());
                return true;
            }
            return announced;
        }
    }

    /// <summary>Every resource of the model but the parameters and Aspire's hidden ones, and the dashboard, which Aspire adds.</summary>
    private int Expected => model.Resources.Count(r => r is not ParameterResource && !r.Name.EndsWith("-rebuilder", StringComparison.Ordinal)) + 1;

    private string GatewayUrl() =>
        model.Resources.OfType<ProjectResource>().Single(p => p.Name == "gateway").GetEndpoint(ServiceEndpoints.Http).Url;
}
