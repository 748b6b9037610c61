using StackExchange.Redis;

namespace RapAnalyzer.ServiceDefaults.Caching;

/// <summary>
/// A Redis cache that one service keeps and inference's <c>GET /cache/stats</c> reports: its name, the prefix of its
/// entries' keys (which the keeping service builds its keys on), and its hits and misses, counted in one Redis hash
/// shared by every replica.
/// </summary>
public sealed record SharedCache(string Name, string KeyPrefix)
{
    public static readonly SharedCache Analyses = new("analysis", "inference:analysis:");
    public static readonly SharedCache SearchQueryEmbeddings = new("search-query-embeddings", "ra:catalog:search:v1:embedding:");
    public static readonly SharedCache SearchAnswers = new("search-answers", "ra:catalog:search:v1:answer:");
    public static readonly SharedCache ArtistSongs = new("scraper-artist-songs", "scraper:artist-songs:");

    public static IReadOnlyList<SharedCache> All { get; } = [Analyses, SearchQueryEmbeddings, SearchAnswers, ArtistSongs];

    private RedisKey CountsKey => $"ra:cache-counts:{Name}";

    /// <summary>Counts a lookup without waiting for Redis (a lost count is no reason to slow the lookup).</summary>
    public void Count(IDatabaseAsync database, bool hit) =>
        _ = database.HashIncrementAsync(CountsKey, hit ? "hits" : "misses", flags: CommandFlags.FireAndForget);

    /// <summary>Hits, misses and the entries there are now (a SCAN of the primaries, never KEYS).</summary>
    public async Task<CacheStats> StatsAsync(IConnectionMultiplexer redis)
    {
        var database = redis.GetDatabase();
        var counts = (await database.HashGetAllAsync(CountsKey)).ToDictionary(e => e.Name.ToString(), e => (long)e.Value);
        var (hits, misses) = (counts.GetValueOrDefault("hits"), counts.GetValueOrDefault("misses"));
        long entries = 0;
        foreach (var endpoint in redis.GetEndPoints())
        {
            var server = redis.GetServer(endpoint);
            if (!server.IsReplica)
            {
                await foreach (var _ in server.KeysAsync(database.Database, KeyPrefix + "*", pageSize: 1000))
                {
                    entries++;
                }
            }
        }
        return new CacheStats(Name, hits, misses, hits + misses == 0 ? 0 : Math.Round(hits / (double)(hits + misses), 4), entries);
    }
}

public sealed record CacheStats(string Name, long Hits, long Misses, double HitRate, long Entries);
