using RapAnalyzer.AppHost;
using RapAnalyzer.AppHost.Run;

namespace RapAnalyzer.EndToEnd.Tests;

/// <summary>
/// The whole system, started once for these tests through the AppHost's model exactly as `run` starts it
/// (real Postgres, Redis, RabbitMQ and every service), in a temporary data folder.
/// </summary>
[SetUpFixture]
public sealed class RunningSystem
{
    private static LocalRun? _run;
    private static string? _dataDirectory;

    public static LocalRun Run => _run ?? throw new InvalidOperationException("The system has not started.");

    public static HttpClient Gateway { get; private set; } = null!;

    public static Action<string, string> Log { get; } = TestLog.Write;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _dataDirectory = Path.Combine(Path.GetTempPath(), $"rapanalyzer-e2e-{Guid.NewGuid():N}");
        _run = await LocalRun.StartAsync(AppModel.Create(), new RunOptions
        {
            DataDirectory = _dataDirectory,
            PreferredGatewayPort = 0,
            Log = Log,
        }, CancellationToken.None);
        TestContext.Progress.WriteLine($"The system was healthy {_run.StartupTime.TotalSeconds:0.0} s after start.");
        Gateway = new HttpClient { BaseAddress = _run.HttpEndpoint("gateway"), Timeout = TimeSpan.FromSeconds(30) };
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        Gateway?.Dispose();
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
