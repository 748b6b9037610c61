using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using RapAnalyzer.Contracts;
using RapAnalyzer.Scraper;
using RapAnalyzer.Scraper.Dedup;
using StackExchange.Redis;

namespace RapAnalyzer.Integration.Tests;

/// <summary>The scraper's dedup on real Redis: new songs, updates and duplicates told apart, and a song released when the catalog fails on it.</summary>
[TestFixture]
public sealed class IngestedSongsRedisTests
{
    private readonly ServiceProvider _metrics = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private ConnectionMultiplexer _redis = null!;
    private IngestedSongs _songs = null!;

    [OneTimeSetUp]
    public async Task Connect()
    {
        _redis = await ConnectionMultiplexer.ConnectAsync(TestInfrastructure.ConnectionString("cache"));
        _songs = Instance();
    }

    [OneTimeTearDown]
    public async Task Disconnect()
    {
        await _redis.DisposeAsync();
        await _metrics.DisposeAsync();
    }

    /// <summary>One scraper instance's dedup; they share what they know through Redis.</summary>
    private IngestedSongs Instance() =>
        new(_redis, new ScraperMetrics(_metrics.GetRequiredService<IMeterFactory>()), NullLogger<IngestedSongs>.Instance);

    private static IngestCandidate Song(string id, string lyrics) => new(new TrackScraped("genius-dataset", id, "Title", "Artist", lyrics));

    private async Task<IngestDecision[]> PublishAsync(params IngestCandidate[] candidates)
    {
        var decisions = await _songs.ClassifyAsync(candidates);
        await _songs.RecordAsync([.. candidates.Zip(decisions).Where(c => c.Second.Kind != IngestKind.Duplicate).Select(c => (c.First, c.Second.ReplacedHash))]);
        return decisions;
    }

    [Test]
    public async Task New_songs_their_updates_and_duplicates_are_told_apart_across_instances()
    {
        var id = Guid.NewGuid().ToString("N");
        var first = await PublishAsync(Song(id, $"the first version {id}"));
        var again = await PublishAsync(Song(id, $"The first version, {id}!"), Song($"{id}-copy", $"the first version {id}"));
        var update = await PublishAsync(Song(id, $"the second version {id}"));
        var seenThere = await Instance().ClassifyAsync([Song(id, $"the second version {id}"), Song($"{id}-old", $"the first version {id}")]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Single().Kind, Is.EqualTo(IngestKind.New));
            Assert.That(again.Select(d => d.Kind), Is.EqualTo(new[] { IngestKind.Duplicate, IngestKind.Duplicate }));
            Assert.That(update.Single(), Is.EqualTo(new IngestDecision(IngestKind.Update, Song(id, $"the first version {id}").ContentHash)));
            // The update replaced the first version, so those lyrics under another id are a new song again.
            Assert.That(seenThere.Select(d => d.Kind), Is.EqualTo(new[] { IngestKind.Duplicate, IngestKind.New }));
        }
    }

    [Test]
    public async Task A_released_song_is_new_again_and_its_source_id_forgotten()
    {
        var id = Guid.NewGuid().ToString("N");
        var song = Song(id, $"lyrics the catalog failed on {id}");
        await PublishAsync(song);

        await _songs.ReleaseAsync(song);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((await _songs.ClassifyAsync([song])).Single().Kind, Is.EqualTo(IngestKind.New));
            Assert.That(await _redis.GetDatabase().HashExistsAsync(IngestedSongs.SourcesKey, song.SourceKey), Is.False);
        }
    }

    [Test]
    public async Task Releasing_a_version_a_later_one_replaced_leaves_the_later_one()
    {
        var id = Guid.NewGuid().ToString("N");
        var older = Song(id, $"older {id}");
        var newer = Song(id, $"newer {id}");
        await PublishAsync(older);
        await PublishAsync(newer);

        await _songs.ReleaseAsync(older);

        Assert.That((await _songs.ClassifyAsync([newer, older])).Select(d => d.Kind), Is.EqualTo(new[] { IngestKind.Duplicate, IngestKind.Update }));
    }
}
