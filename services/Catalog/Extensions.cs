using RapAnalyzer.Catalog.Consumers;
using RapAnalyzer.Catalog.Data;
using RapAnalyzer.ServiceDefaults.Outbox;

namespace RapAnalyzer.Catalog;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<CatalogDbContext>("catalogdb");
        // Before the bus, so consumers start on the current schema.
        builder.Services.AddMigration<CatalogDbContext>();
        builder.Services.AddScoped<TrackQueries>();

        builder.AddMessaging("messaging", bus => bus.AddConsumer<TrackScrapedConsumer>());
        builder.Services.AddOutboxDispatcher<CatalogDbContext>();

        builder.AddGrpcServerDefaults();
        builder.Services.AddProblemDetails();
        return builder;
    }
}
