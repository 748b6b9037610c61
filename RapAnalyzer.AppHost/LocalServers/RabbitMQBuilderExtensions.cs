using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RapAnalyzer.AppHost.LocalServers;

public static class RabbitMQBuilderExtensions
{
    /// <summary>
    /// RabbitMQ run from the machine's packages as an executable with its own epmd (its child resource, so no epmd
    /// outlives the AppHost), or the broker <c>ConnectionStrings__{name}</c> names when that is set.
    /// </summary>
    public static IResourceBuilder<IResourceWithConnectionString> AddLocalRabbitMQ(this IDistributedApplicationBuilder builder, string name)
    {
        if (builder.Configuration.GetConnectionString(name) is { Length: > 0 })
        {
            return builder.AddConnectionString(name);
        }
        var settings = LocalServerSettings.Of(builder);
        var password = builder.AddParameter($"{name}-password", new PersistedPassword(settings.Secrets, $"{name}-password"), secret: true);
        var directory = DataPaths.Resource(settings.DataDirectory, name);
        var (port, managementPort, distributionPort, epmdPort) =
            (settings.Ports.Allocate(), settings.Ports.Allocate(), settings.Ports.Allocate(), settings.Ports.Allocate());
        var rabbit = new LocalRabbitMQResource(name, directory, port, managementPort, password.Resource);

        var epmd = builder.AddExecutable($"{name}-epmd", "epmd", directory, "-port", epmdPort.ToString(), "-address", "127.0.0.1")
            .WithEnvironment("HOME", directory)
            .WithParentRelationship(rabbit)
            .ExcludeFromManifest();
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(epmd.Resource, (_, _) =>
        {
            Directory.CreateDirectory(directory);
            return Task.CompletedTask;
        });
        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(rabbit, (_, cancellationToken) =>
            RabbitMQNode.WriteConfigurationAsync(rabbit, cancellationToken));
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration($"{name}-accepts-connections",
            _ => new RabbitMQHealthCheck(rabbit), HealthStatus.Unhealthy, tags: null));

        return builder.AddResource(rabbit)
            .WithEnvironment((EnvironmentCallbackContext context) =>
            {
                foreach (var (variable, value) in RabbitMQNode.Environment(rabbit, distributionPort, epmdPort))
                {
                    context.EnvironmentVariables[variable] = value;
                }
            })
            .WithEndpoint(port: port, targetPort: port, scheme: "amqp", name: "tcp", isProxied: false)
            .WithEndpoint(port: managementPort, targetPort: managementPort, scheme: "http", name: "management", isProxied: false)
            .WithHealthCheck($"{name}-accepts-connections")
            .WaitFor(epmd);
    }
}
