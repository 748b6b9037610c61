using MassTransit;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using RapAnalyzer.Catalog.Consumers;
using RapAnalyzer.Catalog.Data;
using RapAnalyzer.ServiceDefaults.Outbox;

namespace RapAnalyzer.Catalog;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDbContext<CatalogDbContext>("catalogdb", npgsql => npgsql.UseVector(), dataSource => dataSource.UseVector());
        // Before the bus, so consumers start on the current schema.
        builder.Services.AddMigration<CatalogDbContext>();
        builder.Services.AddScoped<TrackQueries>();
        builder.Services.AddScoped<ArtistQueries>();
        builder.Services.AddSingleton<EmbeddingIndexes>();

        builder.AddMessaging("messaging", bus =>
        {
            // Batches: one transaction per many tracks is what keeps an import's storage cost per track low.
            bus.AddConsumer<TrackScrapedConsumer>(consumer => consumer.Options<BatchOptions>(Batching));
            bus.AddConsumer<TrackEnrichedConsumer>(consumer => consumer.Options<BatchOptions>(Batching));
            bus.AddConsumer<TrackAnalyzedConsumer>();
            bus.AddConsumer<QualityScoredConsumer>();
        });
        builder.Services.AddOutboxDispatcher<CatalogDbContext>();

        builder.AddGrpcServerDefaults();
        builder.Services.AddProblemDetails();
        return builder;
    }

    private static void Batching(BatchOptions batch) =>
        batch.SetMessageLimit(100).SetTimeLimit(TimeSpan.FromMilliseconds(50)).SetConcurrencyLimit(1);
}
