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
        // Deduplication falls back to memory without Redis: the scraper is degraded then, not down.
        builder.AddRedisClient("cache", HealthStatus.Degraded);
        builder.AddMessaging("messaging");
        builder.AddGrpcServerDefaults();
        builder.Services.AddProblemDetails();

        builder.Services.AddSingleton<JobRegistry>();
        builder.Services.AddSingleton<ImportRunner>();
        builder.Services.AddScoped<DatasetImporter>();
        builder.Services.AddSingleton<IngestedSongs>();
        builder.Services.AddSingleton<ArtistSongsCache>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHealthChecks().AddCheck<IngestedSongsHealthCheck>("ingested-songs");

        builder.Services.AddGeniusClient();
        builder.Services.AddSingleton<ScrapeRunner>();
        builder.Services.AddScoped<GeniusScraper>();
        return builder;
    }
}
