using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Hosting;
using RapAnalyzer.AppHost.LocalServers;
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
