using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

public static class RedisExtensions
{
    /// <summary>
    /// A shared multiplexer on the named connection string that keeps reconnecting instead of failing start-up,
    /// so a service can degrade while Redis is away; the health check reports it unhealthy meanwhile.
    /// </summary>
    public static IHostApplicationBuilder AddRedisClient(this IHostApplicationBuilder builder, string connectionName)
    {
        var options = builder.GetRedisConfiguration(connectionName);
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 2000;
        options.SyncTimeout = 2000;
        options.AsyncTimeout = 2000;

        var multiplexer = new Lazy<IConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(options));
        builder.Services.AddSingleton(_ => multiplexer.Value);
        builder.Services.AddHealthChecks().AddRedis(_ => multiplexer.Value, name: connectionName, timeout: TimeSpan.FromSeconds(3));
        return builder;
    }
}
