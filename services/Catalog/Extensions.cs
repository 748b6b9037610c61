using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RapAnalyzer.Catalog.Consumers;
using RapAnalyzer.Catalog.Data;
using RapAnalyzer.Catalog.Features;
using RapAnalyzer.Catalog.Search;
using RapAnalyzer.Messaging.Outbox;
using RapAnalyzer.Protos.Enrichment;

namespace RapAnalyzer.Catalog;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.ValidatePostgresConnectionString("catalogdb");
        // UseVector serves EF's mapping and the data source EF builds from the connection string alike.
        builder.AddNpgsqlDbContext<CatalogDbContext>("catalogdb", settings => settings.DisableHealthChecks = true,
            options => options.UseNpgsql(npgsql => npgsql.UseVector()));
        // Aspire's own check, named after the context type, goes through the retrying execution strategy: while Postgres
        // is down it answers after a minute. This one is named after the connection, as every dependency's entry is, and
        // answers within the gateway's 3 s probe.
        builder.Services.AddHealthChecks().AddNpgSql(builder.Configuration.GetConnectionString("catalogdb")!, name: "catalogdb",
            timeout: TimeSpan.FromSeconds(2));
        // Before the bus, so consumers start on the current schema.
        builder.Services.AddMigration<CatalogDbContext>();
        builder.Services.AddScoped<ScrapedTrackStore>();
        builder.Services.AddScoped<TrackQueries>();
        builder.Services.AddScoped<LyricsCorpus>();
        builder.Services.AddScoped<ArtistQueries>();
        builder.Services.AddSingleton<EmbeddingIndexes>();
        builder.Services.AddSingleton<CatalogMetrics>();

        builder.AddMessaging("messaging", bus =>
        {
            // Batches: one transaction per many tracks is what keeps an import's storage cost per track low.
            bus.AddConsumer<TrackScrapedConsumer>(consumer => consumer.Options<BatchOptions>(Batching));
            bus.AddConsumer<TrackEnrichedConsumer>(consumer => consumer.Options<BatchOptions>(Batching));
            bus.AddConsumer<TrackFeaturesRevisedConsumer>(consumer => consumer.Options<BatchOptions>(Batching));
            bus.AddConsumer<TrackAnalyzedConsumer>();
            bus.AddConsumer<QualityScoredConsumer>();
        });
        builder.Services.AddOutboxDispatcher<CatalogDbContext>();

        builder.Services.AddOptions<FeatureRefreshOptions>().BindConfiguration(FeatureRefreshOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<FeatureRefresher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<FeatureRefresher>());

        builder.Services.AddOptions<SearchOptions>().BindConfiguration(SearchOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.AddRedisConnection("cache", HealthStatus.Degraded);
        builder.Services.AddSingleton<SearchCache>();
        builder.Services.AddHealthChecks().AddCheck<SearchIndexesHealthCheck>("search-indexes", HealthStatus.Degraded, [], TimeSpan.FromSeconds(2));
        builder.Services.AddSingleton<SemanticSearch>();
        builder.Services.AddSingleton<LineSignsInMemory>();
        builder.Services.AddSingleton<LineSignsRefresh>();
        builder.Services.AddHostedService(services => services.GetRequiredService<LineSignsRefresh>());
        builder.Services.AddSingleton<LineSearch>();
        builder.Services.AddSingleton<SemanticSide>();
        builder.Services.AddSingleton<ICatalogReads, CatalogReads>();
        builder.Services.AddSingleton<FrequentWords>();
        builder.Services.AddSingleton<SearchIndexRebuild>();
        builder.Services.AddScoped<QueryEmbedder>();
        builder.Services.AddScoped<TrackSearch>();
        builder.Services.AddScoped<SimilarTracks>();
        builder.AddGrpcServiceClient<Enrichment.EnrichmentClient>("enrichment");

        builder.AddGrpcServerDefaults();
        return builder;
    }

    private static void Batching(BatchOptions batch) =>
        batch.SetMessageLimit(100).SetTimeLimit(TimeSpan.FromMilliseconds(50)).SetConcurrencyLimit(1);
}
