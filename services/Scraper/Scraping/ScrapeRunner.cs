using RapAnalyzer.Scraper.Jobs;
using RapAnalyzer.ServiceDefaults.Http;

namespace RapAnalyzer.Scraper.Scraping;

/// <summary>Runs a scrape as a background job that outlives the request that started it.</summary>
public sealed class ScrapeRunner(JobStore jobs, IServiceScopeFactory scopes, IHostApplicationLifetime lifetime,
    ILogger<ScrapeRunner> logger)
{
    public const string JobKind = "scrape";

    public async Task<Job> StartAsync(IReadOnlyList<string> artists, int songLimit)
    {
        var job = await jobs.CreateAsync(JobKind);
        _ = Task.Run(() => RunAsync(artists, songLimit, job, lifetime.ApplicationStopping));
        return job;
    }

    private async Task RunAsync(IReadOnlyList<string> artists, int songLimit, Job job, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var scraper = scope.ServiceProvider.GetRequiredService<GeniusScraper>();
            await scraper.ScrapeAsync(artists, songLimit, job, cancellationToken);
            job.Finish(JobState.Completed);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            job.Finish(JobState.Interrupted, jobs.StoppedReason);
        }
        catch (ExternalApiException e) when (e.IsCircuitOpen)
        {
            logger.LogWarning("Scrape {JobId} stopped: the circuit to Genius is open", job.Id);
            job.Finish(JobState.Failed, $"Genius kept failing, so the scrape stopped ({e.Message})");
        }
        catch (Exception e)
        {
            logger.LogError(e, "Scrape {JobId} of {Artists} failed", job.Id, artists);
            job.Finish(JobState.Failed, e.Message);
        }
        finally
        {
            // Saved at once rather than at the next heartbeat, so every replica reports the end straight away.
            await jobs.FlushAsync();
        }
    }
}
