using RapAnalyzer.ServiceDefaults.Caching;
using StackExchange.Redis;

namespace RapAnalyzer.Integration.Tests;

/// <summary>The figures inference's /cache/stats reports for every service's cache, on the real Redis.</summary>
[TestFixture]
public sealed class SharedCacheRedisTests
{
    [Test]
    public async Task Hits_misses_and_entries_are_counted_for_any_replica_to_report()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestInfrastructure.ConnectionString("cache"));
        var cache = new SharedCache($"test-{Guid.NewGuid():N}", $"test:{Guid.NewGuid():N}:");
        var db = redis.GetDatabase();
        await db.StringSetAsync(cache.KeyPrefix + "a", "1");
        await db.StringSetAsync(cache.KeyPrefix + "b", "2");
        await db.StringSetAsync(cache.KeyPrefix.TrimEnd(':') + "-other", "3");

        cache.Count(db, hit: true);
        cache.Count(db, hit: true);
        cache.Count(db, hit: false);
        await db.PingAsync();
        var stats = await cache.StatsAsync(redis);

        Assert.That(stats, Is.EqualTo(new CacheStats(cache.Name, 2, 1, 0.6667, 2)));
    }

    [Test]
    public void Every_cache_has_its_own_name_and_prefix()
    {
        Assert.That(SharedCache.All.Select(c => c.Name), Is.Unique);
        Assert.That(SharedCache.All.Select(c => c.KeyPrefix), Is.Unique);
        Assert.That(SharedCache.All.SelectMany(a => SharedCache.All.Where(b => b != a && b.KeyPrefix.StartsWith(a.KeyPrefix))), Is.Empty,
            "no cache's entries are counted as another's");
    }
}
