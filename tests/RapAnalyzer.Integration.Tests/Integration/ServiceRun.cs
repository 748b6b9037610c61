using Grpc.Net.Client;
using RapAnalyzer.AppHost.Hosting;
using RapAnalyzer.AppHost.Run;

namespace RapAnalyzer.Integration.Tests;

/// <summary>
/// One service of the app model (with anything it waits for) run as real processes against the test
/// infrastructure; disposing stops them and deletes their data folder.
/// </summary>
public sealed class ServiceRun : IAsyncDisposable
{
    private readonly string _dataDirectory;

    private ServiceRun(string service, LocalRun run, string dataDirectory)
    {
        Run = run;
        _dataDirectory = dataDirectory;
        Http = new HttpClient { BaseAddress = run.HttpEndpoint(service), Timeout = TimeSpan.FromSeconds(30) };
        var grpcPort = run.Addressing.Port(run.Runner(service).Resource, ProjectResource.Grpc);
        Grpc = GrpcChannel.ForAddress($"http://127.0.0.1:{grpcPort}");
    }

    public LocalRun Run { get; }
    public HttpClient Http { get; }
    public GrpcChannel Grpc { get; }

    /// <param name="hostEnvironment">The variables the AppHost forwards from its environment (external APIs' settings); none by default.</param>
    public static async Task<ServiceRun> StartAsync(string service, IReadOnlyDictionary<string, string>? hostEnvironment = null)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"rapanalyzer-{service}-{Guid.NewGuid():N}");
        var run = await LocalRun.StartAsync(TestInfrastructure.Model, new RunOptions
        {
            DataDirectory = dataDirectory,
            Only = [service],
            ConfiguredConnectionStrings = TestInfrastructure.ServerConnectionStrings(),
            PreferredGatewayPort = 0,
            Log = TestLog.Write,
            HostEnvironment = hostEnvironment ?? new Dictionary<string, string>(),
        }, CancellationToken.None);
        return new ServiceRun(service, run, dataDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Grpc.Dispose();
        await Run.DisposeAsync();
        DataFolder.Wipe(_dataDirectory);
    }
}
