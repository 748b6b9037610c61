using Microsoft.Extensions.DependencyInjection;
using RapAnalyzer.AppHost.LocalServers;
using RapAnalyzer.Testing.AppHost;

namespace RapAnalyzer.EndToEnd.Tests;

/// <summary>
/// The whole system, started once for these tests by the real AppHost through Aspire.Hosting.Testing (real Postgres,
/// Redis, RabbitMQ and every service), in a temporary data folder, with Spotify and an OpenAI-compatible embedding
/// endpoint configured: fakes speaking their HTTP APIs on loopback.
/// </summary>
[SetUpFixture]
public sealed class RunningSystem
{
    private static DistributedApplication? _app;
    private static string? _dataDirectory;
    private static FakeSpotifyServer? _spotify;
    private static FakeOpenAiServer? _openAi;
    private static FakeOtlpCollector? _telemetry;

    /// <summary>The one song the fake Spotify knows.</summary>
    public static readonly FakeSpotifyTrack SpotifyTrack =
        new("3iVcZ5G6tvkXZkZKlMpIUs", "Alright", "Kendrick Lamar", 74, "To Pimp A Butterfly", "2015-03-15", 219333, true);

    public static DistributedApplication App => _app ?? throw new InvalidOperationException("The system has not started.");

    public static HttpClient Gateway { get; private set; } = null!;

    /// <summary>Where every service sends its traces, metrics and logs (in place of the dashboard's OTLP endpoint).</summary>
    public static FakeOtlpCollector Telemetry => _telemetry ?? throw new InvalidOperationException("The system has not started.");

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        _spotify = await FakeSpotifyServer.StartAsync(SpotifyTrack);
        _openAi = await FakeOpenAiServer.StartAsync();
        _telemetry = await FakeOtlpCollector.StartAsync();
        _dataDirectory = Directory.CreateTempSubdirectory("rapanalyzer-e2e-").FullName;
        var started = System.Diagnostics.Stopwatch.StartNew();
        _app = await AppHostRun.StartAsync(_dataDirectory,
            configuration: new Dictionary<string, string> { ["ASPIRE_DASHBOARD_OTLP_ENDPOINT_URL"] = _telemetry.GrpcEndpoint.ToString() },
            externalSettings: FakeApiSettings.For(_spotify, _openAi), log: TestLog.Write);
        TestContext.Progress.WriteLine($"The system was healthy {started.Elapsed.TotalSeconds:0.0} s after start.");
        Gateway = App.CreateHttpClient("gateway", "http");
        Gateway.Timeout = TimeSpan.FromSeconds(30);
    }

    /// <summary>The process id of a running resource as the AppHost reports it (for a service, its `dotnet run`), other than <paramref name="not"/>.</summary>
    public static async Task<int> ProcessIdAsync(string resource, int? not = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var running = await App.ResourceNotifications.WaitForResourceAsync(resource,
            e => e.Snapshot.State?.Text == KnownResourceStates.Running && ProcessId(e.Snapshot) is { } pid && pid != not, timeout.Token);
        return ProcessId(running.Snapshot)!.Value;
    }

    private static int? ProcessId(CustomResourceSnapshot snapshot) =>
        snapshot.Properties.FirstOrDefault(p => p.Name == "executable.pid")?.Value is { } value ? Convert.ToInt32(value) : null;

    /// <summary>Kills a service as a crash would: its process and everything below it, with no chance to shut down.</summary>
    public static async Task<int> KillAsync(string resource)
    {
        var pid = await ProcessIdAsync(resource);
        using var process = System.Diagnostics.Process.GetProcessById(pid);
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        return pid;
    }

    /// <summary>Restarts a resource as an operator would from the dashboard.</summary>
    public static async Task RestartAsync(string resource)
    {
        var target = App.Services.GetRequiredService<DistributedApplicationModel>().Resources.Single(r => r.Name == resource);
        var result = await App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(target, KnownResourceCommands.RestartCommand);
        Assert.That(result.Success, Is.True, result.Message);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await App.ResourceNotifications.WaitForResourceHealthyAsync(resource, timeout.Token);
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        Gateway?.Dispose();
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
        if (_dataDirectory is not null)
        {
            DataFolder.Wipe(_dataDirectory);
        }
        if (_telemetry is not null)
        {
            await _telemetry.DisposeAsync();
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
