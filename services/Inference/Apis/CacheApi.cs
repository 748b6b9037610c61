using RapAnalyzer.Inference.Analysis;

namespace RapAnalyzer.Inference.Apis;

public static class CacheApi
{
    public static IEndpointRouteBuilder MapCacheApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/cache").WithTags("Cache").MapGet("/stats", GetStats);
        return app;
    }

    /// <summary>The analysis cache's figures; while Redis is unreachable it has none to give, and says so.</summary>
    public static async Task<CacheStatsReport> GetStats(AnalysisCache cache) =>
        await cache.StatsAsync() is { } stats
            ? new CacheStatsReport([stats], null)
            : new CacheStatsReport([], "Redis is unreachable: analyses are made uncached.");
}

public sealed record CacheStatsReport(IReadOnlyList<CacheStats> Caches, string? Degraded);
