using MassTransit;
using MassTransit.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RapAnalyzer.Catalog;
using RapAnalyzer.Catalog.Consumers;
using RapAnalyzer.Catalog.Data;
using RapAnalyzer.Catalog.Search;
using RapAnalyzer.Contracts;
using StackExchange.Redis;

namespace RapAnalyzer.Integration.Tests;

/// <summary>
/// The catalog's TrackScraped consumer on real Postgres, on MassTransit's in-memory transport: a hundred tracks are one
/// batch for certain there, so how the batch was stored shows in the transactions that wrote its rows.
/// </summary>
[TestFixture]
public sealed class TrackScrapedBatchTests
{
    private const int BatchSize = 100;

    private ServiceProvider _provider = null!;
    private ITestHarness _harness = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var services = new ServiceCollection();
        // A stored batch raises search's cache generation, in the real Redis.
        services.AddOptions<SearchOptions>();
        _provider = services
            .AddLogging()
            .AddMetrics()
            .AddDbContext<CatalogDbContext>(options => options.UseNpgsql(CatalogDatabase.ConnectionString, npgsql => npgsql.UseVector()))
            .AddScoped<ScrapedTrackStore>()
            .AddSingleton<CatalogMetrics>()
            .AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(TestInfrastructure.ConnectionString("cache")))
            .AddSingleton<SearchCache>()
            // A stored batch brings the lines in memory up to date (a revised track loses its lines).
            .AddSingleton<ICatalogReads, CatalogReads>()
            .AddSingleton<LineSignsInMemory>()
            .AddSingleton<LineSignsRefresh>()
            .AddMassTransitTestHarness(bus => bus.AddConsumer<TrackScrapedConsumer>(consumer => consumer.Options<BatchOptions>(batch =>
                batch.SetMessageLimit(BatchSize).SetTimeLimit(TimeSpan.FromSeconds(30)))))
            .BuildServiceProvider(true);
        await using (var scope = _provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CatalogDbContext>().Database.MigrateAsync();
        }
        _harness = _provider.GetRequiredService<ITestHarness>();
        await _harness.Start();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _harness.Stop();
        await _provider.DisposeAsync();
    }

    /// <summary>Publishes the batch and waits for all but one of its tracks stored; then, how many transactions stored them and which track faulted.</summary>
    private async Task<(long Transactions, IReadOnlyList<string> Faulted)> StoreAsync(string artist, List<TrackScraped> batch)
    {
        await _harness.Bus.PublishBatch(batch);
        await Eventually.GetAsync(() => StoredCountAsync(artist), stored => stored >= batch.Count - 1, TimeSpan.FromSeconds(60));
        var faulted = _harness.Published.Select<Fault<TrackScraped>>().Select(f => f.Context.Message.Message.SourceId)
            .Where(id => id.StartsWith(artist, StringComparison.Ordinal));
        return (await ScrapedBatch.TransactionsStoringAsync(artist), [.. faulted]);
    }

    [Test]
    public async Task A_track_the_rules_refuse_never_reaches_the_database_and_the_rest_is_stored_as_one_batch()
    {
        var artist = $"Artist {Guid.NewGuid():N}";
        var batch = ScrapedBatch.Of(artist, BatchSize);
        var refused = batch[10] = batch[10] with { Title = "Bad\0Title" };

        var (transactions, faulted) = await StoreAsync(artist, batch);

        Assert.Multiple(() =>
        {
            Assert.That(faulted, Is.EqualTo(new[] { refused.SourceId }));
            Assert.That(transactions, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_batch_the_database_refuses_is_stored_again_track_by_track()
    {
        var artist = $"Artist {Guid.NewGuid():N}";
        var batch = ScrapedBatch.Of(artist, BatchSize);
        await using var refusedTitle = await RefusedTitle.CreateAsync();
        var refused = batch[90] = batch[90] with { Title = refusedTitle.Title };

        var (transactions, faulted) = await StoreAsync(artist, batch);

        Assert.Multiple(() =>
        {
            Assert.That(faulted, Is.EqualTo(new[] { refused.SourceId }));
            Assert.That(transactions, Is.EqualTo(BatchSize - 1));
        });
    }

    private static Task<long> StoredCountAsync(string artist) => CatalogDatabase.ScalarAsync<long>(
        """SELECT count(*) FROM catalog.tracks t JOIN catalog.artists a ON a."Id" = t."ArtistId" WHERE a."Name" = $1""", artist);
}
