using System.Net;
using System.Net.Http.Json;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.Hosting;

namespace RapAnalyzer.Integration.Tests;

public static class HealthAssertions
{
    /// <summary>/health answers 200 Healthy and lists each named dependency as Healthy.</summary>
    public static async Task AssertHealthyAsync(HttpClient http, params string[] dependencies)
    {
        using var response = await http.GetAsync("/health");
        var report = await response.Content.ReadFromJsonAsync<HealthStatusDocument>();
        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(report!.Status, Is.EqualTo("Healthy"));
            foreach (var dependency in dependencies)
            {
                Assert.That(report.Entries, Does.ContainKey(dependency));
                Assert.That(report.Entries[dependency].Status, Is.EqualTo("Healthy"), dependency);
            }
        });
    }

    public static async Task AssertGrpcServingAsync(GrpcChannel channel)
    {
        var reply = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());
        Assert.That(reply.Status, Is.EqualTo(HealthCheckResponse.Types.ServingStatus.Serving));
    }
}
