using Grpc.Net.Client;
using Microsoft.Extensions.DependencyInjection;
using RapAnalyzer.Testing.AppHost;

namespace RapAnalyzer.Integration.Tests;

/// <summary>
/// One service of the app model (with the services it waits for) started by the AppHost against the test
/// infrastructure's servers; disposing stops it and deletes its data folder.
/// </summary>
public sealed class ServiceRun : IAsyncDisposable
{
    private readonly string _dataDirectory;

    private ServiceRun(string service, DistributedApplication app, string dataDirectory)
    {
        App = app;
        _dataDirectory = dataDirectory;
        Http = app.CreateHttpClient(service, "http");
        Http.Timeout = TimeSpan.FromSeconds(30);
        Grpc = GrpcChannel.ForAddress(app.GetEndpoint(service, "grpc"));
    }

    public DistributedApplication App { get; }
    public HttpClient Http { get; }
    public GrpcChannel Grpc { get; }

    /// <param name="externalSettings">External API settings, as the variables the services read; none by default.</param>
    /// <param name="stopped">
    /// Services the started one references, stopped once it runs: for tests that play such a service's part themselves
    /// (publishing its events by hand), which the real one would otherwise race.
    /// </param>
    public static async Task<ServiceRun> StartAsync(string service, IReadOnlyDictionary<string, string>? externalSettings = null,
        IReadOnlyCollection<string>? stopped = null)
    {
        var dataDirectory = Directory.CreateTempSubdirectory($"rapanalyzer-{service}-").FullName;
        var app = await AppHostRun.StartAsync(dataDirectory, only: [service], TestInfrastructure.ServerConnectionStrings(), externalSettings, TestLog.Write);
        try
        {
            foreach (var name in stopped ?? [])
            {
                await StopAsync(app, name);
            }
        }
        catch
        {
            // A run that never reaches the test is stopped here: left running, its services would consume the next
            // fixture's messages.
            await app.StopAsync();
            await app.DisposeAsync();
            Directory.Delete(dataDirectory, recursive: true);
            throw;
        }
        return new ServiceRun(service, app, dataDirectory);
    }

    /// <summary>
    /// Stops a referenced service once it runs: the started service does not wait for it, and a resource still
    /// starting refuses the stop command.
    /// </summary>
    private static async Task StopAsync(DistributedApplication app, string name)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await app.ResourceNotifications.WaitForResourceAsync(name, KnownResourceStates.Running, timeout.Token);
        var commands = app.Services.GetRequiredService<ResourceCommandService>();
        var result = await commands.ExecuteCommandAsync(name, KnownResourceCommands.StopCommand, timeout.Token);
        // Running is reported as the process starts; a stop that comes in the same instant can still be refused, and on
        // loaded cores the orchestrator has refused it for over a minute: asked again until the two minutes are up.
        for (var attempt = 1; !result.Success && attempt < 20 && !timeout.IsCancellationRequested; attempt++)
        {
            await Task.Delay(TimeSpan.FromSeconds(3), timeout.Token);
            result = await commands.ExecuteCommandAsync(name, KnownResourceCommands.StopCommand, timeout.Token);
        }
        if (!result.Success)
        {
            throw new InvalidOperationException($"{name} did not stop: {result.Message}");
        }
        await app.ResourceNotifications.WaitForResourceAsync(name, KnownResourceStates.TerminalStates, timeout.Token);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Grpc.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
        Directory.Delete(_dataDirectory, recursive: true);
    }
}
