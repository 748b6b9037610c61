using System.Reflection;
using RapAnalyzer.AppHost.Hosting;

namespace RapAnalyzer.AppHost.Run;

/// <summary>
/// A project run from its build output (built with the AppHost) with the environment the model gives it;
/// restarted with backoff if it crashes. Healthy once its /health answers 200.
/// </summary>
public sealed class ProjectRunner(ProjectResource project, DistributedApplicationModel model, LocalAddressing addressing,
    RunOptions options, ProcessLedger ledger, HttpClient http) : IResourceRunner
{
    private ManagedProcess? _process;

    public IResource Resource => project;
    public bool IsExternal => false;
    public ManagedProcess? Process => _process;
    public string HttpUrl => $"http://127.0.0.1:{addressing.Port(project, ProjectResource.Http)}";
    public string Url => project.Endpoints.Contains(ProjectResource.Grpc)
        ? $"{HttpUrl} (gRPC http://127.0.0.1:{addressing.Port(project, ProjectResource.Grpc)})"
        : HttpUrl;

    public static string OutputAssembly(ProjectResource project)
    {
        var configuration = typeof(ProjectRunner).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var projectDirectory = Path.GetDirectoryName(project.Metadata.ProjectPath)!;
        return Path.Combine(projectDirectory, "bin", configuration, "net10.0", $"{project.AssemblyName}.dll");
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var assembly = OutputAssembly(project);
        if (!File.Exists(assembly))
        {
            throw new FileNotFoundException($"{project.Name}: {assembly} is missing; build the solution first (dotnet build RapAnalyzer.sln).");
        }
        var environment = new Dictionary<string, string>(ProjectEnvironment.For(project, model, addressing))
        {
            ["ASPNETCORE_ENVIRONMENT"] = options.EnvironmentName,
            ["DOTNET_ENVIRONMENT"] = options.EnvironmentName,
        };
        foreach (var name in project.ForwardedEnvironment)
        {
            var value = options.HostEnvironment is { } host ? host.GetValueOrDefault(name) : Environment.GetEnvironmentVariable(name);
            if (value is { Length: > 0 })
            {
                environment[name] = value;
            }
        }
        _process = new ManagedProcess(project.Name,
            new ProcessSpec("dotnet", [assembly], environment, Path.GetDirectoryName(assembly)!)
            {
                // With the host's variables given, this process's own must not leak through to the service.
                Unset = options.HostEnvironment is null ? [] : project.ForwardedEnvironment,
            },
            options.Log, ledger, restartOnExit: true);
        _process.Start();
        await Readiness.WaitAsync(project.Name, IsHealthyAsync, options.HealthTimeout, cancellationToken);
    }

    private async Task<bool> IsHealthyAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"{HttpUrl}/health", cancellationToken);
        return response.IsSuccessStatusCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }
    }
}
