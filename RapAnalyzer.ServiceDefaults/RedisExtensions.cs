using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Microsoft.Extensions.Hosting;

public static class RedisExtensions
{
    // Under the gateway's 3 s probe of each service's /health.
    private static readonly TimeSpan HealthCheckTimeout = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Aspire's Redis client (a shared multiplexer that keeps reconnecting instead of failing start-up, with tracing) on
    /// the named connection string, checked first. Aspire's health entry (named StackExchange.Redis, Unhealthy on failure)
    /// gives way to one named after the connection, as every dependency's is, that reports <paramref name="failureStatus"/>
    /// while Redis is away: Degraded for a service that has a fallback, Unhealthy for one that has none.
    /// </summary>
    public static IHostApplicationBuilder AddRedisConnection(this IHostApplicationBuilder builder, string connectionName,
        HealthStatus failureStatus)
    {
        builder.ValidateRedisConnectionString(connectionName);
        builder.AddRedisClient(connectionName, settings => settings.DisableHealthChecks = true);
        builder.Services.AddHealthChecks().AddCheck<RedisConnectionHealthCheck>(connectionName, failureStatus, [], HealthCheckTimeout);
        return builder;
    }
}
