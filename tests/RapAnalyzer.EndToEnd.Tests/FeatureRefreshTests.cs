using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using RapAnalyzer.AppHost.Services;
using RapAnalyzer.Contracts;

namespace RapAnalyzer.EndToEnd.Tests;

/// <summary>The feature refresh, started through the gateway and from the dashboard's command on the catalog.</summary>
[TestFixture]
public sealed class FeatureRefreshTests
{
    [Test]
    public async Task The_refresh_starts_through_the_gateway_and_reports_its_progress()
    {
        using var started = await RunningSystem.Gateway.PostAsync("/features/refresh", null);
        var progress = JsonNode.Parse(await started.Content.ReadAsStringAsync())!;
        using var read = await RunningSystem.Gateway.GetAsync("/features/refresh");

        Assert.Multiple(() =>
        {
            Assert.That(started.StatusCode, Is.EqualTo(HttpStatusCode.Accepted));
            Assert.That(progress["targetVersion"]!.GetValue<int>(), Is.EqualTo(FeaturesVersion.Current));
            Assert.That(progress["state"]!.GetValue<string>(), Is.AnyOf("sending", "computing", "done"));
            Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    [Test]
    public async Task The_dashboard_command_on_the_catalog_reports_the_refresh()
    {
        var result = await RunningSystem.App.Services.GetRequiredService<ResourceCommandService>()
            .ExecuteCommandAsync("catalog", FeatureRefreshCommand.Name);

        Assert.That(result.Success, Is.True, result.Message);
        Assert.That(result.Message, Does.StartWith($"Features version {FeaturesVersion.Current}: "));
    }
}
