using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using RapAnalyzer.ServiceDefaults.Caching;
using StackExchange.Redis;

namespace RapAnalyzer.Inference.Analysis;

/// <summary>
/// Analyses in Redis, shared by every replica, keyed by the SHA-256 of the exact lyrics (the embedded analyzer hears
/// capitals and exclamation marks), the analyzer, its model and prompt version, kept <see cref="AnalysisOptions.CacheTtlHours"/>.
/// Hits and misses are counted in Redis too (<see cref="SharedCache.Analyses"/>). While Redis is unreachable analyses are made uncached (health says Degraded).
/// </summary>
public sealed class AnalysisCache(IConnectionMultiplexer redis, IOptions<AnalysisOptions> options, ILogger<AnalysisCache> logger)
{

    public static string Key(string lyrics, string analyzer, string model, string promptVersion) =>
        $"{SharedCache.Analyses.KeyPrefix}{analyzer}:{model}:{promptVersion}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lyrics)))}";

    public async Task<LyricsAnalysis?> GetAsync(string key)
    {
        if (!redis.IsConnected)
        {
            return null;
        }
        try
        {
            var db = redis.GetDatabase();
            var value = await db.StringGetAsync(key);
            SharedCache.Analyses.Count(db, value.HasValue);
            return value.HasValue ? JsonSerializer.Deserialize<LyricsAnalysis>(value.ToString(), JsonSerializerOptions.Web) : null;
        }
        catch (Exception e) when (e is RedisException or TimeoutException or JsonException)
        {
            logger.LogDebug(e, "Analysis cache unreadable; analysing uncached");
            return null;
        }
    }

    public async Task SetAsync(string key, LyricsAnalysis analysis)
    {
        if (!redis.IsConnected)
        {
            return;
        }
        try
        {
            await redis.GetDatabase().StringSetAsync(key, JsonSerializer.Serialize(analysis, JsonSerializerOptions.Web),
                TimeSpan.FromHours(options.Value.CacheTtlHours));
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogDebug(e, "Analysis cache unwritable; the analysis stays uncached");
        }
    }

    /// <summary>The figures of every cache the services keep in Redis (<see cref="SharedCache.All"/>); null while Redis is unreachable.</summary>
    public async Task<IReadOnlyList<CacheStats>?> AllStatsAsync()
    {
        if (!redis.IsConnected)
        {
            return null;
        }
        try
        {
            var stats = new List<CacheStats>();
            foreach (var cache in SharedCache.All)
            {
                stats.Add(await cache.StatsAsync(redis));
            }
            return stats;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogDebug(e, "Cache statistics unreadable");
            return null;
        }
    }
}
