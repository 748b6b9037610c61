using RapAnalyzer.AppHost;
using RapAnalyzer.AppHost.Hosting;
using RapAnalyzer.AppHost.Run;

namespace RapAnalyzer.Integration.Tests;

/// <summary>
/// Real Postgres (with pgvector), Redis and RabbitMQ for this test assembly, started once through the AppHost's
/// own runners in a temporary data folder and stopped when the tests end.
/// </summary>
[SetUpFixture]
public sealed class TestInfrastructure
{
    private static LocalRun? _run;
    private static string? _dataDirectory;

    public static DistributedApplicationModel Model { get; } = AppModel.Create();

    public static LocalRun Run => _run ?? throw new InvalidOperationException("The infrastructure has not started.");

    public static string ConnectionString(string resource) =>
        Run.Runner(resource) switch
        {
            PostgresRunner postgres => postgres.AdminConnectionString,
            { Resource: IResourceWithConnectionString withConnectionString } => Run.Addressing.ConnectionString(withConnectionString),
            _ => throw new ArgumentException($"{resource} has no connection string."),
        };

    /// <summary>The infrastructure's servers as configured ones, so a run of a service uses them and starts none.</summary>
    public static Dictionary<string, string> ServerConnectionStrings() => new()
    {
        ["postgres"] = ConnectionString("postgres"),
        ["cache"] = ConnectionString("cache"),
        ["messaging"] = ConnectionString("messaging"),
    };

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _dataDirectory = Path.Combine(Path.GetTempPath(), $"rapanalyzer-tests-{Guid.NewGuid():N}");
        _run = await LocalRun.StartAsync(Model, new RunOptions
        {
            DataDirectory = _dataDirectory,
            Only = ["catalogdb", "cache", "messaging"],
            Log = TestLog.Write,
        }, CancellationToken.None);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_run is not null)
        {
            await _run.DisposeAsync();
        }
        if (_dataDirectory is not null)
        {
            DataFolder.Wipe(_dataDirectory);
        }
    }
}
