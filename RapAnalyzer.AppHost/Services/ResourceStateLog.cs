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
    private readonly Dictionary<IResource, (string? State, HealthStatus? Health)> _seen = [];

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
        var now = (update.Snapshot.State?.Text, update.Snapshot.HealthStatus);
        if (_seen.TryGetValue(update.Resource, out var before) && before == now)
        {
            return announced;
        }
        _seen[update.Resource] = now;
        logger.LogInformation("{Resource}: {State}{Health}", update.ResourceId, string.IsNullOrEmpty(now.Text) ? "-" : now.Text,
            now.HealthStatus is { } health ? $", {health}" : "");

        if (!announced && Expected.All(_seen.ContainsKey)
            && _seen.Values.All(s => s.State == KnownResourceStates.Running && s.Health == HealthStatus.Healthy))
        {
            logger.LogInformation("Everything is healthy after {Seconds:0.0} s. Gateway: {Gateway}. Ctrl+C stops it all.",
                (DateTime.Now - Process.GetCurrentProcess().StartTime).TotalSeconds, GatewayUrl());
            return true;
        }
        return announced;
    }

    /// <summary>
    /// Every resource of the model but the parameters and what Aspire adds to it (the dashboard, the rebuilders), which
    /// are waited for only if they report themselves visible.
    /// </summary>
    private IEnumerable<IResource> Expected => model.Resources.Where(r => r is not ParameterResource
        && r.Name != "aspire-dashboard" && !r.Name.EndsWith("-rebuilder", StringComparison.Ordinal));

    private string GatewayUrl() =>
        model.Resources.OfType<ProjectResource>().Single(p => p.Name == "gateway").GetEndpoint(ServiceEndpoints.Http).Url;
}
