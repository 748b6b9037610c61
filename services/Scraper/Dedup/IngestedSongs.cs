using StackExchange.Redis;

namespace RapAnalyzer.Scraper.Dedup;

/// <summary>
/// The content hashes of every song the scraper has published, in a Redis set, so a song is never ingested
/// twice. While Redis is unreachable it keeps working on an in-memory set (and says so through
/// <see cref="IsDegraded"/>); the hashes seen meanwhile are written to Redis once it is back.
/// </summary>
public sealed class IngestedSongs(IConnectionMultiplexer redis, ScraperMetrics metrics, ILogger<IngestedSongs> logger)
{
    public const string Key = "scraper:ingested-songs";
    private readonly HashSet<string> _fallback = [];
    private readonly Lock _gate = new();

    public bool IsDegraded { get; private set; }

    /// <summary>For each hash, whether a song with that content was already published.</summary>
    public async Task<bool[]> ContainsAsync(IReadOnlyList<string> hashes)
    {
        var known = await LookUpAsync(hashes);
        var hits = known.Count(k => k);
        metrics.DedupLookedUp(hits, known.Length - hits);
        return known;
    }

    private async Task<bool[]> LookUpAsync(IReadOnlyList<string> hashes)
    {
        // While the multiplexer reconnects a command would wait for its timeout; the fallback answers at once.
        if (redis.IsConnected)
        {
            try
            {
                var known = await redis.GetDatabase().SetContainsAsync(Key, [.. hashes.Select(h => (RedisValue)h)]);
                await RecoverAsync();
                lock (_gate)
                {
                    return [.. known.Select((k, i) => k || _fallback.Contains(hashes[i]))];
                }
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                Degrade(e);
            }
        }
        else
        {
            Degrade(null);
        }
        lock (_gate)
        {
            return [.. hashes.Select(_fallback.Contains)];
        }
    }

    public async Task AddAsync(IReadOnlyList<string> hashes)
    {
        if (hashes.Count == 0)
        {
            return;
        }
        if (redis.IsConnected)
        {
            try
            {
                await redis.GetDatabase().SetAddAsync(Key, [.. hashes.Select(h => (RedisValue)h)]);
                return;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                Degrade(e);
            }
        }
        else
        {
            Degrade(null);
        }
        lock (_gate)
        {
            _fallback.UnionWith(hashes);
        }
    }

    private void Degrade(Exception? e)
    {
        if (!IsDegraded)
        {
            logger.LogWarning(e, "Redis is unreachable; deduplicating in memory until it is back");
        }
        IsDegraded = true;
    }

    private async Task RecoverAsync()
    {
        string[] pending;
        lock (_gate)
        {
            if (!IsDegraded)
            {
                return;
            }
            pending = [.. _fallback];
        }
        if (pending.Length > 0)
        {
            await redis.GetDatabase().SetAddAsync(Key, [.. pending.Select(h => (RedisValue)h)]);
        }
        lock (_gate)
        {
            _fallback.ExceptWith(pending);
            IsDegraded = _fallback.Count > 0;
        }
        logger.LogInformation("Redis is back; {Count} hashes seen meanwhile were written to it", pending.Length);
    }
}
