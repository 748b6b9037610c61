using Microsoft.Extensions.Logging.Abstractions;
using RapAnalyzer.Contracts;
using RapAnalyzer.Scraper.Dedup;
using RapAnalyzer.Testing.Metrics;

namespace RapAnalyzer.Scraper.Tests.Dedup;

/// <summary>The dedup on its in-memory fallback (Redis down); the same rules on real Redis are in the integration tests.</summary>
public sealed class IngestedSongsTests
{
    private readonly TestMeters _meters = new();
    private StackExchange.Redis.IConnectionMultiplexer _redis = null!;
    private IngestedSongs _songs = null!;

    [SetUp]
    public void Create()
    {
        _redis = DisconnectedRedis.Connect();
        _songs = new IngestedSongs(_redis, new ScraperMetrics(_meters.Factory), NullLogger<IngestedSongs>.Instance);
    }

    [TearDown]
    public void Disconnect() => _redis.Dispose();

    [OneTimeTearDown]
    public void DisposeMeters() => _meters.Dispose();

    private static IngestCandidate Song(string id, string lyrics) => new(new TrackScraped("genius-dataset", id, "Title", "Artist", lyrics));

    private async Task RecordAsync(params IngestCandidate[] candidates)
    {
        var decisions = await _songs.ClassifyAsync(candidates);
        await _songs.RecordAsync([.. candidates.Zip(decisions).Select(c => (c.First, c.Second.ReplacedHash))]);
    }

    [Test]
    public async Task Without_redis_it_tells_new_updated_and_duplicate_songs_apart_in_memory_and_says_it_is_degraded()
    {
        var first = Song("1", "first verse");
        await RecordAsync(first);

        var decisions = await _songs.ClassifyAsync([Song("1", "First verse!"), Song("2", "first verse"), Song("1", "a new verse"), Song("3", "other")]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decisions.Select(d => d.Kind), Is.EqualTo(new[] { IngestKind.Duplicate, IngestKind.Duplicate, IngestKind.Update, IngestKind.New }));
            Assert.That(decisions[2].ReplacedHash, Is.EqualTo(first.ContentHash));
            Assert.That(_songs.IsDegraded, Is.True);
        }
    }

    [Test]
    public async Task An_update_makes_the_lyrics_it_replaced_new_again()
    {
        await RecordAsync(Song("1", "old verse"));
        await RecordAsync(Song("1", "new verse"));

        var decisions = await _songs.ClassifyAsync([Song("2", "old verse"), Song("1", "new verse")]);

        Assert.That(decisions.Select(d => d.Kind), Is.EqualTo(new[] { IngestKind.New, IngestKind.Duplicate }));
    }

    [Test]
    public async Task A_released_song_is_new_again_even_when_redis_cannot_be_told()
    {
        var song = Song("1", "a verse");
        await RecordAsync(song);

        Assert.That(async () => await _songs.ReleaseAsync(song), Throws.InstanceOf<StackExchange.Redis.RedisException>());
        Assert.That((await _songs.ClassifyAsync([song]))[0].Kind, Is.EqualTo(IngestKind.New));
    }

    [Test]
    public async Task Answers_at_once_while_redis_is_down()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();

        for (var i = 0; i < 100; i++)
        {
            await RecordAsync(Song($"{i}", $"song {i}"));
        }

        // A command queued on a reconnecting multiplexer would wait seconds for its timeout.
        Assert.That(clock.Elapsed, Is.LessThan(TimeSpan.FromSeconds(2)));
    }
}
