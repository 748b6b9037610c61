using RapAnalyzer.AppHost;
using RapAnalyzer.AppHost.Run;

namespace RapAnalyzer.EndToEnd.Tests;

/// <summary>
/// The whole system, started once for these tests through the AppHost's model exactly as `run` starts it
/// (real Postgres, Redis, RabbitMQ and every service), in a temporary data folder, with Spotify and an
/// OpenAI-compatible embedding endpoint configured: fakes speaking their HTTP APIs on loopback.
/// </summary>
[SetUpFixture]
public sealed class RunningSystem
{
    private static LocalRun? _run;
    private static string? _dataDirectory;
    private static FakeSpotifyServer? _spotify;
    private static FakeOpenAiServer? _openAi;

    /// <summary>The one song the fake Spotify knows.</summary>
    public static readonly FakeSpotifyTrack SpotifyTrack =
        new("3iVcZ5G6tvkXZkZKlMpIUs", "Alright", "Kendrick Lamar", 74, "To Pimp A Butterfly", "2015-03-15", 219333, true);

    public static LocalRun Run => _run ?? throw new InvalidOperationException("The system has not started.");

    public static HttpClient Gateway { get; private set; } = null!;

    public static Action<string, string> Log { get; } = TestLog.Write;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _spotify = await FakeSpotifyServer.StartAsync(SpotifyTrack);
        _openAi = await FakeOpenAiServer.StartAsync();
        _dataDirectory = Path.Combine(Path.GetTempPath(), $"rapanalyzer-e2e-{Guid.NewGuid():N}");
        _run = await LocalRun.StartAsync(AppModel.Create(), new RunOptions
        {
            DataDirectory = _dataDirectory,
            PreferredGatewayPort = 0,
            Log = Log,
            HostEnvironment = FakeApiSettings.For(_spotify, _openAi),
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
        if (_openAi is not null)
        {
            await _openAi.DisposeAsync();
        }
        if (_spotify is not null)
        {
            await _spotify.DisposeAsync();
        }
    }
}
