using RapAnalyzer.Inference.Analysis;
using RapAnalyzer.ServiceDefaults.Caching;

namespace RapAnalyzer.Inference.Apis;

public static class CacheApi
{
    public static IEndpointRouteBuilder MapCacheApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/cache").WithTags("Cache").MapGet("/stats", GetStats);
        return app;
    }

    /// <summary>
    /// The figures of every cache the services keep in Redis: analyses, search's query embeddings and answers, the
    /// scraper's artist song lists. While Redis is unreachable there are none to give, and the answer says so.
    /// </summary>
    public static async Task<CacheStatsReport> GetStats(AnalysisCache cache) =>
        await cache.AllStatsAsync() is { } stats
            ? new CacheStatsReport(stats, null)
            : new CacheStatsReport([], "Redis is unreachable: analyses are made uncached.");
}

public sealed record CacheStatsReport(IReadOnlyList<CacheStats> Caches, string? Degraded);
