using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using RapAnalyzer.ServiceDefaults.Http;

namespace RapAnalyzer.Enrichment.Embeddings;

public static class LyricsEmbedderRegistration
{
    /// <summary>The endpoint's options (validated at start-up), its HttpClient with its own resilience pipeline, its health, and the <see cref="LyricsEmbedder"/>.</summary>
    public static IServiceCollection AddLyricsEmbedder(this IServiceCollection services)
    {
        services.AddValidatedOptions<EmbeddingEndpointOptions, EmbeddingEndpointOptionsValidation>(EmbeddingEndpointOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        // The host has them already; a container of the embedder alone (a test's) gets them here.
        services.AddMetrics();
        services.TryAddSingleton<EnrichmentMetrics>();

        services.AddHttpClient(EmbeddingEndpoint.HttpClientName)
            // One HttpClient serves the process's lifetime, so its connections are renewed to follow DNS changes.
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
            .UseOwnResiliencePipeline(EmbeddingEndpoint.HttpClientName, (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<EmbeddingEndpointOptions>>().Value;
                pipeline.AddExternalApiStrategies(
                    new ExternalApiLimits(options.MaxRetries, TimeSpan.FromSeconds(options.RetryDelaySeconds),
                        TimeSpan.FromSeconds(options.MaxRetryAfterSeconds), TimeSpan.FromSeconds(options.TimeoutSeconds)),
                    context);
            });

        services.AddSingleton<EmbeddingEndpoint>();
        services.AddSingleton<LyricsEmbedder>();
        services.AddHealthChecks().AddCheck<EmbeddingEndpointHealthCheck>("embedding-endpoint");
        return services;
    }
}
