using Microsoft.Extensions.Logging.Abstractions;
using RapAnalyzer.Scraper.Dedup;
using RapAnalyzer.Testing.Metrics;

namespace RapAnalyzer.Scraper.Tests.Dedup;

public sealed class IngestedSongsTests
{
    private readonly TestMeters _meters = new();

    [OneTimeTearDown]
    public void DisposeMeters() => _meters.Dispose();

    private IngestedSongs Songs(StackExchange.Redis.IConnectionMultiplexer redis) =>
        new(redis, new ScraperMetrics(_meters.Factory), NullLogger<IngestedSongs>.Instance);

    [Test]
    public async Task Without_redis_it_deduplicates_in_memory_and_says_it_is_degraded()
    {
        using var redis = DisconnectedRedis.Connect();
        var songs = Songs(redis);

        var before = await songs.ContainsAsync(["a", "b"]);
        await songs.AddAsync(["a"]);
        var after = await songs.ContainsAsync(["a", "b"]);

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.EqualTo(new[] { false, false }));
            Assert.That(after, Is.EqualTo(new[] { true, false }));
            Assert.That(songs.IsDegraded, Is.True);
        });
    }

    [Test]
    public async Task Answers_at_once_while_redis_is_down()
    {
        using var redis = DisconnectedRedis.Connect();
        var songs = Songs(redis);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        for (var i = 0; i < 100; i++)
        {
            await songs.ContainsAsync([$"song {i}"]);
            await songs.AddAsync([$"song {i}"]);
        }

        // A command queued on a reconnecting multiplexer would wait seconds for its timeout.
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)));
    }
}
