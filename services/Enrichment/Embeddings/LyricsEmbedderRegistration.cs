using Microsoft.Extensions.DependencyInjection.Extensions;

namespace RapAnalyzer.Enrichment.Embeddings;

public static class LyricsEmbedderRegistration
{
    /// <summary>The endpoint's options (validated at start-up), its HttpClient with the external-API pipeline, its health, and the <see cref="LyricsEmbedder"/>.</summary>
    public static IServiceCollection AddLyricsEmbedder(this IServiceCollection services)
    {
        services.AddExternalApiClient<EmbeddingEndpointOptions>();
        // The host has them already; a container of the embedder alone (a test's) gets them here.
        services.AddMetrics();
        services.TryAddSingleton<EnrichmentMetrics>();

        services.AddSingleton<EmbeddingEndpoint>();
        services.AddSingleton<LyricsEmbedder>();
        services.AddHealthChecks().AddCheck<EmbeddingEndpointHealthCheck>("embedding-endpoint");
        return services;
    }
}
