using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using RapAnalyzer.Contracts;
using RapAnalyzer.Scraper.Jobs;

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
            Assert.That(job.Fetched, Is.EqualTo(450));
            Assert.That(job.Failed, Is.EqualTo(2));
            Assert.That(job.Errors.Select(e => e.Item), Is.EquivalentTo(new[] { "line 101", "line 201" }));
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
            Assert.That(first.Fetched, Is.EqualTo(9_990));
            Assert.That(first.Failed, Is.EqualTo(10));
            // Song 1000 starts on line 1 + 2 * 999 + 1 (header, two lines per record).
            Assert.That(first.Errors[0].Item, Is.EqualTo("line 2000"));
            Assert.That(published.Select(p => p.SourceId).Distinct().Count(), Is.EqualTo(9_990));
            Assert.That(published.Single(p => p.SourceId == $"{artist}-7").Lyrics, Is.EqualTo("line one of 7\nline, \"two\" of 7"));
            Assert.That(second.Fetched, Is.Zero);
            Assert.That(second.SkippedDuplicate, Is.EqualTo(9_990));
        });
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
