using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using RapAnalyzer.Inference.Analysis;
using RapAnalyzer.Inference.Consumers;
using RapAnalyzer.Inference.Analysis.Embedded;
using RapAnalyzer.Inference.Batches;
using RapAnalyzer.Inference.Generation;
using RapAnalyzer.Inference.Llm;
using RapAnalyzer.Inference.Upstream;
using RapAnalyzer.Protos.Catalog;
using RapAnalyzer.Protos.Enrichment;

namespace RapAnalyzer.Inference;

public static class Extensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        // Without Redis analyses are made uncached: degraded, not down.
        builder.AddRedisConnection("cache", HealthStatus.Degraded);
        var llmConfigured = builder.AddLlm();
        builder.AddMessaging("messaging", bus =>
        {
            bus.AddConsumer<TrackEnrichedConsumer>();
            bus.AddGenerationConsumers();
            if (llmConfigured)
            {
                // As many at once as the LLM takes; each waits for the budget.
                bus.AddConsumer<LlmAnalysisConsumer>((_, consumer) =>
                    consumer.ConcurrentMessageLimit = builder.Configuration.GetSection(LlmOptions.SectionName).Get<LlmOptions>()!.Concurrency);
            }
        });
        builder.AddGrpcServerDefaults();
        builder.AddAnalysis();
        builder.AddGeneration();
        return builder;
    }

    private static void AddAnalysis(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<AnalysisOptions, AnalysisOptions.Validation>(AnalysisOptions.SectionName);
        builder.Services.AddValidatedOptions<BatchOptions, BatchOptions.Validation>(BatchOptions.SectionName);
        builder.Services.AddSingleton<BatchStore>();
        builder.Services.AddSingleton<BatchRunner>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<BatchRunner>());
        builder.Services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<AnalysisOptions>>().Value;
            return new VaderSentiment(VaderLexicon.Load(options.VaderLexiconPath), VaderEmoji.Load(options.EmojiNamesPath));
        });
        builder.Services.AddSingleton(sp => ExplicitWords.Load(sp.GetRequiredService<IOptions<AnalysisOptions>>().Value.ExplicitWordsPath));
        builder.Services.AddSingleton<EmbeddedAnalyzer>();
        builder.Services.AddSingleton<AnalysisStats>();
        builder.Services.AddSingleton<AnalysisCache>();
        builder.Services.AddSingleton<LyricsMeasurements>();
        builder.Services.AddSingleton<CatalogTracks>();
        builder.Services.AddSingleton<LyricsAnalyzer>();
        builder.AddGrpcServiceClient<Enrichment.EnrichmentClient>("enrichment");
        builder.AddGrpcServiceClient<Catalog.CatalogClient>("catalog");
    }
}
