using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using MassTransit;
using RapAnalyzer.Contracts;
using RapAnalyzer.Scraper.Dedup;
using RapAnalyzer.Scraper.Jobs;
using StackExchange.Redis;

namespace RapAnalyzer.Integration.Tests;

/// <summary>The scraper as a process on real Redis and RabbitMQ: a dataset upload becomes TrackScraped events.</summary>
[TestFixture]
public sealed class ScraperServiceTests
{
    private ServiceRun _scraper = null!;
    private TestBus<TrackScraped> _bus = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _scraper = await ServiceRun.StartAsync("scraper");
        _bus = await TestBus<TrackScraped>.StartAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        await _bus.DisposeAsync();
        await _scraper.DisposeAsync();
    }

    [Test]
    public async Task Reports_redis_and_bus_healthy()
    {
        await HealthAssertions.AssertHealthyAsync(_scraper.Http, "cache", "ingested-songs", "masstransit-bus");
        await HealthAssertions.AssertGrpcServingAsync(_scraper.Grpc);
    }

    [Test]
    public async Task Lists_the_error_queue_of_its_consumer_of_the_catalogs_faults()
    {
        var queues = await _scraper.Http.GetFromJsonAsync<JsonArray>("/errors");

        Assert.That(queues!.Select(q => q!["queue"]!.GetValue<string>()), Is.EqualTo(new[] { "scraper-track-scraped-fault" }));
    }

    [Test]
    public async Task Imports_a_jsonl_dataset_and_reports_malformed_lines()
    {
        var artist = $"Importer {Guid.NewGuid():N}";
        var lines = Enumerable.Range(1, 450)
            .Select(i => $$"""{"id":"{{artist}}-{{i}}","title":"Song {{i}}","artist":"{{artist}}","lyrics":"verse {{i}}","year":2010}""")
            .ToList();
        lines.Insert(100, "{ not json");
        lines.Insert(200, $$"""{"id":"{{artist}}-missing","title":"No Lyrics","artist":"{{artist}}"}""");

        using var content = new StringContent(string.Join('\n', lines), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        using var response = await _scraper.Http.PostAsync("/import", content);
        var accepted = await response.Content.ReadFromJsonAsync<JobSnapshot>();
        var job = await Eventually.GetAsync(
            () => _scraper.Http.GetFromJsonAsync<JobSnapshot>($"/jobs/{accepted!.Id}")!,
            j => j!.State != JobState.Running, TimeSpan.FromSeconds(30));
        var published = await _bus.WaitForAsync(m => m.Artist == artist, 450, TimeSpan.FromSeconds(30));

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/jobs/{accepted!.Id}"));
            Assert.That(job!.State, Is.EqualTo(JobState.Completed));
            Assert.That(job.Found, Is.EqualTo(452));
            Assert.That((job.Stored, job.Rejected, job.NoLyrics), Is.EqualTo((450L, 1L, 1L)));
            Assert.That(job.Errors.Single().Line, Is.EqualTo(101));
            Assert.That(job.Errors.Single().Reason, Does.StartWith("invalid JSON"));
            Assert.That(published.Select(p => p.SourceId).Distinct().Count(), Is.EqualTo(450));
        });
    }

    [Test]
    public async Task Imports_a_generated_10000_row_csv_once_and_skips_it_all_the_second_time()
    {
        var artist = $"Csv {Guid.NewGuid():N}";
        var csv = new StringBuilder("title,tag,artist,year,views,features,lyrics,id,language_cld3,language_ft,language\n");
        for (var i = 1; i <= 10_000; i++)
        {
            // Every 1,000th record is malformed: a field short.
            csv.Append(i % 1000 == 0
                ? $"\"Broken {i}\",rap,\"{artist}\",2015,10,{{}},\"lyrics {i}\"\n"
                : $"\"Song {i}\",rap,\"{artist}\",2015,{i},{{}},\"line one of {i}\nline, \"\"two\"\" of {i}\",{artist}-{i},en,en,en\n");
        }

        var first = await ImportAsync(csv.ToString(), "text/csv");
        var published = await _bus.WaitForAsync(m => m.Artist == artist, 9_990, TimeSpan.FromSeconds(60));
        var second = await ImportAsync(csv.ToString(), "text/csv");

        Assert.Multiple(() =>
        {
            Assert.That(first.State, Is.EqualTo(JobState.Completed));
            Assert.That(first.Found, Is.EqualTo(10_000));
            Assert.That(first.Stored, Is.EqualTo(9_990));
            Assert.That(first.Rejected, Is.EqualTo(10));
            // Song 1000 starts on line 1 + 2 * 999 + 1 (header, two lines per record).
            Assert.That(first.Errors[0], Is.EqualTo(new JobError(2000, null, null, "the record has 7 fields, the header 11")));
            Assert.That(published.Select(p => p.SourceId).Distinct().Count(), Is.EqualTo(9_990));
            Assert.That(published.Single(p => p.SourceId == $"{artist}-7").Lyrics, Is.EqualTo("line one of 7\nline, \"two\" of 7"));
            Assert.That((second.Stored, second.Updated), Is.EqualTo((0L, 0L)));
            Assert.That(second.SkippedDuplicate, Is.EqualTo(9_990));
        });
    }

    [Test]
    public async Task A_track_the_catalog_reports_it_could_not_store_is_published_again_by_the_next_import()
    {
        var artist = $"Faulted {Guid.NewGuid():N}";
        var row = $$"""{"id":"{{artist}}-1","title":"Song","artist":"{{artist}}","lyrics":"a verse the catalog failed on, {{artist}}"}""";
        var first = await ImportAsync(row, "application/x-ndjson");
        var track = (await _bus.WaitForAsync(m => m.Artist == artist, 1, TimeSpan.FromSeconds(30))).Single();
        var whileIngested = await ImportAsync(row, "application/x-ndjson");

        // As the catalog publishes it for a track it cannot store.
        await _bus.Publisher.Publish<Fault<TrackScraped>>(new
        {
            Message = track,
            FaultId = NewId.NextGuid(),
            Timestamp = DateTime.UtcNow,
            Exceptions = new[] { new { ExceptionType = "Npgsql.PostgresException", Message = "value too long for type character varying(300)" } },
        });
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestInfrastructure.ConnectionString("cache"));
        var stillIngested = await Eventually.GetAsync(() => redis.GetDatabase().SetContainsAsync(IngestedSongs.Key, LyricsHash.Compute(track.Lyrics)),
            ingested => !ingested, TimeSpan.FromSeconds(30));
        var afterTheFault = await ImportAsync(row, "application/x-ndjson");
        var published = await _bus.WaitForAsync(m => m.Artist == artist, 2, TimeSpan.FromSeconds(30));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Stored, Is.EqualTo(1));
            Assert.That((whileIngested.Stored, whileIngested.SkippedDuplicate), Is.EqualTo((0L, 1L)));
            Assert.That(stillIngested, Is.False);
            Assert.That((afterTheFault.Stored, afterTheFault.SkippedDuplicate), Is.EqualTo((1L, 0L)));
            Assert.That(published, Has.Count.EqualTo(2));
        }
    }

    [Test]
    public async Task New_lyrics_under_a_known_source_id_are_published_and_counted_as_an_update()
    {
        var artist = $"Updated {Guid.NewGuid():N}";
        string Row(string lyrics) => $$"""{"id":"{{artist}}-1","title":"Song","artist":"{{artist}}","lyrics":"{{lyrics}} {{artist}}"}""";

        var first = await ImportAsync(Row("the first version"), "application/x-ndjson");
        var second = await ImportAsync(Row("the second version"), "application/x-ndjson");
        var published = await _bus.WaitForAsync(m => m.Artist == artist, 2, TimeSpan.FromSeconds(30));

        using (Assert.EnterMultipleScope())
        {
            Assert.That((first.Stored, first.Updated), Is.EqualTo((1L, 0L)));
            Assert.That((second.Stored, second.Updated, second.Fetched), Is.EqualTo((0L, 1L, 1L)));
            Assert.That(published.Select(p => p.Lyrics), Is.EqualTo(new[] { $"the first version {artist}", $"the second version {artist}" }));
        }
    }

    private async Task<JobSnapshot> ImportAsync(string body, string contentType)
    {
        using var content = new StringContent(body, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var response = await _scraper.Http.PostAsync("/import", content);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
        var accepted = await response.Content.ReadFromJsonAsync<JobSnapshot>();
        return (await Eventually.GetAsync(
            () => _scraper.Http.GetFromJsonAsync<JobSnapshot>($"/jobs/{accepted!.Id}")!,
            j => j!.State != JobState.Running, TimeSpan.FromSeconds(60)))!;
    }

    [Test]
    public async Task Refuses_an_upload_that_is_neither_csv_nor_jsonl_naming_the_header()
    {
        using var response = await _scraper.Http.PostAsync("/import", new StringContent("a,b,c", Encoding.UTF8, "text/plain"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(body, Does.Contain("Content-Type"));
        });
    }

    [Test]
    public async Task Refuses_an_empty_upload_naming_the_body()
    {
        using var content = new ByteArrayContent([]);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
        using var response = await _scraper.Http.PostAsync("/import", content);
        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("body"));
        });
    }
}
