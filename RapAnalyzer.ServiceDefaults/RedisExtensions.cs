using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

public static class RedisExtensions
{
    /// <summary>
    /// A shared multiplexer on the named connection string that keeps reconnecting instead of failing start-up,
    /// so a service can degrade while Redis is away. Its health check reports <paramref name="failureStatus"/>
    /// meanwhile: Degraded for a service that has a fallback, Unhealthy for one that has none.
    /// </summary>
    public static IHostApplicationBuilder AddRedisClient(this IHostApplicationBuilder builder, string connectionName,
        HealthStatus failureStatus = HealthStatus.Unhealthy)
    {
        var options = builder.GetRedisConfiguration(connectionName);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2000;
        options.SyncTimeout = 2000;
        options.AsyncTimeout = 2000;

        var multiplexer = new Lazy<IConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(options));
        builder.Services.AddSingleton(_ => multiplexer.Value);
        builder.Services.AddHealthChecks().AddRedis(_ => multiplexer.Value, name: connectionName, failureStatus: failureStatus,
            timeout: TimeSpan.FromSeconds(3));
        return builder;
    }
}
