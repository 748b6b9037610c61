using Microsoft.Extensions.Logging.Abstractions;
using RapAnalyzer.Scraper.Dedup;
using RapAnalyzer.Scraper.Genius;

namespace RapAnalyzer.Scraper.Tests.Dedup;

public sealed class ArtistSongsCacheTests
{
    [Test]
    public async Task Without_redis_an_artists_songs_are_kept_in_memory_for_an_hour()
    {
        using var redis = DisconnectedRedis.Connect();
        var clock = new ManualClock();
        var cache = new ArtistSongsCache(redis, clock, NullLogger<ArtistSongsCache>.Instance);
        var fetches = 0;
        Task<IReadOnlyList<GeniusSongSummary>> Fetch()
        {
            fetches++;
            return Task.FromResult<IReadOnlyList<GeniusSongSummary>>([new GeniusSongSummary(fetches, $"Song {fetches}", null, null)]);
        }

        var first = await cache.GetOrAddAsync(7, 20, Fetch);
        clock.Now += TimeSpan.FromMinutes(59);
        var withinTheHour = await cache.GetOrAddAsync(7, 20, Fetch);
        var otherLimit = await cache.GetOrAddAsync(7, 50, Fetch);
        clock.Now += TimeSpan.FromMinutes(2);
        var afterTheHour = await cache.GetOrAddAsync(7, 20, Fetch);

        Assert.Multiple(() =>
        {
            Assert.That(withinTheHour.Single().Title, Is.EqualTo(first.Single().Title));
            Assert.That(otherLimit.Single().Title, Is.EqualTo("Song 2"));
            Assert.That(afterTheHour.Single().Title, Is.EqualTo("Song 3"));
            Assert.That(fetches, Is.EqualTo(3));
        });
    }
}
