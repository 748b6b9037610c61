using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RapAnalyzer.Scraper.Dedup;

/// <summary>Degraded, not unhealthy, while deduplication runs in memory: the scraper still works.</summary>
public sealed class IngestedSongsHealthCheck(IngestedSongs songs) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(songs.IsDegraded
            ? HealthCheckResult.Degraded("Redis is unreachable: duplicates are detected in memory only")
            : HealthCheckResult.Healthy());
}
