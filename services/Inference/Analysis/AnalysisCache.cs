using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace RapAnalyzer.Inference.Analysis;

/// <summary>
/// Analyses in Redis, shared by every replica, keyed by the SHA-256 of the exact lyrics (the embedded analyzer hears
/// capitals and exclamation marks), the analyzer, its model and prompt version, kept <see cref="AnalysisOptions.CacheTtlHours"/>.
/// Hits and misses are counted in Redis too. While Redis is unreachable analyses are made uncached (health says Degraded).
/// </summary>
public sealed class AnalysisCache(IConnectionMultiplexer redis, IOptions<AnalysisOptions> options, ILogger<AnalysisCache> logger)
{
    public const string Name = "analysis";
    private const string Prefix = "inference:analysis:";
    private const string HitsKey = "inference:analysis-stats:hits";
    private const string MissesKey = "inference:analysis-stats:misses";

    public static string Key(string lyrics, string analyzer, string model, string promptVersion) =>
        $"{Prefix}{analyzer}:{model}:{promptVersion}:{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(lyrics)))}";

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
            await db.StringIncrementAsync(value.HasValue ? HitsKey : MissesKey, flags: CommandFlags.FireAndForget);
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

    /// <summary>Hits, misses and entries; null while Redis is unreachable.</summary>
    public async Task<CacheStats?> StatsAsync()
    {
        if (!redis.IsConnected)
        {
            return null;
        }
        try
        {
            var db = redis.GetDatabase();
            var hits = (long)await db.StringGetAsync(HitsKey);
            var misses = (long)await db.StringGetAsync(MissesKey);
            long entries = 0;
            foreach (var endpoint in redis.GetEndPoints())
            {
                var server = redis.GetServer(endpoint);
                if (!server.IsReplica)
                {
                    await foreach (var _ in server.KeysAsync(db.Database, Prefix + "*", pageSize: 1000))
                    {
                        entries++;
                    }
                }
            }
            return new CacheStats(Name, hits, misses, hits + misses == 0 ? 0 : Math.Round(hits / (double)(hits + misses), 4), entries);
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogDebug(e, "Analysis cache statistics unreadable");
            return null;
        }
    }
}

public sealed record CacheStats(string Name, long Hits, long Misses, double HitRate, long Entries);
