using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RapAnalyzer.Scraper.Dedup;
using RapAnalyzer.Scraper.Genius;
using StackExchange.Redis;
using RapAnalyzer.Scraper.Import;
using RapAnalyzer.Scraper.Jobs;
using RapAnalyzer.Scraper.Scraping;

namespace RapAnalyzer.Scraper.Tests.Genius;

/// <summary>
/// The scraper's Genius services wired as the service wires them, pointed at a fake Genius, with small
/// timeouts and backoffs so a test of the resilience pipeline takes a fraction of a second.
/// </summary>
public static class GeniusTestServices
{
    public static ServiceProvider Create(FakeGeniusServer server, Action<GeniusOptions>? configure = null,
        RecordingPublishEndpoint? publisher = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        // What ServiceDefaults does to every HttpClient; the Genius client has to replace it, not add to it.
        services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());

        services.AddExternalApiClient<GeniusOptions>().AddTypedClient<GeniusClient>();
        services.Configure<GeniusOptions>(options =>
        {
            options.BaseUrl = server.BaseUrl;
            options.AccessToken = FakeGeniusServer.Token;
            options.RequestsPerSecond = 100;
            options.MaxRetries = 2;
            options.RetryDelaySeconds = 0.01;
            options.TimeoutSeconds = 5;
            options.CircuitBreakerMinimumThroughput = 100;
            configure?.Invoke(options);
        });

        services.AddSingleton<ScrapeRunner>();
        services.AddScoped<GeniusScraper>();
        services.AddSingleton<ArtistSongsCache>();
        services.AddIngestion(publisher);
        services.AddSingleton<StoppableLifetime>();
        services.AddSingleton<IHostApplicationLifetime>(provider => provider.GetRequiredService<StoppableLifetime>());
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    /// <summary>Jobs, imports and publishing as the service wires them, on a fake publish endpoint and without Redis.</summary>
    public static IServiceCollection AddIngestion(this IServiceCollection services, RecordingPublishEndpoint? publisher = null)
    {
        services.AddSingleton<JobStore>();
        services.AddSingleton<ImportRunner>();
        services.AddScoped<DatasetImporter>();
        services.AddScoped<TrackPublisher>();
        // No Redis in these tests: jobs, deduplication and the artist-songs cache run on their in-memory fallbacks.
        services.AddSingleton(_ => DisconnectedRedis.Connect());
        services.AddMetrics();
        services.AddSingleton<ScraperMetrics>();
        services.AddSingleton<IngestedSongs>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IPublishEndpoint>(publisher ?? new RecordingPublishEndpoint());
        return services;
    }

    public static async Task<JobSnapshot> FinishedAsync(this Job job, TimeSpan? within = null)
    {
        var deadline = DateTimeOffset.UtcNow + (within ?? TimeSpan.FromSeconds(20));
        while (job.State == JobState.Running)
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                Assert.Fail($"Job {job.Id} still running after {within}: {job.Snapshot()}");
            }
            await Task.Delay(20);
        }
        return job.Snapshot();
    }

    /// <summary>Polls the job as <c>GET /jobs/{id}</c> does until it ends.</summary>
    public static async Task<JobSnapshot> FinishedAsync(this JobStore jobs, Guid id)
    {
        var deadline = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(20);
        while (await jobs.FindAsync(id) is { State: JobState.Running } job)
        {
            if (DateTimeOffset.UtcNow > deadline)
            {
                Assert.Fail($"Job {id} still running after 20 s: {job}");
            }
            await Task.Delay(20);
        }
        return await jobs.FindAsync(id) ?? throw new AssertionException($"No job {id}.");
    }
}
