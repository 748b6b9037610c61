using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace RapAnalyzer.AppHost.LocalServers;

public static class PostgresBuilderExtensions
{
    /// <summary>
    /// Postgres 15 run from the machine's packages as an executable (there is no container runtime here), or the server
    /// <c>ConnectionStrings__{name}</c> names when that is set.
    /// </summary>
    public static IResourceBuilder<IPostgresServerResource> AddLocalPostgres(this IDistributedApplicationBuilder builder, string name)
    {
        if (builder.Configuration.GetConnectionString(name) is { Length: > 0 } configured)
        {
            var server = builder.AddResource(new ConfiguredPostgresResource(name, configured))
                .WithInitialState(LocalServerState.Running("PostgreSQL", configured: true));
            builder.Eventing.Subscribe<BeforeStartEvent>((@event, cancellationToken) =>
                PostgresCluster.CreateDatabasesAsync(server.Resource, @event.Services, cancellationToken));
            return server;
        }

        var settings = LocalServerSettings.Of(builder);
        var password = builder.AddParameter($"{name}-password", new PersistedPassword(settings.Secrets, $"{name}-password"), secret: true);
        var port = settings.Ports.Allocate();
        var dataDirectory = DataPaths.PostgresData(settings.DataDirectory, name);
        var (command, arguments) = ServerCommand.AsUser(LocalPostgresResource.RunAs, $"{LocalPostgresResource.BinDirectory}/postgres",
            "-D", dataDirectory, "-p", port.ToString(), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
            "-c", "max_connections=300", "-c", $"shared_buffers={settings.PostgresSharedBuffers}", "-c", "maintenance_work_mem=512MB");
        var postgres = new LocalPostgresResource(name, command, dataDirectory, port, password.Resource);

        builder.Eventing.Subscribe<BeforeResourceStartedEvent>(postgres, (_, cancellationToken) =>
            PostgresCluster.InitializeAsync(postgres, cancellationToken));
        builder.Eventing.Subscribe<ResourceReadyEvent>(postgres, (@event, cancellationToken) =>
            PostgresCluster.CreateDatabasesAsync(postgres, @event.Services, cancellationToken));
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration($"{name}-accepts-connections",
            _ => new PostgresHealthCheck(postgres, "postgres", []), HealthStatus.Unhealthy, tags: null));

        return builder.AddResource(postgres)
            .WithArgs(arguments)
            .WithEndpoint(port: port, targetPort: port, scheme: "tcp", name: "tcp", isProxied: false)
            .WithHealthCheck($"{name}-accepts-connections");
    }

    public static IResourceBuilder<IPostgresServerResource> WithPgVector(this IResourceBuilder<IPostgresServerResource> builder)
    {
        builder.Resource.Extensions.Add("vector");
        return builder;
    }

    public static IResourceBuilder<PostgresDatabaseResource> AddDatabase(this IResourceBuilder<IPostgresServerResource> builder,
        string name, string? databaseName = null)
    {
        var database = new PostgresDatabaseResource(name, databaseName ?? name, builder.Resource);
        builder.Resource.Databases.Add(database);
        var healthCheck = $"{name}-created";
        builder.ApplicationBuilder.Services.AddHealthChecks().Add(new HealthCheckRegistration(healthCheck,
            _ => new PostgresHealthCheck(database.Parent, database.DatabaseName, database.Parent.Extensions), HealthStatus.Unhealthy, tags: null));
        // Aspire moves a database along with its server only for containers: the database is marked running once created.
        return builder.ApplicationBuilder.AddResource(database)
            .WithInitialState(new CustomResourceSnapshot { ResourceType = "PostgreSQLDatabase", State = KnownResourceStates.Waiting, Properties = [] })
            .WithHealthCheck(healthCheck);
    }
}
