using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RapAnalyzer.Enrichment.Embeddings;

/// <summary>
/// Degraded while the embedding endpoint's last call failed: tracks are then enriched with USE-Lite vectors only.
/// It reads the outcome of real calls rather than calling the endpoint, which may be paid for per request.
/// </summary>
public sealed class EmbeddingEndpointHealthCheck(EmbeddingEndpoint endpoint) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(endpoint switch
        {
            { IsConfigured: false } => HealthCheckResult.Healthy("No embedding endpoint is configured; USE-Lite embeds alone."),
            { LastFailure: { } failure } => HealthCheckResult.Degraded(
                $"{failure.Reason} (at {failure.At:O}). Tracks get USE-Lite vectors only until it answers again."),
            _ => HealthCheckResult.Healthy($"Embedding endpoint model {endpoint.ModelId}."),
        });
}
