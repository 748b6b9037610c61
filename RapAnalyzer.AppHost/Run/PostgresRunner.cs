using Npgsql;
using RapAnalyzer.AppHost.Hosting;

namespace RapAnalyzer.AppHost.Run;

/// <summary>
/// Postgres 15 from the machine's packages: initdb on first use, then the postmaster as a child process on a
/// loopback port (as the postgres user when the AppHost runs as root). Creates the model's databases and
/// extensions once it accepts connections.
/// </summary>
public sealed class PostgresRunner(PostgresServerResource server, LocalAddressing addressing, RunOptions options, ProcessLedger ledger)
    : IResourceRunner
{
    private const string BinDirectory = "/usr/lib/postgresql/15/bin";
    private ManagedProcess? _process;

    public IResource Resource => server;
    public bool IsExternal => addressing.ConfiguredConnectionString(server) is not null;
    public int Port => addressing.Port(server, PostgresServerResource.Tcp);
    public string Url => IsExternal ? "(configured server)" : $"postgres://127.0.0.1:{Port}";

    public string AdminConnectionString => addressing.ConfiguredConnectionString(server)
        ?? $"Host=127.0.0.1;Port={Port};Username={PostgresServerResource.UserName};Password={addressing.Secret(server.PasswordSecret)};Database=postgres;Timeout=5";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!IsExternal)
        {
            var dataDirectory = DataPaths.PostgresData(options.DataDirectory, server.Name);
            var runAs = Environment.UserName == "root" ? "postgres" : null;
            await InitializeAsync(dataDirectory, runAs, cancellationToken);

            var spec = new ProcessSpec($"{BinDirectory}/postgres",
                ["-D", dataDirectory, "-p", Port.ToString(), "-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=",
                 "-c", "max_connections=300", "-c", "shared_buffers=256MB", "-c", "maintenance_work_mem=512MB"],
                new Dictionary<string, string>(), dataDirectory)
            {
                // Fast shutdown: a smart one (SIGTERM) would wait for every pooled client connection to close.
                StopSignal = Signals.SigInt,
            };
            _process = new ManagedProcess(server.Name, runAs is null ? spec : spec.AsUser(runAs), options.Log, ledger, restartOnExit: false);
            _process.Start();
        }

        await Readiness.WaitAsync(server.Name, CanConnectAsync, options.HealthTimeout, cancellationToken, () => _process?.HasExited == true);
        await CreateDatabasesAsync(cancellationToken);
    }

    private async Task InitializeAsync(string dataDirectory, string? runAs, CancellationToken cancellationToken)
    {
        if (File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            return;
        }
        Directory.CreateDirectory(dataDirectory);
        var passwordFile = Path.Combine(dataDirectory, "..", $"{server.Name}.pwfile");
        await File.WriteAllTextAsync(passwordFile, addressing.Secret(server.PasswordSecret), cancellationToken);
        try
        {
            if (runAs is not null)
            {
                await Command.RunAsync("chown", ["-R", $"{runAs}:{runAs}", dataDirectory, passwordFile], cancellationToken);
            }
            var initdb = new ProcessSpec($"{BinDirectory}/initdb",
                ["-D", dataDirectory, "-U", PostgresServerResource.UserName, "--pwfile", passwordFile, "--auth-host=scram-sha-256",
                 "--auth-local=peer", "-E", "UTF8", "--locale=C.UTF-8"],
                new Dictionary<string, string>(), dataDirectory);
            await Command.RunAsync(runAs is null ? initdb : initdb.AsUser(runAs), cancellationToken);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    /// <summary>The runner's own connections are not pooled, so none is left open to hold up the server's shutdown.</summary>
    private string OwnConnectionString(string? database = null) =>
        new NpgsqlConnectionStringBuilder(AdminConnectionString) { Pooling = false, Database = database ?? "postgres" }.ConnectionString;

    private async Task<bool> CanConnectAsync(CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(OwnConnectionString());
        await connection.OpenAsync(cancellationToken);
        return true;
    }

    private async Task CreateDatabasesAsync(CancellationToken cancellationToken)
    {
        await using var admin = new NpgsqlConnection(OwnConnectionString());
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

            await using var connection = new NpgsqlConnection(OwnConnectionString(database.DatabaseName));
            await connection.OpenAsync(cancellationToken);
            foreach (var extension in server.Extensions)
            {
                await using var create = new NpgsqlCommand($"CREATE EXTENSION IF NOT EXISTS \"{extension}\"", connection);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }
}
