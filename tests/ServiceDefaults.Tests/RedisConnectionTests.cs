using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;

namespace RapAnalyzer.ServiceDefaults.Tests;

/// <summary>Aspire's Redis client as a service registers it: checked at start-up, reported under the connection's name.</summary>
public class RedisConnectionTests
{
    // Nothing listens on port 1: Redis is down.
    private const string DownRedis = "127.0.0.1:1";

    private static HostApplicationBuilder Builder(string connectionString)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection([new("ConnectionStrings:cache", connectionString)]);
        return builder;
    }

    [TestCase(HealthStatus.Degraded)]
    [TestCase(HealthStatus.Unhealthy)]
    public async Task A_service_starts_while_redis_is_down_and_its_cache_entry_reports_the_failure_status(HealthStatus failureStatus)
    {
        var builder = Builder(DownRedis);
        builder.AddRedisConnection("cache", failureStatus);
        using var host = builder.Build();

        await host.StartAsync();
        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        await host.StopAsync();

        Assert.Multiple(() =>
        {
            Assert.That(host.Services.GetRequiredService<IConnectionMultiplexer>().IsConnected, Is.False);
            Assert.That(report.Entries.Keys, Is.EqualTo(new[] { "cache" }), "Aspire's own entry is replaced, not added to");
            Assert.That(report.Entries["cache"].Status, Is.EqualTo(failureStatus));
        });
    }

    [Test]
    public async Task The_cache_entry_answers_within_the_gateways_probe_while_redis_is_down()
    {
        var builder = Builder(DownRedis);
        builder.AddRedisConnection("cache", HealthStatus.Degraded);
        using var host = builder.Build();
        await host.StartAsync();

        var report = await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        await host.StopAsync();

        Assert.That(report.Entries["cache"].Duration, Is.LessThan(TimeSpan.FromSeconds(3)));
    }

    [TestCase(",,,")]
    [TestCase("")]
    public void A_bad_connection_string_stops_the_service_naming_it(string value)
    {
        var error = Assert.Throws<InvalidSettingException>(() => Builder(value).AddRedisConnection("cache", HealthStatus.Degraded));

        Assert.That(error.Setting, Is.EqualTo("ConnectionStrings:cache"));
    }
}
