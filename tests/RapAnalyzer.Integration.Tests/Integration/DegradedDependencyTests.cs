using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using RapAnalyzer.AppHost.LocalServers;
using RapAnalyzer.Contracts;
using RapAnalyzer.Integration.Tests.Startup;
using RapAnalyzer.Scraper.Jobs;

namespace RapAnalyzer.Integration.Tests;

/// <summary>A service whose dependency is down keeps working as far as it can and says so in /health instead of crashing.</summary>
[TestFixture]
public sealed class DegradedDependencyTests
{
    [Test]
    public async Task Scraper_keeps_importing_with_in_memory_dedup_and_reports_degraded_while_redis_is_down()
    {
        var ports = new LoopbackPorts();
        var httpPort = ports.Allocate();
        var deadRedisPort = ports.Allocate();
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__cache"] = $"127.0.0.1:{deadRedisPort}",
            ["ConnectionStrings__messaging"] = TestInfrastructure.ConnectionString("messaging"),
            ["Kestrel__Endpoints__http__Url"] = $"http://127.0.0.1:{httpPort}",
        };
        await using var scraper = ServiceProcess.Start("scraper", environment);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
        var alive = await Eventually.GetAsync(() => TryGetStatusAsync(http, "/alive"), s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(30));

        var artist = $"Degraded {Guid.NewGuid():N}";
        var rows = string.Join('\n',
            $$"""{"id":"{{artist}}-1","title":"One","artist":"{{artist}}","lyrics":"a verse of mine"}""",
            $$"""{"id":"{{artist}}-2","title":"Two","artist":"{{artist}}","lyrics":"another verse"}""",
            $$"""{"id":"{{artist}}-3","title":"One Again","artist":"{{artist}}","lyrics":"A verse, of mine!"}""");
        using var content = new StringContent(rows, System.Text.Encoding.UTF8, "application/x-ndjson");
        using var accepted = await http.PostAsync("/import", content);
        var job = await Eventually.GetAsync(
            () => http.GetFromJsonAsync<JobSnapshot>(accepted.Headers.Location!)!,
            j => j!.State != JobState.Running, TimeSpan.FromSeconds(30));
        using var health = await http.GetAsync("/health");
        var report = await health.Content.ReadFromJsonAsync<HealthStatusDocument>();

        Assert.Multiple(() =>
        {
            Assert.That(alive, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(job!.State, Is.EqualTo(JobState.Completed));
            Assert.That(job.Stored, Is.EqualTo(2));
            Assert.That(job.SkippedDuplicate, Is.EqualTo(1));
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(report!.Status, Is.EqualTo("Degraded"));
            Assert.That(report.Entries["cache"].Status, Is.EqualTo("Degraded"));
            Assert.That(report.Entries["ingested-songs"].Status, Is.EqualTo("Degraded"));
            Assert.That(scraper.HasExited, Is.False);
        });
    }

    [Test]
    public async Task Catalog_searches_uncached_and_reports_degraded_while_redis_is_down()
    {
        var ports = new LoopbackPorts();
        var httpPort = ports.Allocate();
        var deadRedisPort = ports.Allocate();
        var deadEnrichmentPort = ports.Allocate();
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__catalogdb"] = TestInfrastructure.ConnectionString("catalogdb"),
            ["ConnectionStrings__cache"] = $"127.0.0.1:{deadRedisPort}",
            ["ConnectionStrings__messaging"] = TestInfrastructure.ConnectionString("messaging"),
            ["services__enrichment__grpc__0"] = $"http://127.0.0.1:{deadEnrichmentPort}",
            ["Kestrel__Endpoints__http__Url"] = $"http://127.0.0.1:{httpPort}",
        };
        await using var catalog = ServiceProcess.Start("catalog", environment);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };
        await Eventually.GetAsync(() => TryGetStatusAsync(http, "/alive"), s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(60));
        await using var bus = await TestBus<TrackStored>.StartAsync();
        var artist = $"Uncached {Guid.NewGuid():N}";
        var search = $"/search?q=tuba&mode=text&artist={Uri.EscapeDataString(artist)}";

        await bus.Publisher.Publish(new TrackScraped("degraded-test", $"{artist}-1", "Brass", artist, "A tuba in the parade"));
        var found = await Eventually.GetAsync(() => SearchCountAsync(http, search), n => n == 1, TimeSpan.FromSeconds(30));
        // No cache to go stale: the next track is found by the very next search.
        await bus.Publisher.Publish(new TrackScraped("degraded-test", $"{artist}-2", "Brass Again", artist, "Another tuba, another parade"));
        var foundAgain = await Eventually.GetAsync(() => SearchCountAsync(http, search), n => n == 2, TimeSpan.FromSeconds(30));
        // Hybrid asks enrichment for the query's vector, which is away too: the text side answers and the answer says so.
        var hybrid = await http.GetFromJsonAsync<JsonObject>($"/search?q=tuba&artist={Uri.EscapeDataString(artist)}");
        using var health = await http.GetAsync("/health");
        var report = await health.Content.ReadFromJsonAsync<HealthStatusDocument>();

        Assert.Multiple(() =>
        {
            Assert.That(found, Is.EqualTo(1));
            Assert.That(foundAgain, Is.EqualTo(2));
            Assert.That(hybrid!["items"]!.AsArray(), Has.Count.EqualTo(2));
            Assert.That(hybrid["notes"]!.AsArray().Select(n => n!.GetValue<string>()), Has.Some.StartWith("Semantic matching was left out"));
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(report!.Entries["cache"].Status, Is.EqualTo("Degraded"));
            Assert.That(catalog.HasExited, Is.False);
        });
    }

    private static async Task<int?> SearchCountAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray().Count : null;
    }

    private static async Task<HttpStatusCode?> TryGetStatusAsync(HttpClient http, string path)
    {
        try
        {
            using var response = await http.GetAsync(path);
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
