using Microsoft.Extensions.Diagnostics.HealthChecks;
using RapAnalyzer.Scraper.Dedup;
using RapAnalyzer.Scraper.Genius;
using RapAnalyzer.Scraper.Import;
using RapAnalyzer.Scraper.Jobs;
using RapAnalyzer.Scraper.Scraping;

namespace RapAnalyzer.Scraper;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // Deduplication and jobs fall back to memory without Redis: the scraper is degraded then, not down.
        builder.AddRedisConnection("cache", HealthStatus.Degraded);
        // The catalog publishes a fault for each track it cannot store; its lyrics then count as not ingested again.
        builder.AddMessaging("messaging", bus => bus.AddConsumer<TrackScrapedFaultConsumer>());
        builder.AddGrpcServerDefaults();

        builder.Services.AddSingleton<JobStore>();
        builder.Services.AddHostedService<JobHeartbeat>();
        builder.Services.AddValidatedOptions<ImportOptions, ImportOptionsValidation>(ImportOptions.SectionName);
        builder.Services.AddSingleton<ImportRunner>();
        builder.Services.AddScoped<DatasetImporter>();
        builder.Services.AddScoped<TrackPublisher>();
        builder.Services.AddSingleton<ScraperMetrics>();
        builder.Services.AddSingleton<IngestedSongs>();
        builder.Services.AddSingleton<ArtistSongsCache>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHealthChecks().AddCheck<IngestedSongsHealthCheck>("ingested-songs");

        builder.Services.AddExternalApiClient<GeniusOptions>().AddTypedClient<GeniusClient>();
        builder.Services.AddSingleton<ScrapeRunner>();
        builder.Services.AddScoped<GeniusScraper>();
        return builder;
    }
}
