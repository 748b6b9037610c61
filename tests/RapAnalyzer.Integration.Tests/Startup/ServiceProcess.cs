using RapAnalyzer.AppHost;
using RapAnalyzer.AppHost.Hosting;
using RapAnalyzer.AppHost.Run;

namespace RapAnalyzer.Integration.Tests.Startup;

/// <summary>A service's built assembly started by hand with exactly the environment a test gives it.</summary>
public static class ServiceProcess
{
    public static ProcessSpec Spec(string service, IReadOnlyDictionary<string, string> environment)
    {
        var project = AppModel.Create().OfType<ProjectResource>().Single(p => p.Name == service);
        var assembly = ProjectRunner.OutputAssembly(project);
        var withDefaults = new Dictionary<string, string>(environment)
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
        };
        return new ProcessSpec("dotnet", [assembly], withDefaults, Path.GetDirectoryName(assembly)!);
    }

    /// <summary>Runs the service until it exits (it should, on a bad setting) and returns what it printed.</summary>
    public static async Task<string> RunToFailureAsync(string service, IReadOnlyDictionary<string, string> environment)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var failure = Assert.ThrowsAsync<InvalidOperationException>(() => Command.RunAsync(Spec(service, environment), timeout.Token));
        return failure!.Message;
    }
}
