using Grpc.Net.Client;
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
    /// <param name="notStarted">
    /// Services the started one references that are never started (their endpoints still resolve): for tests that play
    /// such a service's part themselves (publishing its events by hand), which the real one would otherwise race.
    /// </param>
    public static async Task<ServiceRun> StartAsync(string service, IReadOnlyDictionary<string, string>? externalSettings = null,
        IReadOnlyCollection<string>? notStarted = null)
    {
        var dataDirectory = Directory.CreateTempSubdirectory($"rapanalyzer-{service}-").FullName;
        var app = await AppHostRun.StartAsync(dataDirectory, only: [service], TestInfrastructure.ServerConnectionStrings(), externalSettings, TestLog.Write,
            notStarted: notStarted);
        return new ServiceRun(service, app, dataDirectory);
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
