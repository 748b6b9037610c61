using System.Net;
using System.Text.Json.Nodes;
using Grpc.Health.V1;
using Grpc.Net.Client;

namespace RapAnalyzer.EndToEnd.Tests;

[TestFixture]
public sealed class GatewayHealthTests
{
    private static readonly string[] Services = ["catalog", "enrichment", "inference", "quality", "scraper", "style-transfer", "trends"];

    [Test]
    public async Task Gateway_health_lists_every_service_healthy()
    {
        using var response = await RunningSystem.Gateway.GetAsync("/health");
        var health = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var services = health["services"]!.AsObject();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(health["status"]!.GetValue<string>(), Is.EqualTo("Healthy"));
            Assert.That(services.Select(s => s.Key), Is.EquivalentTo(Services));
            foreach (var (name, service) in services)
            {
                Assert.That(service!["status"]!.GetValue<string>(), Is.EqualTo("Healthy"), name);
            }
            Assert.That(services["catalog"]!["entries"]!["catalogdb"]!["status"]!.GetValue<string>(), Is.EqualTo("Healthy"));
            Assert.That(services["scraper"]!["entries"]!["cache"]!["status"]!.GetValue<string>(), Is.EqualTo("Healthy"));
        });
    }

    [TestCaseSource(nameof(Services))]
    public async Task Each_service_answers_its_grpc_health_check(string service)
    {
        using var channel = GrpcChannel.ForAddress(RunningSystem.App.GetEndpoint(service, "grpc"));
        var reply = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());
        Assert.That(reply.Status, Is.EqualTo(HealthCheckResponse.Types.ServingStatus.Serving));
    }

    [Test]
    public async Task A_crashed_service_is_reported_then_restarted()
    {
        var before = await RunningSystem.KillAsync("trends");

        using var whileDown = await RunningSystem.Gateway.GetAsync("/health");
        var downReport = JsonNode.Parse(await whileDown.Content.ReadAsStringAsync())!;
        var recovered = await Eventually.GetAsync(
            async () => (await RunningSystem.Gateway.GetAsync("/health")).StatusCode,
            status => status == HttpStatusCode.OK, TimeSpan.FromSeconds(120));

        var after = await RunningSystem.ProcessIdAsync("trends", not: before);

        Assert.Multiple(() =>
        {
            Assert.That(whileDown.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(downReport["services"]!["trends"]!["status"]!.GetValue<string>(), Is.EqualTo("Unhealthy"));
            Assert.That(downReport["services"]!["trends"]!["error"]?.GetValue<string>(), Does.Not.Match(@"localhost|127\.0\.0\.1|:\d{2,5}\b"),
                "the failure, not the service's address");
            Assert.That(recovered, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(after, Is.Not.EqualTo(before), "the AppHost started a new trends process");
        });
    }
}
