using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using MassTransit;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using RapAnalyzer.Contracts;
using RapAnalyzer.Scraper.Jobs;
using StackExchange.Redis;

namespace RapAnalyzer.Integration.Tests;

/// <summary>
/// Imports of real size through the scraper process: a generated CSV of more than 1 GB, streamed as the request body (the
/// test never writes it to disk), is read, validated, deduplicated and published in memory bounded by a batch, counted
/// by a consumer on RabbitMQ, and nothing is left in the temp folder; an upload cut off midway leaves nothing either.
/// </summary>
[TestFixture]
public sealed class ScraperLargeImportTests
{
    private const long DatasetBytes = 1L << 30;

    /// <summary>
    /// The scraper's peak resident memory over its whole life, start-up included. Measured on the 2-core build machine:
    /// 135 MB before the 1 GB import, a peak of 280-310 MB during it (the GC's heap, not the data: a batch is 200 rows);
    /// a scraper that held the file would need more than 1 GB.
    /// </summary>
    private const long MaxResidentBytes = 400L * 1024 * 1024;

    private readonly ConcurrentDictionary<string, int> _published = new();
    private ServiceRun _scraper = null!;
    private LinuxProcess _process = null!;
    private HttpClient _http = null!;
    private IBusControl _bus = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        await DeleteIdleCatalogQueueAsync();
        _scraper = await ServiceRun.StartAsync("scraper");
        _process = await LinuxProcess.OfServiceAsync(_scraper.App, "scraper", "Scraper");
        _http = _scraper.App.CreateHttpClient("scraper", "http");
        _http.Timeout = TimeSpan.FromMinutes(4);
        _bus = Bus.Factory.CreateUsingRabbitMq(rabbit =>
        {
            rabbit.Host(new Uri(TestInfrastructure.ConnectionString("messaging")));
            rabbit.ReceiveEndpoint($"test-large-import-{Guid.NewGuid():N}", endpoint =>
            {
                endpoint.AutoDelete = true;
                endpoint.Durable = false;
                endpoint.PrefetchCount = 500;
                endpoint.ConcurrentMessageLimit = 8;
                // Counted, not kept: a million tracks' lyrics would not fit in the test's memory either.
                endpoint.Handler<TrackScraped>(context =>
                {
                    _published.AddOrUpdate(context.Message.Artist, 1, (_, count) => count + 1);
                    return Task.CompletedTask;
                });
            });
        });
        await _bus.StartAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _bus.StopAsync();
        _http.Dispose();
        await _scraper.DisposeAsync();
    }

    /// <summary>
    /// An earlier catalog run leaves its durable TrackScraped queue with no consumer; a gigabyte of tracks would pile up
    /// in it. A catalog that starts again declares it again.
    /// </summary>
    private static async Task DeleteIdleCatalogQueueAsync()
    {
        var factory = new ConnectionFactory { Uri = new Uri(TestInfrastructure.ConnectionString("messaging")) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            await channel.QueueDeleteAsync("catalog-track-scraped", ifUnused: true, ifEmpty: false);
        }
        catch (OperationInterruptedException)
        {
            // In use: a catalog consumes it, so nothing piles up.
        }
    }

    [Test]
    public async Task A_generated_csv_of_more_than_1_gb_streams_through_the_import_in_bounded_memory_and_leaves_no_file()
    {
        var artist = $"Large {Guid.NewGuid():N}";
        var dataset = new GeneratedDataset(artist, DatasetBytes);
        var tempBefore = TempFolderEntries();
        var residentBefore = _process.ResidentBytes;
        using var watching = new CancellationTokenSource();
        var openTempFiles = WatchOpenTempFilesAsync(watching.Token);
        var clock = Stopwatch.StartNew();

        using var response = await _http.PostAsync("/import", dataset);
        var job = await response.Content.ReadFromJsonAsync<JobSnapshot>();
        var uploaded = clock.Elapsed;
        var consumed = await Eventually.GetAsync(() => Task.FromResult(_published.GetValueOrDefault(artist)), count => count >= job!.Stored,
            TimeSpan.FromMinutes(2));
        await watching.CancelAsync();
        var seenOpen = await openTempFiles;

        TestContext.Progress.WriteLine(
            $"Imported {dataset.Bytes / 1e9:0.00} GB ({dataset.Rows:N0} rows) in {uploaded.TotalSeconds:0.0} s " +
            $"({dataset.Bytes / 1e6 / uploaded.TotalSeconds:0.0} MB/s, {dataset.Rows / uploaded.TotalSeconds:N0} rows/s); all consumed after " +
            $"{clock.Elapsed.TotalSeconds:0.0} s; scraper RSS {residentBefore / 1e6:0} MB before, peak {_process.PeakResidentBytes / 1e6:0} MB, " +
            $"{_process.ResidentBytes / 1e6:0} MB after.");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(dataset.Bytes, Is.GreaterThanOrEqualTo(DatasetBytes - 1024 * 1024));
            Assert.That(job!.State, Is.EqualTo(JobState.Completed));
            Assert.That((job.Found, job.Stored, job.Rejected, job.NoLyrics, job.SkippedDuplicate),
                Is.EqualTo((dataset.Rows, dataset.Good, dataset.Rejected, dataset.NoLyrics, dataset.Duplicates)));
            Assert.That(job.Errors.Select(e => e.Field).Distinct(), Is.EquivalentTo(new[] { "year", null }));
            Assert.That(consumed, Is.EqualTo(job.Stored));
            Assert.That(_process.PeakResidentBytes, Is.LessThan(MaxResidentBytes));
            Assert.That(seenOpen, Is.Empty, "files the scraper had open in the temp folder during the import");
            Assert.That(NewLargeFiles(tempBefore), Is.Empty);
        }
    }

    [Test]
    public async Task An_upload_cut_off_midway_ends_its_job_failed_and_leaves_no_file()
    {
        var artist = $"Cut Off {Guid.NewGuid():N}";
        var startedAt = DateTimeOffset.UtcNow;
        var tempBefore = TempFolderEntries();
        // Given up once tracks of it are published, so the scraper was surely importing it.
        var dataset = new GeneratedDataset(artist, DatasetBytes, giveUpAfterBytes: 30_000_000,
            beforeGivingUp: () => Eventually.GetAsync(() => Task.FromResult(_published.GetValueOrDefault(artist)), count => count > 0, TimeSpan.FromSeconds(30)));

        Assert.That(async () => await _http.PostAsync("/import", dataset), Throws.InstanceOf<HttpRequestException>());
        var job = await Eventually.GetAsync(() => EndedImportSinceAsync(startedAt), found => found is not null, TimeSpan.FromSeconds(30));
        using var health = await _http.GetAsync("/health");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(job?.State, Is.EqualTo(JobState.Failed));
            Assert.That(job?.Reason, Is.Not.Null.And.Not.Empty);
            Assert.That(job?.Stored, Is.GreaterThan(0).And.LessThan(dataset.Rows));
            Assert.That(NewLargeFiles(tempBefore), Is.Empty);
            Assert.That(_process.OpenFilesIn(Path.GetTempPath()), Is.Empty);
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    /// <summary>The import job started since then that has ended, as any scraper replica reads it from Redis.</summary>
    private static async Task<JobSnapshot?> EndedImportSinceAsync(DateTimeOffset since)
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestInfrastructure.ConnectionString("cache"));
        var server = redis.GetServers().Single();
        await foreach (var key in server.KeysAsync(pattern: JobStore.Key(Guid.Empty).Replace(Guid.Empty.ToString(), "*")))
        {
            var job = StoredJob.FromJson((await redis.GetDatabase().StringGetAsync(key)).ToString()).Job;
            if (job.Kind == "import" && job.StartedAt >= since && job.State != JobState.Running)
            {
                return job;
            }
        }
        return null;
    }

    private async Task<IReadOnlyList<string>> WatchOpenTempFilesAsync(CancellationToken stop)
    {
        var seen = new HashSet<string>();
        while (!stop.IsCancellationRequested)
        {
            seen.UnionWith(_process.OpenFilesIn(Path.GetTempPath()));
            await Task.Delay(250, CancellationToken.None);
        }
        return [.. seen];
    }

    private static HashSet<string> TempFolderEntries() => [.. Directory.EnumerateFileSystemEntries(Path.GetTempPath())];

    /// <summary>
    /// Files new in the temp folder and larger than a megabyte: a spooled upload would be one. Other processes on the machine
    /// write their small files there meanwhile.
    /// </summary>
    private static string[] NewLargeFiles(HashSet<string> before) =>
        [.. Directory.EnumerateFiles(Path.GetTempPath()).Where(path => !before.Contains(path) && new FileInfo(path).Length > 1024 * 1024)];
}
