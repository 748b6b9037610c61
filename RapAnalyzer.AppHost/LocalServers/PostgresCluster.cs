using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace RapAnalyzer.AppHost.LocalServers;

/// <summary>What the AppHost does to a Postgres server besides running it: initdb on first use, then the databases and extensions.</summary>
public static class PostgresCluster
{
    public static async Task InitializeAsync(LocalPostgresResource server, CancellationToken cancellationToken)
    {
        var dataDirectory = server.DataDirectory;
        if (File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            return;
        }
        Directory.CreateDirectory(dataDirectory);
        var passwordFile = Path.Combine(Path.GetDirectoryName(dataDirectory)!, $"{server.Name}.pwfile");
        await File.WriteAllTextAsync(passwordFile, await server.Password.GetValueAsync(cancellationToken), cancellationToken);
        try
        {
            var runAs = LocalPostgresResource.RunAs;
            if (runAs is not null)
            {
                await ServerCommand.RunAsync("chown", ["-R", $"{runAs}:{runAs}", dataDirectory, passwordFile], cancellationToken);
            }
            var (initdb, arguments) = ServerCommand.AsUser(runAs, $"{LocalPostgresResource.BinDirectory}/initdb",
                "-D", dataDirectory, "-U", LocalPostgresResource.UserName, "--pwfile", passwordFile, "--auth-host=scram-sha-256",
                "--auth-local=peer", "-E", "UTF8", "--locale=C.UTF-8");
            await ServerCommand.RunAsync(initdb, arguments, cancellationToken);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    /// <summary>Creates the server's databases and extensions where missing, then marks each database running.</summary>
    public static async Task CreateDatabasesAsync(IPostgresServerResource server, IServiceProvider services, CancellationToken cancellationToken)
    {
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        var serverConnectionString = await server.ConnectionStringExpression.GetValueAsync(cancellationToken);
        await using var admin = new NpgsqlConnection(Unpooled(serverConnectionString, "postgres"));
        await admin.OpenAsync(cancellationToken);
        foreach (var database in server.Databases)
        {
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", admin);
            exists.Parameters.AddWithValue(database.DatabaseName);
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.DatabaseName}\"", admin);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            await using var connection = new NpgsqlConnection(Unpooled(serverConnectionString, database.DatabaseName));
            await connection.OpenAsync(cancellationToken);
            foreach (var extension in server.Extensions)
            {
                await using var create = new NpgsqlCommand($"CREATE EXTENSION IF NOT EXISTS \"{extension}\"", connection);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
            await notifications.PublishUpdateAsync(database, snapshot => snapshot with
            {
                State = KnownResourceStates.Running,
                StartTimeStamp = DateTime.UtcNow,
            });
        }
    }

    /// <summary>The AppHost's own connections are not pooled, so none is left open to hold up the server's shutdown.</summary>
    public static string Unpooled(string? connectionString, string database) =>
        new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Database = database, Timeout = 5 }.ConnectionString;
}
