using RapAnalyzer.Testing.AppHost;

namespace RapAnalyzer.Integration.Tests;

/// <summary>
/// Real Postgres (with pgvector), Redis and RabbitMQ for this test assembly, started once by the AppHost (its executable
/// resources, through Aspire.Hosting.Testing) in a temporary data folder and stopped when the tests end.
/// </summary>
[SetUpFixture]
public sealed class TestInfrastructure
{
    private static readonly string[] Servers = ["postgres", "catalogdb", "cache", "messaging"];
    private static readonly Dictionary<string, string> ConnectionStrings = [];
    private static DistributedApplication? _app;
    private static string? _dataDirectory;

    public static string ConnectionString(string resource) =>
        ConnectionStrings.TryGetValue(resource, out var value) ? value : throw new ArgumentException($"{resource} has no connection string.");

    /// <summary>The servers as configured ones (<c>ConnectionStrings:{name}</c>), so an AppHost run of a service uses them and starts none.</summary>
    public static Dictionary<string, string> ServerConnectionStrings() => new()
    {
        ["ConnectionStrings:postgres"] = ConnectionString("postgres"),
        ["ConnectionStrings:cache"] = ConnectionString("cache"),
        ["ConnectionStrings:messaging"] = ConnectionString("messaging"),
    };

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _dataDirectory = Directory.CreateTempSubdirectory("rapanalyzer-tests-").FullName;
        _app = await AppHostRun.StartAsync(_dataDirectory, only: ["catalogdb", "cache", "messaging"], log: TestLog.Write);
        foreach (var server in Servers)
        {
            ConnectionStrings[server] = (await _app.GetConnectionStringAsync(server))!;
        }
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        if (_dataDirectory is not null)
        {
            RapAnalyzer.AppHost.LocalServers.DataFolder.Wipe(_dataDirectory);
        }
    }
}
