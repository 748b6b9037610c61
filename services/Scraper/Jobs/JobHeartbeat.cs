namespace RapAnalyzer.Scraper.Jobs;

/// <summary>
/// Saves the counts of this instance's jobs every <see cref="JobStore.FlushInterval"/>, which renews their
/// heartbeat, and on shutdown saves its running jobs as interrupted.
/// </summary>
public sealed class JobHeartbeat(JobStore jobs, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(JobStore.FlushInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            await jobs.FlushAsync();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        // The runners end their jobs when the application stops too, but nothing waits for them to save that.
        await jobs.InterruptRunningAsync();
    }
}
