using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.Hosting;
using RapAnalyzer.AppHost.Run;
using RapAnalyzer.Integration.Tests.Startup;

namespace RapAnalyzer.Integration.Tests;

/// <summary>A service whose dependency is down keeps running and says so in /health instead of crashing.</summary>
[TestFixture]
public sealed class DegradedDependencyTests
{
    [Test]
    public async Task Scraper_stays_up_and_reports_redis_unhealthy_while_redis_is_down()
    {
        var ports = new PortAllocator();
        var httpPort = ports.Allocate();
        var deadRedisPort = ports.Allocate();
        var environment = new Dictionary<string, string>
        {
            ["ConnectionStrings__cache"] = $"127.0.0.1:{deadRedisPort}",
            ["ConnectionStrings__messaging"] = TestInfrastructure.ConnectionString("messaging"),
            ["Kestrel__Endpoints__http__Url"] = $"http://127.0.0.1:{httpPort}",
        };
        await using var scraper = new ManagedProcess("scraper", ServiceProcess.Spec("scraper", environment), TestLog.Write,
            new ProcessLedger(Path.Combine(Path.GetTempPath(), $"ledger-{Guid.NewGuid():N}")), restartOnExit: false);
        scraper.Start();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{httpPort}") };

        var alive = await Eventually.GetAsync(() => TryGetStatusAsync(http, "/alive"), s => s == HttpStatusCode.OK, TimeSpan.FromSeconds(30));
        using var health = await http.GetAsync("/health");
        var report = await health.Content.ReadFromJsonAsync<HealthStatusDocument>();

        Assert.Multiple(() =>
        {
            Assert.That(alive, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(health.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(report!.Entries["cache"].Status, Is.EqualTo("Unhealthy"));
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
