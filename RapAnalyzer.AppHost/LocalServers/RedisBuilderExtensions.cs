using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RapAnalyzer.AppHost.LocalServers;

public static class RedisBuilderExtensions
{
    /// <summary>Redis run from the machine's packages as an executable, or the server <c>ConnectionStrings__{name}</c> names.</summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddLocalRedis(this IDistributedApplicationBuilder builder, string name)
    {
        if (builder.Configuration.GetConnectionString(name) is { Length: > 0 })
        {
            return builder.AddConnectionString(name);
        }
        var settings = LocalServerSettings.Of(builder);
        var directory = DataPaths.Resource(settings.DataDirectory, name);
        var port = settings.Ports.Allocate();
        var redis = new LocalRedisResource(name, directory, port);
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(redis, (_, _) =>
        {
            Directory.CreateDirectory(directory);
            return Task.CompletedTask;
        });
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration($"{name}-ping", _ => new RedisHealthCheck(port),
            HealthStatus.Unhealthy, tags: null));
        return builder.AddResource(redis)
            .WithArgs("--bind", "127.0.0.1", "--port", port.ToString(), "--save", "", "--appendonly", "no", "--dir", directory)
            .WithEndpoint(port: port, targetPort: port, scheme: "tcp", name: "tcp", isProxied: false)
            .WithHealthCheck($"{name}-ping");
    }
}
