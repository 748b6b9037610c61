using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace RapAnalyzer.AppHost.Services;

/// <summary>
/// Starts a service again when its process dies on its own (a crash, a kill), after 1 s doubling to 30 s for one that
/// keeps dying; a service stopped from the dashboard or by the AppHost's own shutdown stays stopped.
/// </summary>
public sealed class CrashedServiceRestarts(ResourceNotificationService notifications, ResourceCommandService commands,
    IHostApplicationLifetime lifetime, ILogger<CrashedServiceRestarts> logger) : BackgroundService
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StableAfter = TimeSpan.FromMinutes(1);
    private readonly Dictionary<string, string?> _lastState = [];
    private readonly Dictionary<string, (int Crashes, DateTimeOffset At)> _crashes = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var update in notifications.WatchAsync(stoppingToken))
        {
            if (update.Resource is not ProjectResource)
            {
                continue;
            }
            var state = update.Snapshot.State?.Text;
            _lastState.TryGetValue(update.ResourceId, out var previous);
            _lastState[update.ResourceId] = state;
            if (previous == KnownResourceStates.Running && IsDead(state) && !lifetime.ApplicationStopping.IsCancellationRequested)
            {
                _ = RestartAsync(update.ResourceId, update.Snapshot.ExitCode, stoppingToken);
            }
        }
    }

    private static bool IsDead(string? state) =>
        state == KnownResourceStates.Exited || state == KnownResourceStates.Finished || state == KnownResourceStates.FailedToStart;

    private async Task RestartAsync(string resourceId, int? exitCode, CancellationToken stoppingToken)
    {
        var now = DateTimeOffset.UtcNow;
        var crashes = _crashes.TryGetValue(resourceId, out var last) && now - last.At < StableAfter ? last.Crashes + 1 : 1;
        _crashes[resourceId] = (crashes, now);
        var delay = TimeSpan.FromSeconds(Math.Min(MaxDelay.TotalSeconds, Math.Pow(2, crashes - 1)));
        logger.LogWarning("{Resource} exited on its own (exit code {ExitCode}); starting it again in {Delay} s",
            resourceId, exitCode, delay.TotalSeconds);
        try
        {
            await Task.Delay(delay, stoppingToken);
            var result = await commands.ExecuteCommandAsync(resourceId, KnownResourceCommands.StartCommand, stoppingToken);
            if (!result.Success)
            {
                logger.LogError("Starting {Resource} again failed: {Error}", resourceId, result.Message);
            }
        }
        catch (OperationCanceledException)
        {
            // The AppHost is stopping: nothing to restart.
        }
    }
}
