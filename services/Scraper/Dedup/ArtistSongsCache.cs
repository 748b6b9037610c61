using System.Collections.Concurrent;
using System.Text.Json;
using RapAnalyzer.Scraper.Genius;
using RapAnalyzer.ServiceDefaults.Caching;
using StackExchange.Redis;

namespace RapAnalyzer.Scraper.Dedup;

/// <summary>
/// An artist's song list from Genius, kept for an hour so a repeated scrape of the same artist does not page
/// through the API again. In Redis, shared by every scraper instance; in memory while Redis is unreachable.
/// </summary>
public sealed class ArtistSongsCache(IConnectionMultiplexer redis, TimeProvider clock, ILogger<ArtistSongsCache> logger)
{
    public static readonly TimeSpan TimeToLive = TimeSpan.FromHours(1);
    private readonly ConcurrentDictionary<string, (DateTimeOffset Expires, IReadOnlyList<GeniusSongSummary> Songs)> _fallback = new();

    public async Task<IReadOnlyList<GeniusSongSummary>> GetOrAddAsync(long artistId, int songLimit,
        Func<Task<IReadOnlyList<GeniusSongSummary>>> fetch)
    {
        var key = $"{SharedCache.ArtistSongs.KeyPrefix}{artistId}:{songLimit}";
        if (await ReadAsync(key) is { } cached)
        {
            return cached;
        }
        var songs = await fetch();
        await WriteAsync(key, songs);
        return songs;
    }

    private async Task<IReadOnlyList<GeniusSongSummary>?> ReadAsync(string key)
    {
        try
        {
            // While the multiplexer reconnects a command would wait for its timeout; memory answers at once.
            if (redis.IsConnected)
            {
                var db = redis.GetDatabase();
                var value = await db.StringGetAsync(key);
                SharedCache.ArtistSongs.Count(db, value.HasValue);
                if (value.HasValue)
                {
                    return JsonSerializer.Deserialize<List<GeniusSongSummary>>(value.ToString(), JsonSerializerOptions.Web);
                }
            }
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogDebug(e, "Redis unreachable; reading artist songs from memory");
        }
        return _fallback.TryGetValue(key, out var entry) && entry.Expires > clock.GetUtcNow() ? entry.Songs : null;
    }

    private async Task WriteAsync(string key, IReadOnlyList<GeniusSongSummary> songs)
    {
        try
        {
            if (redis.IsConnected)
            {
                await redis.GetDatabase().StringSetAsync(key, JsonSerializer.Serialize(songs, JsonSerializerOptions.Web), TimeToLive);
                return;
            }
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            logger.LogDebug(e, "Redis unreachable; keeping artist songs in memory");
        }
        _fallback[key] = (clock.GetUtcNow() + TimeToLive, songs);
    }
}
