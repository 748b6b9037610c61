using RapAnalyzer.Scraper.Import;
using RapAnalyzer.Scraper.Jobs;

namespace RapAnalyzer.Scraper;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddRedisClient("cache");
        builder.AddMessaging("messaging");
        builder.AddGrpcServerDefaults();
        builder.Services.AddProblemDetails();

        builder.Services.AddSingleton<JobRegistry>();
        builder.Services.AddSingleton<ImportRunner>();
        builder.Services.AddScoped<DatasetImporter>();
        return builder;
    }
}
